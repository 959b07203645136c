/**
 * The outbound queue (他行宛振込): a completed transfer to another bank has moved its amount to
 * the zengin_outbound clearing account and waits for the Zengin network. The back office (and
 * `kinko transfers export`) takes the day's items as a Zengin file or CSV.
 */

import { parseBankDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import type { Actor, OperatorActor } from '../identity/actors.ts';
import { requireOperator } from '../identity/operators.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { OutboundItem } from '../zengin/index.ts';
import { outboundCsv, outboundZenginFile } from '../zengin/index.ts';

export type OutboundFormat = 'zengin' | 'csv';

export interface OutboundExport {
  filename: string;
  contentType: string;
  body: Uint8Array;
  count: number;
  total: number;
}

/** The day's outbound items, for an operator, or for the CLI acting as the system. */
export async function listOutbound(
  deps: KinkoDeps,
  actor: OperatorActor | { kind: 'system' },
  date: string,
): Promise<OutboundItem[]> {
  const valueDate = parseBankDate(date);
  return runUseCase(deps, async (tx) => {
    if (actor.kind !== 'system') await requireOperator(tx, actor);
    const rows = await tx.store.transfers.listOutbound(valueDate);
    const items: OutboundItem[] = [];
    for (const t of rows) {
      const from = await tx.store.accounts.get(t.fromAccountId);
      if (!from || from.internal !== null) throw new Error(`transfer ${t.id}: payer account missing`);
      items.push({
        receiptNumber: t.receiptNumber ?? '',
        valueDate: t.valueDate,
        fromBranchCode: from.branchCode,
        fromAccountType: from.type,
        fromAccountNumber: from.number,
        remitterName: t.remitterName,
        bankCode: t.bankCode,
        bankName: t.bankName,
        branchCode: t.branchCode,
        branchName: t.branchName,
        accountType: t.accountType,
        accountNumber: t.accountNumber,
        payeeName: t.payeeName,
        amount: t.amount,
      });
    }
    return items;
  });
}

export async function exportOutbound(
  deps: KinkoDeps,
  actor: OperatorActor | { kind: 'system' },
  date: string,
  format: OutboundFormat,
): Promise<OutboundExport> {
  if (format !== 'zengin' && format !== 'csv')
    throw new KinkoError('request.invalid', "format is 'zengin' or 'csv'");
  const items = await listOutbound(deps, actor, date);
  const total = items.reduce((s, i) => s + i.amount, 0);
  // The file is made before the export is recorded: a file refused for a field that does not
  // fit (ZenginFieldError) has not left the bank.
  const body =
    format === 'csv'
      ? new TextEncoder().encode(outboundCsv(items))
      : outboundZenginFile(items, deps.config.ownBankCode);
  // L1: taking the day's file out of the bank is itself recorded.
  await runUseCase(deps, async (tx) => {
    tx.audit({
      actor: actor as Actor,
      action: 'transfer.outbound_exported',
      detail: { date, format, count: items.length, total },
    });
  });
  const stamp = date.replaceAll('-', '');
  return format === 'csv'
    ? {
        filename: `outbound-${stamp}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body,
        count: items.length,
        total,
      }
    : {
        filename: `outbound-${stamp}.txt`,
        contentType: 'application/octet-stream',
        body,
        count: items.length,
        total,
      };
}
