/**
 * M9: 入出金明細 as CSV. Excel in Japan opens a CSV as Shift_JIS unless it starts with a UTF-8
 * BOM, so both are offered: UTF-8 with BOM, or Shift_JIS bytes for older Excel and
 * accounting software. CRLF line ends, as RFC 4180 and Excel expect.
 */
import Encoding from 'encoding-japanese';
import { csvField } from '../csv.ts';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import type { KinkoDeps } from '../use-case.ts';
import type { Statement, StatementLine, StatementQuery } from './statement.ts';
import { STATEMENT_PAGE, statement } from './statement.ts';

export type CsvEncoding = 'utf8' | 'shift_jis';

const statementCsvHeader = ['日付', '摘要', 'お支払金額', 'お預り金額', '差引残高'] as const;

/**
 * Every line of the range, read a page at a time (`pageSize` lines, the statement's largest
 * page unless a test asks for less) and written as it is read: a year of a busy account's lines
 * is never one list in memory. The first page is read here, so that a bad range or another
 * contract's account is an error before any byte is sent; the next pages are read as `chunks`
 * is consumed, each checked as a page of the statement is, after the cursor of the one before.
 */
export async function statementCsv(
  deps: KinkoDeps,
  actor: CustomerActor,
  accountId: string,
  query: Pick<StatementQuery, 'from' | 'to'> & { encoding: CsvEncoding },
  pageSize = STATEMENT_PAGE.max,
): Promise<StatementCsv> {
  const encoding = query?.encoding;
  if (encoding !== 'utf8' && encoding !== 'shift_jis') {
    throw new KinkoError('request.invalid', 'encoding is utf8 or shift_jis');
  }
  const range = { from: query.from, to: query.to, limit: pageSize };
  const first = await statement(deps, actor, accountId, range);
  const filename = `statement-${first.account.branchCode}-${first.account.number}-${first.from}-${first.to}.csv`;
  const encode = encoding === 'utf8' ? (t: string) => new TextEncoder().encode(t) : toShiftJis;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (encoding === 'utf8') yield UTF8_BOM;
    yield encode(`${csvRow([...statementCsvHeader])}${csvRows(first.lines)}`);
    for (let cursor = first.nextCursor; cursor !== null; ) {
      const page = await statement(deps, actor, accountId, { ...range, cursor });
      if (page.lines.length > 0) yield encode(csvRows(page.lines));
      cursor = page.nextCursor;
    }
  }
  return encoding === 'utf8'
    ? { filename, contentType: 'text/csv; charset=utf-8', chunks: chunks() }
    : { filename, contentType: 'text/csv; charset=Shift_JIS', chunks: chunks() };
}

/** The CSV text of one page: header row in Japanese, one row per line; dates as YYYY/MM/DD (Excel reads them as dates). */
export function statementCsvText(s: Pick<Statement, 'lines'>): string {
  return `${csvRow([...statementCsvHeader])}${csvRows(s.lines)}`;
}

function csvRows(lines: readonly StatementLine[]): string {
  let out = '';
  for (const l of lines) {
    out += csvRow([
      l.date.replaceAll('-', '/'),
      l.description,
      l.debit === null ? '' : String(l.debit),
      l.credit === null ? '' : String(l.credit),
      String(l.balance),
    ]);
  }
  return out;
}

/** One row with its CRLF, as RFC 4180 and Excel expect. */
function csvRow(fields: string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** Characters Shift_JIS lacks become '?', as Excel itself would show them. */
function toShiftJis(text: string): Uint8Array {
  return Uint8Array.from(Encoding.convert(text, { to: 'SJIS', from: 'UNICODE', type: 'array' }));
}

/** The statement as CSV: the bytes come page by page, so a year of lines is never held at once. */
export interface StatementCsv {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<Uint8Array>;
}
