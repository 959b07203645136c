import type { OtpOperation } from '../config.ts';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import type { Rejection, Tx } from '../use-case.ts';
import type { StepUpProof, StepUpResult } from './proof.ts';
import { requireProof } from './proof.ts';
import { stepUpIn } from './step-up.ts';

/**
 * M5b: which operations ask for the OTP, and the one step-up call that transfers, approvals,
 * files and bills make for them. Which operations ask is per-bank configuration (a set of
 * operations, DEFAULT_OTP_OPERATIONS unless configured); this module only reads it.
 */

/**
 * M5b: whether the bank's configured set of operations asks for the OTP for this operation (null:
 * a system action, never). The one check: the approval actions (needsOtp), the confirmation of a
 * transfer (confirm.ts) and the cancellation of a scheduled one (scheduled.ts) all ask it.
 */
export function asksOtp(otpOperations: Iterable<OtpOperation>, op: OtpOperation | null): boolean {
  if (op === null) return false;
  for (const configured of otpOperations) if (configured === op) return true;
  return false;
}

/** M5b: the method audited for an operation the bank's configuration runs without step-up. */
export const NO_STEP_UP = 'none_by_configuration';

/**
 * M5b: the step-up for one operation, in the caller's transaction, if the bank's configuration
 * asks for the OTP for it (asksOtp, the check the approval actions use too). When it does not,
 * no proof is required and none is consumed (a proof given anyway is ignored, not an error),
 * and the audit records that the operation ran without step-up by configuration (it commits
 * with the operation, so a refused operation records nothing).
 */
export async function stepUpIfConfigured(
  tx: Tx,
  actor: CustomerActor,
  proof: StepUpProof | undefined,
  operation: OtpOperation,
  purpose: string,
  subject: string,
): Promise<StepUpResult | { method: typeof NO_STEP_UP } | Rejection> {
  if (asksOtp(tx.deps.config.otpOperations, operation)) {
    return stepUpIn(tx, actor, proof, purpose);
  }
  // A2: 利用中止 stops the user's transactions, whether or not this bank asks the OTP here.
  const user = await tx.store.users.get(actor.userId);
  if (!user || user.suspended) {
    throw new KinkoError('otp.user_suspended', 'this user is suspended (利用中止): ask your administrator');
  }
  tx.audit({
    actor,
    action: 'step_up.not_required',
    subject,
    detail: { operation, purpose, reason: 'configuration' },
  });
  return { method: NO_STEP_UP };
}

/**
 * M5b: a call that may ask for the OTP (the bank's set holds one of these operations) and came
 * without a proof is refused before anything is read, as when the OTP is always asked.
 */
export function requireProofIfAsked(
  otpOperations: Iterable<OtpOperation>,
  operations: readonly OtpOperation[],
  proof: unknown,
): void {
  const set = [...otpOperations];
  if (operations.some((op) => asksOtp(set, op))) requireProof(proof);
}
