/**
 * 振込・振替 step 2, 確認・実行 (M2, M3): the ONE step-up with purpose 'transfer.confirm' (unless
 * the bank's configuration asks no OTP for 'transfer.execute', M5b), then the money moves now
 * (value date today) or the transfer waits as scheduled (M6). The rules of step 1 are checked
 * again, because time passed (the cut-off) and the token may have changed.
 */

import { approvalSettingsOf } from '../approvals/index.ts';
import { checkValueDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import { runIdempotent } from '../idempotency.ts';
import type { CustomerActor } from '../identity/actors.ts';
import type { CustomerContext } from '../identity/authz.ts';
import { requireCustomer } from '../identity/authz.ts';
import { tokenActive } from '../tokens/effective.ts';
import { requireProofIfAsked, stepUpIfConfigured } from '../tokens/operations.ts';
import type { StepUpProof } from '../tokens/proof.ts';
import { type KinkoDeps, Rejection } from '../use-case.ts';
import { acceptTransfer, authoriseTransfer } from './accept.ts';
import { submitForApproval } from './approval.ts';
import { requireOwnTransfer } from './queries.ts';
import { newReceiptNumber } from './receipt.ts';
import { assertSameDayAllowed } from './same-day-rule.ts';
import { type TransferReceipt, toTransferView } from './views.ts';

/** A pending transfer not confirmed within this time must be entered again. */
export const PENDING_TTL_MS = 30 * 60_000;

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
  requireProofIfAsked(deps.config.otpOperations, ['transfer.execute', 'transfer.submit'], proof);
  return runIdempotent<TransferReceipt, CustomerContext>(deps, {
    key: idempotencyKey,
    operation: 'transfer.confirm',
    // The proof is not part of the request's identity (idempotency.ts): a retry after a lost
    // answer carries the same, already used, OTP.
    request: { userId: actor?.userId, transferId },
    resolve: (tx) => requireCustomer(tx, actor),
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
