/**
 * M9: 入出金明細 as CSV. Excel in Japan opens a CSV as Shift_JIS unless it starts with a UTF-8
 * BOM, so both are offered: UTF-8 with BOM, or Shift_JIS bytes for older Excel and
 * accounting software. CRLF line ends, as RFC 4180 and Excel expect.
 */
import Encoding from 'encoding-japanese';
import type { CustomerActor, Statement, StatementQuery } from '../api.ts';
import type { KinkoDeps } from '../audit/use-case.ts';
import { KinkoError } from '../errors.ts';
import { statement } from './statement.ts';

export type CsvEncoding = 'utf8' | 'shift_jis';

export const statementCsvHeader = ['日付', '摘要', 'お支払金額', 'お預り金額', '差引残高'] as const;

export async function statementCsv(
  deps: KinkoDeps,
  actor: CustomerActor,
  accountId: string,
  query: StatementQuery & { encoding: CsvEncoding },
): Promise<{ filename: string; contentType: string; bytes: Uint8Array }> {
  const encoding = query?.encoding;
  if (encoding !== 'utf8' && encoding !== 'shift_jis') {
    throw new KinkoError('request.invalid', 'encoding is utf8 or shift_jis');
  }
  const s = await statement(deps, actor, accountId, query);
  const text = statementCsvText(s);
  const filename = `statement-${s.account.branchCode}-${s.account.number}-${s.from}-${s.to}.csv`;
  if (encoding === 'utf8') {
    return { filename, contentType: 'text/csv; charset=utf-8', bytes: utf8WithBom(text) };
  }
  return { filename, contentType: 'text/csv; charset=Shift_JIS', bytes: toShiftJis(text) };
}

/** The CSV text: header row in Japanese, one row per line; dates as YYYY/MM/DD (Excel reads them as dates). */
export function statementCsvText(s: Statement): string {
  const rows: string[][] = [[...statementCsvHeader]];
  for (const l of s.lines) {
    rows.push([
      l.date.replaceAll('-', '/'),
      l.description,
      l.debit === null ? '' : String(l.debit),
      l.credit === null ? '' : String(l.credit),
      String(l.balance),
    ]);
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * RFC 4180 quoting, and no formulas: a description that starts with = + - @ (a payee name is
 * typed by someone else) is prefixed with ' so that Excel shows it as text (OWASP CSV injection).
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function utf8WithBom(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Characters Shift_JIS lacks become '?', as Excel itself would show them. */
function toShiftJis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(text, { to: 'SJIS', from: 'UNICODE', type: 'array' }));
}
