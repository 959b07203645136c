/**
 * 振込・振替 step 2, 確認・実行 (M2, M3): the ONE step-up with purpose 'transfer.confirm' (unless
 * the bank's configuration asks no OTP for 'transfer.execute', M5b), then the money moves now
 * (value date today) or the transfer waits as scheduled (M6). The rules of step 1 are checked
 * again, because time passed (the cut-off) and the token may have changed.
 */

import { checkValueDate, jstDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requirePrivilege } from '../identity/privileges.ts';
import type { TransferRecord } from '../ports.ts';
import type { StepUpProof, StepUpResult } from '../tokens/proof.ts';
import { stepUpIn } from '../tokens/step-up.ts';
import { type KinkoDeps, Rejection, type Tx } from '../use-case.ts';
import { asksOtp, type OtpOperation } from './approval-otp.ts';
import { approvalSettingsOf, submitForApproval } from './approvals.ts';
import { type TransferContext, tokenActive, transferContext } from './enter.ts';
import { executeTransfer } from './execute.ts';
import { runIdempotent } from './idempotency.ts';
import { countTransfer, precheckLimits } from './limits.ts';
import { newReceiptNumber } from './receipt.ts';
import { assertSameDayAllowed } from './same-day-rule.ts';
import { type TransferReceipt, toTransferView } from './views.ts';

/** A pending transfer not confirmed within this time must be entered again. */
export const PENDING_TTL_MS = 30 * 60_000;

/** The user's own transfer; another contract's or another user's is reported as missing. */
export async function requireOwnTransfer(tx: Tx, ctx: TransferContext, id: unknown): Promise<TransferRecord> {
  const t = typeof id === 'string' && id.length <= 64 ? await tx.store.transfers.get(id) : null;
  if (!t || t.contractId !== ctx.contract.id || t.userId !== ctx.user.id)
    throw new KinkoError(
      'transfer.not_found',
      "No such transfer: the id is one of this user's own transfers (GET /api/v1/transfers lists them).",
    );
  return t;
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
    if (proof === null || typeof proof !== 'object')
      throw new KinkoError('request.invalid', 'proof required');
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
 * M5: in the confirm transaction, after the rules of step 1 and before the OTP is consumed: the
 * user must hold 振込・振替, and the limits as read now must allow the transfer (advisory; the
 * exact count follows the step-up, in acceptTransfer, so a wrong OTP, which commits its
 * failure count, never commits a limit count with it). A refusal comes back as a Rejection,
 * audited.
 */
export async function authoriseTransfer(
  tx: Tx,
  actor: CustomerActor,
  ctx: TransferContext,
  t: TransferRecord,
): Promise<Rejection | null> {
  await requirePrivilege(tx, ctx.user, 'transfer');
  return precheckLimits(tx, actor, t, jstDate(tx.now), 'confirm');
}

/**
 * Accepts an authorised pending transfer: posts it (value date today) or books it as scheduled
 * (M6), then counts it against the daily limits (M5, exact), all in the caller's transaction, so
 * that a refusal rolls the posting back and a failed posting leaves no count. The count comes
 * last because its day row of the contract is locked until COMMIT (PostgreSQL): every transfer
 * of the contract waits for it, so it is held for the end of the transaction only. Null:
 * another request confirmed it first.
 */
export async function acceptTransfer(
  tx: Tx,
  actor: CustomerActor,
  t: TransferRecord,
  today: string,
  stamp: { receiptNumber: string; confirmedAt: number },
  method: string,
): Promise<TransferRecord | null> {
  let done: TransferRecord | null = null;
  if (t.valueDate === today) done = await executeTransfer(tx, actor, t, 'pending', stamp);
  else if (await tx.store.transfers.transition(t.id, 'pending', { status: 'scheduled', ...stamp })) {
    tx.audit({
      actor,
      action: 'transfer.scheduled',
      subject: t.id,
      detail: {
        receiptNumber: stamp.receiptNumber,
        amount: t.amount,
        fee: t.fee,
        valueDate: t.valueDate,
        method,
      },
    });
    done = { ...t, ...stamp, status: 'scheduled' };
  }
  if (done) await countTransfer(tx, t, today);
  return done;
}

export async function confirmTransfer(
  deps: KinkoDeps,
  actor: CustomerActor,
  transferId: string,
  proof: StepUpProof | undefined,
  idempotencyKey: unknown,
): Promise<TransferReceipt> {
  // M5b: when the bank asks for the OTP for what a confirmation may be (the execution, or the
  // 承認依頼 in an approval mode), a missing proof is refused before anything is read, as always;
  // otherwise none is needed unless the transaction finds the operation in the configuration.
  const config = deps.config.otpOperations;
  const mayAsk = asksOtp(config, 'transfer.execute') || asksOtp(config, 'transfer.submit');
  if (mayAsk && (proof === null || typeof proof !== 'object'))
    throw new KinkoError('request.invalid', 'proof required');
  return runIdempotent<TransferReceipt, TransferContext>(deps, {
    key: idempotencyKey,
    operation: 'transfer.confirm',
    // The proof is not part of the request's identity (idempotency.ts): a retry after a lost
    // answer carries the same, already used, OTP.
    request: { userId: actor?.userId, transferId },
    resolve: (tx) => transferContext(tx, actor),
    run: async (tx, ctx) => {
      const t = await requireOwnTransfer(tx, ctx, transferId);
      if (t.status !== 'pending') {
        throw new KinkoError('transfer.not_pending', `This transfer is already ${t.status}.`, {
          status: t.status,
        });
      }
      // M5a: a transfer submitted for approval waits for its approvers, not for a confirmation.
      if (await tx.store.approvals.getByTransfer(t.id))
        throw new KinkoError('transfer.not_pending', 'This transfer waits for approval.', {
          status: 'pending_approval',
        });
      if (tx.now - t.createdAt > PENDING_TTL_MS) {
        throw new KinkoError('transfer.expired', 'This transfer was entered too long ago; enter it again.');
      }
      const window = checkValueDate(t.valueDate, tx.now, deps.config);
      assertSameDayAllowed({
        valueDate: t.valueDate,
        today: window.today,
        standing: t.standing,
        loginMethod: ctx.contract.loginMethod,
        tokenActive: await tokenActive(tx, ctx),
        latest: window.latest,
      });
      const refused = await authoriseTransfer(tx, actor, ctx, t);
      if (refused) return refused;
      // M5a: in an approval mode the requester's confirmation is the 承認依頼; nothing moves yet.
      const settings = await approvalSettingsOf(tx, ctx.contract.id);
      if (settings.mode !== 'none') return submitForApproval(tx, actor, ctx, t, settings, proof);
      const auth = await stepUpIfConfigured(tx, actor, proof, 'transfer.execute', 'transfer.confirm', t.id);
      if (auth instanceof Rejection) return auth;
      const receiptNumber = newReceiptNumber(deps.random, tx.now);
      const stamp = { receiptNumber, confirmedAt: tx.now };
      const done = await acceptTransfer(tx, actor, t, window.today, stamp, auth.method);
      // Another confirmation with another key won the claim between our read and our update.
      if (!done)
        throw new KinkoError('transfer.not_pending', 'This transfer was confirmed by another request.');
      return { receiptNumber, transfer: toTransferView(done) };
    },
  });
}
