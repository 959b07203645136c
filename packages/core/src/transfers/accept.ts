import { jstDate } from '../calendar/bank-date.ts';
import type { CustomerActor } from '../identity/actors.ts';
import type { CustomerContext } from '../identity/authz.ts';
import { requirePrivilege } from '../identity/privileges.ts';
import { countTransfer, precheckLimits } from '../limits/index.ts';
import type { TransferRecord } from '../ports.ts';
import type { Rejection, Tx } from '../use-case.ts';
import { executeTransfer } from './execute.ts';
/**
 * The last steps every accepted transfer takes, whether its requester confirms it (M3) or its
 * final approver approves it (M5a): the limits checked, then the money posted or the transfer
 * booked as scheduled (M6), and the limits counted.
 */

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
  ctx: CustomerContext,
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
