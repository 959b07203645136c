/**
 * The day's outbound items for the Zengin network, as a 総合振込-layout file (種別コード 21,
 * 120-byte records, CRLF, JIS X 0201 bytes; DOMAIN §2.2, §2.4) with one header group per paying
 * account, or as CSV for people. Pure: the items come from outbound.ts.
 */

import { zenginTypeCode } from '../ledger/accounts.ts';
import type { AccountType } from '../ports.ts';
import { lookupBank, lookupBranch } from './bank-directory.ts';

import {
  toShiftJisBytes,
  type ZenginCharClass,
  type ZenginFieldProblem,
  zenginFieldProblem,
} from './chars.ts';

/**
 * A field of the export that cannot be written as it stands: a character outside its class
 * (DOMAIN §2.3), more than its width, or a leading space. The file is refused whole, never
 * written with the field cut or changed: names are made Zengin characters where they enter (the
 * payee name at entry, the directory's names when it is loaded), so this means data that skipped
 * that, which a person must look at.
 */
export class ZenginFieldError extends Error {
  constructor(
    readonly record: number,
    readonly field: string,
    readonly problem: ZenginFieldProblem,
  ) {
    super(`Zengin export refused: record ${record}, ${field}: ${describe(problem)}; nothing was written`);
    this.name = 'ZenginFieldError';
  }
}

function describe(p: ZenginFieldProblem): string {
  if (p.kind === 'character') {
    return `the character ${JSON.stringify(p.character)} at position ${p.position} is not allowed in this field`;
  }
  if (p.kind === 'too_long') return `${p.length} characters do not fit the field`;
  return 'a field that is not blank may not start with a space';
}

/** The C fields of 総合振込 (種別コード 21), with their class; 21 allows ｦ in names (DOMAIN §2.3). */
interface CField {
  name: string;
  cls: ZenginCharClass;
  width: number;
}
const field = (name: string, cls: ZenginCharClass, width: number): CField => ({ name, cls, width });
const REMITTER = field('振込依頼人名', 'accountName', 40);
const OWN_BANK = field('仕向銀行名', 'branchName', 15);
const OWN_BRANCH = field('仕向支店名', 'branchName', 15);
const BANK = field('被仕向銀行名', 'branchName', 15);
const BRANCH = field('被仕向支店名', 'branchName', 15);
const PAYEE = field('受取人名', 'accountName', 30);

/** Writes the fields of one record, each checked before it is written. */
class RecordWriter {
  constructor(readonly record: number) {}

  /** N(n): right-justified, zero-filled. */
  n(value: number | string, width: number): string {
    const s = String(value);
    if (!/^\d*$/.test(s) || s.length > width) throw new RangeError(`N(${width}) cannot hold ${s}`);
    return s.padStart(width, '0');
  }

  /** C(n): left-justified, space-filled; a value that does not fit its class and width is refused. */
  c(value: string, f: CField): string {
    const problem = zenginFieldProblem(value, f.cls, f.width, { allowWo: true });
    if (problem) throw new ZenginFieldError(this.record, f.name, problem);
    return value.padEnd(f.width, ' ');
  }
}

/** ダミー C(n): spaces. */
const blank = (width: number) => ' '.repeat(width);

function safeKana(lookup: () => { kana: string }): string {
  try {
    return lookup().kana;
  } catch {
    return ''; // names are optional in the record; the codes are what routes the money
  }
}

function header(w: RecordWriter, first: OutboundItem, ownBankCode: string): string {
  const type = zenginTypeCode[first.fromAccountType];
  return (
    '1' +
    '21' +
    '0' +
    w.n(first.fromBranchCode + first.fromAccountNumber, 10) +
    w.c(first.remitterName, REMITTER) +
    w.n(first.valueDate.slice(5, 7) + first.valueDate.slice(8, 10), 4) +
    w.n(ownBankCode, 4) +
    w.c(
      safeKana(() => lookupBank(ownBankCode)),
      OWN_BANK,
    ) +
    w.n(first.fromBranchCode, 3) +
    w.c('', OWN_BRANCH) +
    // The header's 預金種目 knows 1 普通 and 2 当座 only; 9 その他 for the rest.
    (type === 4 ? '9' : String(type)) +
    w.n(first.fromAccountNumber, 7) +
    blank(17)
  );
}

function data(w: RecordWriter, i: OutboundItem): string {
  return (
    '2' +
    w.n(i.bankCode, 4) +
    w.c(
      safeKana(() => lookupBank(i.bankCode)),
      BANK,
    ) +
    w.n(i.branchCode, 3) +
    w.c(
      safeKana(() => lookupBranch(i.bankCode, i.branchCode)),
      BRANCH,
    ) +
    '0000' +
    String(zenginTypeCode[i.accountType]) +
    w.n(i.accountNumber, 7) +
    w.c(i.payeeName, PAYEE) +
    w.n(i.amount, 10) +
    '0' +
    w.n(0, 10) +
    w.n(0, 10) +
    '7' + // テレ振込 (電信扱): a single transfer goes out the same day
    ' ' +
    blank(7)
  );
}

function trailer(w: RecordWriter, items: readonly OutboundItem[]): string {
  const total = items.reduce((s, i) => s + i.amount, 0);
  return `8${w.n(items.length, 6)}${w.n(total, 12)}${blank(101)}`;
}

/**
 * The Zengin records as text (each 120 characters), one group per paying account and date.
 * Every field is checked as it is written; ZenginFieldError names the first that does not fit.
 */
export function outboundZenginRecords(items: readonly OutboundItem[], ownBankCode: string): string[] {
  const groups = new Map<string, OutboundItem[]>();
  for (const i of items) {
    const k = `${i.valueDate}|${i.fromBranchCode}|${i.fromAccountType}|${i.fromAccountNumber}`;
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const records: string[] = [];
  const next = () => new RecordWriter(records.length + 1); // 1-based, as F3 reports records
  for (const g of groups.values()) {
    const first = g[0];
    if (!first) continue;
    records.push(header(next(), first, ownBankCode));
    for (const i of g) records.push(data(next(), i));
    records.push(trailer(next(), g));
  }
  records.push(`9${blank(119)}`);
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

export interface OutboundItem {
  receiptNumber: string;
  valueDate: string;
  fromBranchCode: string;
  fromAccountType: AccountType;
  fromAccountNumber: string;
  remitterName: string;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountType;
  accountNumber: string;
  payeeName: string;
  amount: number;
}
