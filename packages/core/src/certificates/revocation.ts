/**
 * A5, B1: 失効. The administrator revokes a certificate of their own contract (PC change or loss,
 * with the contract PIN); the bank revokes anyone's. Revocation is a row in the database, read at
 * every certificate check and published on the CRL. Reissue is a new 取得 code.
 */
import { KinkoError } from '../errors.ts';
import type { Actor, CustomerActor, OperatorActor } from '../identity/actors.ts';
import { requireAdmin } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import { requireOperator } from '../identity/operators.ts';
import { type CertificateRecord, REVOCATION_REASONS, type RevocationReason } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { normaliseSerial } from './issue.ts';
import { type CertificateView, certificateView } from './views.ts';

function reasonOf(reason: unknown): RevocationReason {
  if (reason === undefined) return 'unspecified';
  if (
    typeof reason === 'string' &&
    (REVOCATION_REASONS as readonly string[]).includes(reason) &&
    reason !== 'superseded'
  ) {
    return reason as RevocationReason;
  }
  throw new KinkoError('request.invalid', 'reason is key_compromise, cessation_of_operation or unspecified');
}

/** Revokes an active certificate and audits it; false when it was no longer active. */
async function markRevoked(
  tx: Tx,
  actor: Actor,
  record: CertificateRecord,
  reason: RevocationReason,
): Promise<boolean> {
  if (!(await tx.store.certificates.revoke(record.serial, 'revoked', tx.now, reason))) return false;
  tx.audit({
    actor,
    action: 'certificate.revoked',
    subject: record.serial,
    contractId: record.contractId,
    detail: { userId: record.userId, reason, by: actor.kind },
  });
  return true;
}

async function revokeRecord(
  tx: Tx,
  actor: Actor,
  record: CertificateRecord,
  reason: RevocationReason,
): Promise<CertificateView> {
  if (!(await markRevoked(tx, actor, record, reason))) throw new KinkoError('certificate.not_active');
  const revoked = await tx.store.certificates.getBySerial(record.serial);
  if (!revoked) throw new Error('invariant: the revoked certificate is readable');
  return certificateView(tx.store, revoked);
}

/**
 * A5: a removed user's certificates stop at once (cessation of operation), in the caller's
 * transaction, each audited as any revocation.
 */
export async function revokeHolderCertificates(
  tx: Tx,
  actor: Actor,
  contractId: string,
  userId: string,
): Promise<void> {
  for (const c of await tx.store.certificates.listByContract(contractId)) {
    if (c.userId === userId && c.state === 'active')
      await markRevoked(tx, actor, c, 'cessation_of_operation');
  }
}

export function revokeCertificate(
  deps: KinkoDeps,
  actor: CustomerActor,
  serial: string,
  input: { contractPin: string; reason?: RevocationReason },
): Promise<CertificateView> {
  const reason = reasonOf(input?.reason);
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const s = normaliseSerial(serial);
    const record = s === null ? null : await tx.store.certificates.getBySerial(s);
    // Another contract's certificate is reported exactly like a missing one.
    if (!record || record.contractId !== contract.id) throw new KinkoError('certificate.not_found');
    if (record.state !== 'active') throw new KinkoError('certificate.not_active');
    const pinFailure = await checkContractPin(tx, actor, contract, input?.contractPin);
    if (pinFailure) return pinFailure;
    return revokeRecord(tx, actor, record, reason);
  });
}

export function revokeCertificateByBank(
  deps: KinkoDeps,
  actor: OperatorActor,
  serial: string,
  input: { reason?: RevocationReason },
): Promise<CertificateView> {
  const reason = reasonOf(input?.reason);
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const s = normaliseSerial(serial);
    const record = s === null ? null : await tx.store.certificates.getBySerial(s);
    if (!record) throw new KinkoError('certificate.not_found');
    return revokeRecord(tx, actor, record, reason);
  });
}
