/**
 * A5: issuing a verified request to its holder inside a use case's transaction: the holder's
 * other active certificates are superseded (one certificate per ID and PC, DOMAIN §1.2: a new one
 * replaces the old), the new one is recorded and audited, and the holder gets it with the chain.
 */
import { KinkoError } from '../errors.ts';
import type { Actor } from '../identity/actors.ts';
import type { CaKeys, ContractRecord, UserRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { authorityOf, type CertificateAuthority, pemText } from './authority.ts';
import type { VerifiedRequest } from './csr.ts';
import { assertSubjectFits } from './csr.ts';
import { issueCertificate } from './issue.ts';

/** What the holder receives: the certificate and the chain to the bank's CA, PEM. */
export interface IssuedCertificate {
  serial: string;
  certificate: string;
  chain: string[];
  notBefore: number;
  notAfter: number;
}

export function requireCa(deps: { ca?: CaKeys }): CertificateAuthority {
  if (!deps.ca) throw new KinkoError('ca.not_configured');
  return authorityOf(deps.ca);
}

export async function deliver(
  tx: Tx,
  actor: Actor,
  contract: ContractRecord,
  user: UserRecord,
  request: VerifiedRequest,
  via: 'pickup' | 'renewal',
): Promise<IssuedCertificate> {
  const ca = requireCa(tx.deps);
  const holder = { contractNumber: contract.contractNumber, loginId: user.loginId };
  assertSubjectFits(request, holder);
  const { record, certificate } = await issueCertificate(ca, tx.deps.random, {
    request,
    holder,
    bankName: tx.deps.config.bankName,
    contractId: contract.id,
    userId: user.id,
    now: tx.now,
    validityMs: tx.deps.config.certificateValidityMs,
  });
  const previous = (await tx.store.certificates.listByContract(contract.id)).filter(
    (c) => c.userId === user.id && c.state === 'active',
  );
  for (const old of previous) {
    if (await tx.store.certificates.revoke(old.serial, 'superseded', tx.now, 'superseded')) {
      tx.audit({
        actor,
        action: 'certificate.superseded',
        subject: old.serial,
        contractId: contract.id,
        detail: { userId: user.id, by: record.serial },
      });
    }
  }
  await tx.store.certificates.insert(record);
  tx.audit({
    actor,
    action: 'certificate.issued',
    subject: record.serial,
    contractId: contract.id,
    detail: {
      userId: user.id,
      loginId: user.loginId,
      via,
      keyType: request.keyType,
      notAfter: record.notAfter,
    },
  });
  return {
    serial: record.serial,
    certificate: pemText(certificate.toString('pem')),
    chain: [ca.pem],
    notBefore: record.notBefore,
    notAfter: record.notAfter,
  };
}
