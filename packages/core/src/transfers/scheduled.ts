/**
 * Scheduled transfers (予約, M6): debited at the start of the value date by a job, cancellable
 * with the OTP (unless the bank's configuration asks none, M5b) until the day before. The job is
 * safe to run in every server process at once: each transfer is claimed with a conditional
 * UPDATE, so exactly one process posts it.
 */

import { jstDate } from '../calendar/index.ts';
import { isKinkoError, KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { giveBack } from '../limits/index.ts';
import { requireProofIfAsked, stepUpIfConfigured } from '../tokens/operations.ts';
import type { StepUpProof } from '../tokens/proof.ts';
import { type KinkoDeps, Rejection, runUseCase } from '../use-case.ts';
import { expireApprovals, markApprovalProcessed } from './approval.ts';
import { assertBeforeValueDate, cancelScheduled } from './cancel-scheduled.ts';
import { executeTransfer } from './execute.ts';
import { requireOwnTransfer } from './queries.ts';
import { type TransferView, toTransferView } from './views.ts';

export interface ScheduledRun {
  completed: number;
  failed: number;
}

const system = { kind: 'system' } as const;
const BATCH = 100;

/** Failures that belong to the transfer (DOMAIN §1.8: funds short → the transfer is cancelled). */
const transferFailures = new Set([
  'ledger.insufficient_funds',
  'account.closed',
  'account.frozen',
  'account.not_found',
]);

/**
 * M6: posts every scheduled transfer whose value date (JST) has come by `now`. Idempotent: a
 * transfer already taken by this or another process is skipped.
 */
export async function runScheduledTransfers(deps: KinkoDeps, now?: number): Promise<ScheduledRun> {
  // M5a 期限切れ: requests past their 承認期限 first, so that none is approved after it.
  await expireApprovals(deps, now ?? deps.clock.now());
  const today = jstDate(now ?? deps.clock.now());
  const result: ScheduledRun = { completed: 0, failed: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.store.transfers.listDue(today, BATCH)).filter((t) => !seen.has(t.id));
    if (due.length === 0) return result;
    for (const t of due) {
      seen.add(t.id);
      try {
        const done = await runUseCase(deps, async (tx) => {
          const posted = await executeTransfer(tx, system, t, 'scheduled');
          if (posted) await markApprovalProcessed(tx, t.id); // M5a 承認済 → 処理済
          return posted;
        });
        if (done) result.completed++;
      } catch (e) {
        if (!isKinkoError(e) || !transferFailures.has(e.code)) throw e;
        const reason = e.code;
        // The posting rolled back whole; record the failure in its own transaction, once.
        const failed = await runUseCase(deps, async (tx) => {
          const moved = await tx.store.transfers.transition(t.id, 'scheduled', {
            status: 'failed',
            failure: reason,
          });
          if (moved) {
            // M5: the failed transfer's amount no longer counts against the day's limits.
            await giveBack(tx, t);
            await markApprovalProcessed(tx, t.id); // processed, though it failed (M5a 処理済)
            tx.audit({
              actor: system,
              action: 'transfer.failed',
              outcome: 'failure',
              subject: t.id,
              contractId: t.contractId,
              detail: { receiptNumber: t.receiptNumber, reason, amount: t.amount, valueDate: t.valueDate },
            });
          }
          return moved;
        });
        if (failed) result.failed++;
      }
    }
  }
}

/**
 * M6, M5b: 予約取消 with the OTP ('transfer.cancel_scheduled' in the bank's configuration, as by
 * default), until the day before the value date.
 */
export async function cancelScheduledTransfer(
  deps: KinkoDeps,
  actor: CustomerActor,
  transferId: string,
  proof: StepUpProof | undefined,
): Promise<TransferView> {
  // M5b: refused before anything is read when the configuration asks for the OTP (the default).
  requireProofIfAsked(deps.config.otpOperations, ['transfer.cancel_scheduled'], proof);
  return runUseCase(deps, async (tx) => {
    const ctx = await requireCustomer(tx, actor);
    const t = await requireOwnTransfer(tx, ctx, transferId);
    if (t.status !== 'scheduled') {
      throw new KinkoError('transfer.not_cancellable', `This transfer is ${t.status}.`, { status: t.status });
    }
    assertBeforeValueDate(tx, t);
    // M5a: once approved, taking it back is the approver's act (承認取消), not the requester's.
    if ((await tx.store.approvals.getByTransfer(t.id))?.state === 'approved') {
      throw new KinkoError(
        'transfer.not_cancellable',
        'This transfer was approved; an approver who approved it can cancel the approval (承認取消).',
        { status: t.status, approval: 'approved' },
      );
    }
    const auth = await stepUpIfConfigured(
      tx,
      actor,
      proof,
      'transfer.cancel_scheduled',
      'transfer.cancel',
      t.id,
    );
    if (auth instanceof Rejection) return auth;
    return toTransferView(await cancelScheduled(tx, actor, t, { method: auth.method }));
  });
}
