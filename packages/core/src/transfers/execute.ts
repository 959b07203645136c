/**
 * Moving the money of one transfer (M1): ONE post() in the caller's transaction. The payer is
 * debited the amount and the fee; the amount goes to the payee's account at this bank, or to
 * the outbound Zengin clearing account for another bank (queued for the network); the fee goes
 * to fee income. The sum over all accounts does not change.
 */
import type { Actor } from '../identity/actors.ts';
import { type EntryLine, post } from '../ledger/post.ts';
import { yen } from '../ledger/yen.ts';
import type { TransferRecord, TransferStatus } from '../ports.ts';
import type { Tx } from '../use-case.ts';

/** What the payer's statement shows (摘要); Zengin kana fit the 64-character memo. */
function memos(t: TransferRecord): { payer: string; payee: string; fee: string } {
  const kind = t.kind === 'own' ? '振替' : '振込';
  return {
    payer: `${kind} ${t.payeeName}`.slice(0, 64),
    payee: `${kind} ${t.remitterName}`.slice(0, 64),
    fee: '振込手数料',
  };
}

async function postingLines(tx: Tx, t: TransferRecord): Promise<EntryLine[]> {
  const m = memos(t);
  const creditTo =
    t.kind === 'other_bank' ? (await tx.store.accounts.getInternal('zengin_outbound')).id : t.toAccountId;
  if (creditTo === null) throw new Error(`transfer ${t.id}: no account to credit`);
  const lines: EntryLine[] = [
    { accountId: t.fromAccountId, amount: yen(-t.amount), memo: m.payer },
    { accountId: creditTo, amount: yen(t.amount), memo: m.payee },
  ];
  if (t.fee > 0) {
    const feeIncome = await tx.store.accounts.getInternal('fee_income');
    lines.push({ accountId: t.fromAccountId, amount: yen(-t.fee), memo: m.fee });
    lines.push({ accountId: feeIncome.id, amount: yen(t.fee), memo: m.fee });
  }
  return lines;
}

/**
 * Claims the transfer (from `from` to 'completed', one conditional UPDATE, so that of any
 * number of processes exactly one proceeds) and posts it. Returns null when another caller got
 * there first. A failed posting (insufficient funds) throws and rolls the claim back with it.
 */
export async function executeTransfer(
  tx: Tx,
  actor: Actor,
  t: TransferRecord,
  from: TransferStatus,
  extra: { receiptNumber?: string; confirmedAt?: number } = {},
): Promise<TransferRecord | null> {
  const outbound = t.kind === 'other_bank' ? 'queued' : null;
  const claimed = await tx.store.transfers.transition(t.id, from, {
    status: 'completed',
    executedAt: tx.now,
    outbound,
    ...extra,
  });
  if (!claimed) return null;
  const posted = await post(tx, {
    actor,
    kind: 'transfer',
    memo: t.kind === 'own' ? '振替' : '振込',
    reference: t.id,
    lines: await postingLines(tx, t),
  });
  await tx.store.transfers.update(t.id, { entryId: posted.entry.id });
  tx.audit({
    actor,
    action: 'transfer.executed',
    subject: t.id,
    contractId: t.contractId,
    detail: {
      receiptNumber: extra.receiptNumber ?? t.receiptNumber,
      amount: t.amount,
      fee: t.fee,
      kind: t.kind,
      entryId: posted.entry.id,
    },
  });
  return {
    ...t,
    ...extra,
    status: 'completed',
    executedAt: tx.now,
    outbound,
    entryId: posted.entry.id,
  };
}
