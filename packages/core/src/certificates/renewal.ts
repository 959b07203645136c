/**
 * A5: 電子証明書更新. From config.certificateRenewalWindowMs (30 days) before its expiry, the holder
 * of an active certificate gets a new one for a new request; the old one is superseded (listed on
 * the CRL) once the new one is issued. For now the caller is a logged-in customer who shows the
 * current certificate; when login checks certificates, the session that logged in with it will.
 */
import * as x509 from '@peculiar/x509';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { type KinkoDeps, reject, runUseCase } from '../use-case.ts';
import { judgeCertificate } from './check.ts';
import { verifyRequest } from './csr.ts';
import { deliver, type IssuedCertificate, requireCa } from './deliver.ts';
import { arrayBufferOf, certificateDer } from './input.ts';

export async function renewCertificate(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { certificate: string; csr: string },
): Promise<IssuedCertificate> {
  const ca = requireCa(deps);
  // Input first: a current certificate that is not one, or oversized, is refused as input.
  const current = certificateDer(input?.certificate);
  try {
    new x509.X509Certificate(arrayBufferOf(current));
  } catch {
    throw new KinkoError('certificate.malformed', 'the current certificate is not an X.509 certificate');
  }
  const request = await verifyRequest(input?.csr);
  return runUseCase(deps, async (tx) => {
    const { user, contract } = await requireCustomer(tx, actor);
    if (contract.loginMethod !== 'certificate') throw new KinkoError('certificate.login_method');
    const check = await judgeCertificate(
      ca,
      current,
      {
        contractId: contract.id,
        contractNumber: contract.contractNumber,
        userId: user.id,
        loginId: user.loginId,
      },
      (serial) => tx.store.certificates.getBySerial(serial),
      tx.now,
    );
    if (!check.accepted) {
      tx.audit({
        actor,
        action: 'certificate.renewal_failed',
        outcome: 'failure',
        subject: check.serial,
        detail: { reason: check.reason },
      });
      return reject('certificate.rejected', `the current certificate cannot be renewed: ${check.reason}`, {
        reason: check.reason,
      });
    }
    if (check.notAfter - tx.now > deps.config.certificateRenewalWindowMs) {
      throw new KinkoError('certificate.renewal_not_due', undefined, {
        renewableFrom: check.notAfter - deps.config.certificateRenewalWindowMs,
      });
    }
    return deliver(tx, actor, contract, user, request, 'renewal');
  });
}
