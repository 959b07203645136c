/**
 * Cancelling a scheduled transfer, the one way for both who may: its requester (M6 予約取消) and
 * an approver taking an approval back (M5a 承認取消). Possible until the day before the value
 * date (the job debits at the start of it); one conditional UPDATE claims the transfer, and its
 * counted amount goes back to the day's limits (M5).
 */

import { jstDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import type { Actor } from '../identity/actors.ts';
import { giveBack } from '../limits/index.ts';
import type { TransferRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';

export function assertBeforeValueDate(tx: Tx, t: TransferRecord): void {
  if (jstDate(tx.now) >= t.valueDate) {
    throw new KinkoError(
      'transfer.not_cancellable',
      'A scheduled transfer can be cancelled until the day before its value date.',
      { status: t.status, valueDate: t.valueDate },
    );
  }
}

/** Cancels the scheduled transfer t in the caller's transaction; `detail` adds to the audit record. */
export async function cancelScheduled(
  tx: Tx,
  actor: Actor,
  t: TransferRecord,
  detail: Record<string, unknown>,
): Promise<TransferRecord> {
  assertBeforeValueDate(tx, t);
  const moved = await tx.store.transfers.transition(t.id, 'scheduled', {
    status: 'cancelled',
    cancelledAt: tx.now,
  });
  if (!moved) throw new KinkoError('transfer.not_cancellable', 'This transfer is no longer scheduled.');
  await giveBack(tx, t);
  tx.audit({
    actor,
    action: 'transfer.cancelled',
    subject: t.id,
    contractId: t.contractId,
    detail: { receiptNumber: t.receiptNumber, amount: t.amount, valueDate: t.valueDate, ...detail },
  });
  return { ...t, status: 'cancelled', cancelledAt: tx.now };
}
