/**
 * A5: 電子証明書取得. With the 取得 code, the login ID and the password, the holder sends a PKCS#10
 * request made on their own machine and receives the certificate; the private key never reaches
 * the bank. Every refusal after the request's shape is audited (certificate.pickup_failed), and a
 * wrong password counts towards the login's lockout (A4) as at login.
 */
import type { KinkoError } from '../errors.ts';
import type { AnonymousActor, CustomerActor } from '../identity/actors.ts';
import { findLoginCandidate, INVALID_CREDENTIALS } from '../identity/login-candidate.ts';
import { verifyAgainstDummy, verifySecret } from '../identity/secrets.ts';
import { type KinkoDeps, reject, runUseCase } from '../use-case.ts';
import { codeMatches } from './codes.ts';
import { assertSubjectFits, verifyRequest } from './csr.ts';
import { deliver, type IssuedCertificate, requireCa } from './deliver.ts';

export interface PickupInput {
  contractNumber: string;
  loginId: string;
  password: string;
  code: string;
  /** PKCS#10, PEM or base64 DER. */
  csr: string;
}

export async function pickUpCertificate(
  deps: KinkoDeps,
  actor: AnonymousActor,
  input: PickupInput,
): Promise<IssuedCertificate> {
  requireCa(deps);
  const { contractNumber, loginId, password, code } = input ?? ({} as PickupInput);
  // The request's shape first: a malformed, oversized or badly signed request is refused as input.
  const request = await verifyRequest(input?.csr);
  const { contract, known, secret } = await findLoginCandidate(deps, contractNumber, loginId, password);
  // argon2 outside the transaction, and as much work for an unknown ID as a known one (A1).
  const passwordOk =
    known && !known.loginLocked && secret !== '' ? await verifySecret(known.passwordHash, secret) : false;
  if (!known) await verifyAgainstDummy(deps, secret);

  return runUseCase(deps, async (tx) => {
    const user = known ? await tx.store.users.get(known.id) : null;
    const failed = (reason: string, extra: Record<string, unknown> = {}) =>
      tx.audit({
        actor,
        action: 'certificate.pickup_failed',
        outcome: 'failure',
        contractId: contract?.id ?? null,
        subject: user?.id ?? (typeof loginId === 'string' ? loginId.slice(0, 64) : null),
        detail: { reason, ...extra },
      });
    if (!contract || !user || user.removed) {
      failed('unknown');
      return reject('auth.invalid_credentials', INVALID_CREDENTIALS);
    }
    if (user.loginLocked) {
      failed('locked');
      return reject('auth.locked');
    }
    if (!passwordOk || user.passwordHash !== known?.passwordHash) {
      const r = await tx.store.users.recordFailure(user.id, 'password', deps.config.maxPasswordFailures);
      failed('password', { failures: r.failures });
      return r.locked ? reject('auth.locked') : reject('auth.invalid_credentials', INVALID_CREDENTIALS);
    }
    await tx.store.users.resetFailures(user.id, 'password');
    if (contract.stopped) {
      failed('stopped');
      return reject('contract.stopped');
    }
    if (contract.loginMethod !== 'certificate') {
      failed('login_method');
      return reject('certificate.login_method');
    }
    const current = await tx.store.certificateCodes.current(user.id);
    if (!current || !codeMatches(current, code)) {
      failed('code_invalid');
      return reject('certificate.code_invalid');
    }
    if (tx.now >= current.expiresAt) {
      failed('code_expired');
      return reject('certificate.code_expired');
    }
    const holder: CustomerActor = {
      kind: 'customer',
      userId: user.id,
      contractId: contract.id,
      role: user.role,
      clientAddress: actor.clientAddress,
    };
    try {
      // Before the code is used up: a request naming someone else leaves the code usable.
      assertSubjectFits(request, { contractNumber: contract.contractNumber, loginId: user.loginId });
    } catch (e) {
      failed('csr_subject_mismatch');
      return reject('certificate.csr_subject_mismatch', (e as KinkoError).message);
    }
    if (!(await tx.store.certificateCodes.consume(current.id, tx.now))) {
      failed('code_invalid');
      return reject('certificate.code_invalid');
    }
    return deliver(tx, holder, contract, user, request, 'pickup');
  });
}
