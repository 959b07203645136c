/**
 * A5: whether a client certificate may log in as a given user. The TLS layer (a later step) hands
 * the DER it received; this says accepted, or why not, from the certificate itself, the bank's CA
 * and the certificate's record (revocation is kept in the database and read at every check).
 */
import * as x509 from '@peculiar/x509';
import { isKinkoError } from '../errors.ts';
import type { CaKeys, CertificateRecord, Store } from '../ports.ts';
import { authorityOf, type CertificateAuthority } from './authority.ts';
import { arrayBufferOf, certificateDer } from './input.ts';
import { serialOf } from './issue.ts';
import { holderOf } from './names.ts';

const CERTIFICATE_REFUSALS = [
  'malformed', // not an X.509 certificate, or oversized
  'not_issued', // not signed by this bank's CA (another CA's, or a changed byte)
  'unknown', // signed by the CA but not on its record
  'not_yet_valid',
  'expired',
  'revoked', // revoked or superseded by a newer certificate
  'other_contract', // another contract's holder
  'other_user', // this contract's, another login ID's
] as const;
type CertificateRefusal = (typeof CERTIFICATE_REFUSALS)[number];

export type CertificateCheck =
  | { accepted: true; serial: string; notAfter: number }
  | { accepted: false; reason: CertificateRefusal; serial: string | null };

/** Who the login says it is: the contract (id and ご契約先ID) and the user (id and login ID). */
export interface ClaimedHolder {
  contractId: string;
  contractNumber: string;
  userId: string;
  loginId: string;
}

async function parseIssued(
  ca: CertificateAuthority,
  input: unknown,
): Promise<{ certificate: x509.X509Certificate; der: Uint8Array } | CertificateRefusal> {
  let der: Uint8Array;
  let certificate: x509.X509Certificate;
  try {
    der = certificateDer(input);
    certificate = new x509.X509Certificate(arrayBufferOf(der));
  } catch (e) {
    if (isKinkoError(e) || e instanceof Error) return 'malformed';
    throw e;
  }
  if (certificate.issuer !== ca.certificate.subject) return 'not_issued';
  let signed = false;
  try {
    signed = await certificate.verify({ publicKey: ca.certificate.publicKey, signatureOnly: true });
  } catch {
    signed = false;
  }
  return signed ? { certificate, der } : 'not_issued';
}

/** The pure judgement, given the record the certificate's serial finds (or null). */
export async function judgeCertificate(
  ca: CertificateAuthority,
  input: unknown,
  claimed: ClaimedHolder,
  findRecord: (serial: string) => Promise<CertificateRecord | null>,
  now: number,
): Promise<CertificateCheck> {
  const parsed = await parseIssued(ca, input);
  if (typeof parsed === 'string') return { accepted: false, reason: parsed, serial: null };
  const serial = serialOf(parsed.certificate);
  const refuse = (reason: CertificateRefusal): CertificateCheck => ({ accepted: false, reason, serial });
  const record = await findRecord(serial);
  // The record keeps the certificate's bytes: a certificate the CA signed is on record as issued.
  if (!record || Buffer.compare(Buffer.from(record.der), Buffer.from(parsed.der)) !== 0)
    return refuse('unknown');
  if (now < record.notBefore) return refuse('not_yet_valid');
  if (now > record.notAfter) return refuse('expired');
  if (record.state !== 'active') return refuse('revoked');
  const holder = holderOf(parsed.certificate.subjectName);
  if (record.contractId !== claimed.contractId || holder?.contractNumber !== claimed.contractNumber) {
    return refuse('other_contract');
  }
  if (record.userId !== claimed.userId || holder?.loginId !== claimed.loginId) return refuse('other_user');
  return { accepted: true, serial, notAfter: record.notAfter };
}

/**
 * A5 at login: `contractNumber` and `loginId` are what the login form says; an unknown contract
 * or user is refused like a certificate of somebody else's.
 */
export async function checkClientCertificate(
  deps: { store: Store; clock: { now(): number }; ca?: CaKeys },
  input: unknown,
  login: { contractNumber: string; loginId: string },
): Promise<CertificateCheck> {
  const ca = deps.ca ? authorityOf(deps.ca) : null;
  if (!ca) return { accepted: false, reason: 'not_issued', serial: null };
  const contract =
    typeof login?.contractNumber === 'string'
      ? await deps.store.contracts.getByNumber(login.contractNumber)
      : null;
  const user =
    contract && typeof login.loginId === 'string'
      ? await deps.store.users.getByLogin(contract.id, login.loginId)
      : null;
  const claimed: ClaimedHolder = {
    contractId: contract?.id ?? '',
    contractNumber: contract?.contractNumber ?? '',
    userId: user && !user.removed ? user.id : '',
    loginId: user && !user.removed ? user.loginId : '',
  };
  return judgeCertificate(
    ca,
    input,
    claimed,
    (serial) => deps.store.certificates.getBySerial(serial),
    deps.clock.now(),
  );
}
