/**
 * 振込・振替 step 2, 確認・実行 (M2, M3): the ONE step-up with purpose 'transfer.confirm', then
 * the money moves now (value date today) or the transfer waits as scheduled (M6). The rules of
 * step 1 are checked again, because time passed (the cut-off) and the token may have changed.
 */
import type { CustomerActor, StepUpProof } from '../api.ts';
import { type KinkoDeps, Rejection, type Tx } from '../audit/use-case.ts';
import { checkValueDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import type { TransferRecord } from '../ports.ts';
import { stepUpIn } from '../tokens/step-up.ts';
import { type TransferContext, tokenActive, transferContext } from './enter.ts';
import { executeTransfer } from './execute.ts';
import { runIdempotent } from './idempotency.ts';
import { newReceiptNumber } from './receipt.ts';
import { assertSameDayAllowed } from './same-day-rule.ts';
import { type TransferReceipt, toTransferView } from './views.ts';

/** A pending transfer not confirmed within this time must be entered again. */
export const PENDING_TTL_MS = 30 * 60_000;

/** The user's own transfer; another contract's or another user's is reported as missing. */
export async function requireOwnTransfer(tx: Tx, ctx: TransferContext, id: unknown): Promise<TransferRecord> {
  const t = typeof id === 'string' && id.length <= 64 ? await tx.store.transfers.get(id) : null;
  if (!t || t.contractId !== ctx.contract.id || t.userId !== ctx.user.id)
    throw new KinkoError('transfer.not_found');
  return t;
}

/**
 * M5, M5a plug in here: limits (per transfer, per day, the same-day unregistered sub-limit) and
 * approvals are checked in the confirm transaction, after the rules of step 1 and before the
 * OTP is consumed. Today there are neither, so every transfer proceeds.
 */
export async function authoriseTransfer(_tx: Tx, _ctx: TransferContext, _t: TransferRecord): Promise<void> {}

export async function confirmTransfer(
  deps: KinkoDeps,
  actor: CustomerActor,
  transferId: string,
  proof: StepUpProof,
  idempotencyKey: unknown,
): Promise<TransferReceipt> {
  if (proof === null || typeof proof !== 'object') throw new KinkoError('request.invalid', 'proof required');
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
      await authoriseTransfer(tx, ctx, t);
      const auth = await stepUpIn(tx, actor, proof, 'transfer.confirm');
      if (auth instanceof Rejection) return auth;
      const receiptNumber = newReceiptNumber(deps.random, tx.now);
      const stamp = { receiptNumber, confirmedAt: tx.now };
      let done: TransferRecord | null;
      if (t.valueDate === window.today) {
        done = await executeTransfer(tx, actor, t, 'pending', stamp);
      } else {
        const moved = await tx.store.transfers.transition(t.id, 'pending', { status: 'scheduled', ...stamp });
        done = moved ? { ...t, ...stamp, status: 'scheduled' } : null;
        if (done) {
          tx.audit({
            actor,
            action: 'transfer.scheduled',
            subject: t.id,
            detail: {
              receiptNumber,
              amount: t.amount,
              fee: t.fee,
              valueDate: t.valueDate,
              method: auth.method,
            },
          });
        }
      }
      // Another confirmation with another key won the claim between our read and our update.
      if (!done)
        throw new KinkoError('transfer.not_pending', 'This transfer was confirmed by another request.');
      return { receiptNumber, transfer: toTransferView(done) };
    },
  });
}
