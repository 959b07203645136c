/**
 * A5: the certificate the bank's CA issues for a verified request: X.509 v3, the subject set by
 * the bank (names.ts), a random serial, valid config.certificateValidityMs from now, for TLS
 * client authentication only (RFC 5280 §4.2.1.12 id-kp-clientAuth), not a CA.
 */
import * as x509 from '@peculiar/x509';
import type { CertificateRecord, Random } from '../ports.ts';
import { CA_SIGNING, type CertificateAuthority, randomSerial, wholeSeconds } from './authority.ts';
import type { VerifiedRequest } from './csr.ts';
import { type Holder, holderName } from './names.ts';

export interface IssueInput {
  request: VerifiedRequest;
  holder: Holder;
  bankName: string;
  contractId: string;
  userId: string;
  now: number;
  validityMs: number;
}

export interface Issued {
  record: CertificateRecord;
  certificate: x509.X509Certificate;
}

export async function issueCertificate(
  ca: CertificateAuthority,
  random: Random,
  i: IssueInput,
): Promise<Issued> {
  const notBefore = wholeSeconds(i.now);
  // Never past the CA's own expiry: a client certificate outliving its issuer would not verify.
  const notAfter = Math.min(wholeSeconds(i.now + i.validityMs), ca.certificate.notAfter.getTime());
  const usages =
    x509.KeyUsageFlags.digitalSignature |
    (i.request.keyType === 'rsa' ? x509.KeyUsageFlags.keyEncipherment : 0);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(random),
    subject: holderName(i.bankName, i.holder),
    issuer: ca.certificate.subjectName,
    notBefore: new Date(notBefore),
    notAfter: new Date(notAfter),
    publicKey: i.request.publicKey,
    signingKey: ca.privateKey,
    signingAlgorithm: CA_SIGNING,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usages, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.clientAuth]),
      await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false),
      await x509.SubjectKeyIdentifierExtension.create(i.request.publicKey),
    ],
  });
  return {
    certificate,
    record: {
      serial: serialOf(certificate),
      contractId: i.contractId,
      userId: i.userId,
      subject: certificate.subject,
      notBefore,
      notAfter,
      state: 'active',
      revokedAt: null,
      revocationReason: null,
      issuedAt: i.now,
      der: new Uint8Array(certificate.rawData),
    },
  };
}

/** The serial as records keep it: lowercase hex without leading zero bytes (as randomSerial makes it). */
export function serialOf(certificate: x509.X509Certificate): string {
  return normaliseSerial(certificate.serialNumber) ?? certificate.serialNumber.toLowerCase();
}

/** A serial as a client may type it (hex, any case, colons allowed), or null when it is not one. */
export function normaliseSerial(serial: unknown): string | null {
  if (typeof serial !== 'string') return null;
  const hex = serial
    .replace(/:/g, '')
    .toLowerCase()
    .replace(/^(00)+(?=[0-9a-f])/, '');
  return /^[0-9a-f]{1,40}$/.test(hex) ? hex : null;
}
