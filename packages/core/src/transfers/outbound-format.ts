/**
 * The day's outbound items for the Zengin network, as a 総合振込-layout file (種別コード 21,
 * 120-byte records, CRLF, JIS X 0201 bytes; DOMAIN §2.2, §2.4) with one header group per paying
 * account, or as CSV for people. Pure: the items come from outbound.ts.
 */
import { zenginTypeCode } from '../ledger/accounts.ts';
import { lookupBank, lookupBranch } from './bank-directory.ts';
import type { OutboundItem } from './views.ts';
import { toShiftJisBytes } from './zengin-chars.ts';

/** N(n): right-justified, zero-filled. */
function n(value: number | string, width: number): string {
  const s = String(value);
  if (!/^\d*$/.test(s) || s.length > width) throw new RangeError(`N(${width}) cannot hold ${s}`);
  return s.padStart(width, '0');
}

/** C(n): left-justified, space-filled, cut to the field (Zengin kana is one byte a character). */
function c(value: string, width: number): string {
  return value.slice(0, width).padEnd(width, ' ');
}

function safeKana(lookup: () => { kana: string }): string {
  try {
    return lookup().kana;
  } catch {
    return ''; // names are optional in the record; the codes are what routes the money
  }
}

function header(first: OutboundItem, ownBankCode: string): string {
  const type = zenginTypeCode[first.fromAccountType];
  const record =
    '1' +
    '21' +
    '0' +
    n(first.fromBranchCode + first.fromAccountNumber, 10) +
    c(first.remitterName, 40) +
    n(first.valueDate.slice(5, 7) + first.valueDate.slice(8, 10), 4) +
    n(ownBankCode, 4) +
    c(
      safeKana(() => lookupBank(ownBankCode)),
      15,
    ) +
    n(first.fromBranchCode, 3) +
    c('', 15) +
    // The header's 預金種目 knows 1 普通 and 2 当座 only; 9 その他 for the rest.
    (type === 4 ? '9' : String(type)) +
    n(first.fromAccountNumber, 7) +
    c('', 17);
  return record;
}

function data(i: OutboundItem): string {
  return (
    '2' +
    n(i.bankCode, 4) +
    c(
      safeKana(() => lookupBank(i.bankCode)),
      15,
    ) +
    n(i.branchCode, 3) +
    c(
      safeKana(() => lookupBranch(i.bankCode, i.branchCode)),
      15,
    ) +
    '0000' +
    String(zenginTypeCode[i.accountType]) +
    n(i.accountNumber, 7) +
    c(i.payeeName, 30) +
    n(i.amount, 10) +
    '0' +
    n(0, 10) +
    n(0, 10) +
    '7' + // テレ振込 (電信扱): a single transfer goes out the same day
    ' ' +
    c('', 7)
  );
}

function trailer(items: readonly OutboundItem[]): string {
  const total = items.reduce((s, i) => s + i.amount, 0);
  return `8${n(items.length, 6)}${n(total, 12)}${c('', 101)}`;
}

/** The Zengin records as text (each 120 characters), one group per paying account and date. */
export function outboundZenginRecords(items: readonly OutboundItem[], ownBankCode: string): string[] {
  const groups = new Map<string, OutboundItem[]>();
  for (const i of items) {
    const k = `${i.valueDate}|${i.fromBranchCode}|${i.fromAccountType}|${i.fromAccountNumber}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const records: string[] = [];
  for (const g of groups.values()) {
    const first = g[0];
    if (!first) continue;
    records.push(header(first, ownBankCode), ...g.map(data), trailer(g));
  }
  records.push(`9${c('', 119)}`);
  for (const r of records) if (r.length !== 120) throw new Error(`zengin record of ${r.length} characters`);
  return records;
}

/** F2: JIS X 0201 bytes with CRLF after every record. */
export function outboundZenginFile(items: readonly OutboundItem[], ownBankCode: string): Uint8Array {
  const records = outboundZenginRecords(items, ownBankCode);
  const out = new Uint8Array(records.length * 122);
  records.forEach((r, i) => {
    out.set(toShiftJisBytes(r), i * 122);
    out.set([0x0d, 0x0a], i * 122 + 120);
  });
  return out;
}

const columns: (keyof OutboundItem)[] = [
  'receiptNumber',
  'valueDate',
  'fromBranchCode',
  'fromAccountType',
  'fromAccountNumber',
  'remitterName',
  'bankCode',
  'bankName',
  'branchCode',
  'branchName',
  'accountType',
  'accountNumber',
  'payeeName',
  'amount',
];

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV, UTF-8, a header line first. */
export function outboundCsv(items: readonly OutboundItem[]): string {
  const lines = [columns.join(',')];
  for (const i of items) lines.push(columns.map((k) => csvField(i[k])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
