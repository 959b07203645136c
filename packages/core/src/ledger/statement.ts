/** M9: 残高照会 (balances) and 入出金明細 (statement) for the customer's own accounts. */

import { addDays, isBankDate, jstDate } from '../calendar/bank-date.ts';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { decodeCursor, encodeCursor, type PageLimits, pageLimit } from '../paging.ts';
import type { PostingRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { requireUsableAccount, usableAccounts } from './access.ts';
import type { AccountView } from './views.ts';
import { branchNames, toAccountView } from './views.ts';
import { type Yen, yen } from './yen.ts';

/** Statements cover at most a year per request, so one request cannot walk a whole history. */
const MAX_DAYS = 366;
/** GET …/statement states these in its OpenAPI document (server schemas.ts, statementQuery). */
export const STATEMENT_PAGE: PageLimits = { default: 500, max: 1000 };
const CURSOR_KIND = 'statement';

export function listAccounts(deps: KinkoDeps, actor: CustomerActor): Promise<AccountView[]> {
  return runUseCase(deps, async (tx) => {
    const ctx = await requireCustomer(tx, actor);
    const branches = await branchNames(tx.store);
    return (await usableAccounts(tx, ctx)).map((a) => toAccountView(a, branches));
  });
}

/**
 * One page of 入出金明細: the range's opening and closing balances and its lines after the
 * cursor's, oldest first. The cursor is the last line's seq, the account's own posting order:
 * postings written after a page was read have higher seqs, so they come on a later page (when in
 * the range) and never push a line onto two pages.
 */
export async function statement(
  deps: KinkoDeps,
  actor: CustomerActor,
  accountId: string,
  query: StatementQuery,
): Promise<Statement> {
  const range = statementRange(query);
  const limit = pageLimit(query.limit, STATEMENT_PAGE);
  const afterSeq =
    query.cursor === undefined ? undefined : decodeCursor(CURSOR_KIND, query.cursor, ['integer'])[0];
  return runUseCase(deps, async (tx) => {
    const ctx = await requireCustomer(tx, actor);
    const account = await requireUsableAccount(tx, ctx, accountId);
    const view = toAccountView(account, await branchNames(tx.store));
    return readStatement(tx, view, range, { afterSeq, limit });
  });
}

interface Range {
  from: string;
  to: string;
  fromAt: number;
  toAt: number;
}

/** Days in Japan, inclusive: [00:00 JST of from, 00:00 JST of the day after to). */
function statementRange(query: StatementQuery): Range {
  const { from, to } = query ?? {};
  if (!isBankDate(from) || !isBankDate(to)) {
    throw new KinkoError('request.invalid', 'from and to are days written YYYY-MM-DD');
  }
  if (to < from) throw new KinkoError('request.invalid', 'to is before from');
  if (addDays(from, MAX_DAYS - 1) < to) {
    throw new KinkoError('request.invalid', `a statement covers at most ${MAX_DAYS} days`);
  }
  return { from, to, fromAt: startOfJstDay(from), toAt: startOfJstDay(addDays(to, 1)) };
}

function startOfJstDay(date: string): number {
  return Date.parse(`${date}T00:00:00+09:00`);
}

async function readStatement(
  tx: Tx,
  account: AccountView,
  range: Range,
  page: { afterSeq: number | undefined; limit: number },
): Promise<Statement> {
  const before = await tx.store.journal.lastBefore(account.id, range.fromAt);
  const openingBalance = before?.balanceAfter ?? yen(0);
  const closing = await tx.store.journal.lastBefore(account.id, range.toAt);
  const closingBalance: Yen = closing?.balanceAfter ?? openingBalance;
  // The first page continues from the last posting before the range, so opening + lines =
  // closing holds over the pages. One row more than the page tells whether another follows.
  const rows = await tx.store.journal.postings(account.id, {
    afterSeq: page.afterSeq ?? before?.seq ?? 0,
    fromAt: range.fromAt,
    toAt: range.toAt,
    limit: page.limit + 1,
  });
  const lines = rows.slice(0, page.limit).map(toLine);
  const last = lines.at(-1);
  const nextCursor = rows.length > page.limit && last ? encodeCursor(CURSOR_KIND, [last.seq]) : null;
  return { account, from: range.from, to: range.to, openingBalance, closingBalance, lines, nextCursor };
}

function toLine(p: PostingRecord): StatementLine {
  return {
    seq: p.seq,
    at: p.at,
    date: jstDate(p.at),
    description: p.memo,
    debit: p.amount < 0 ? yen(-p.amount) : null,
    credit: p.amount > 0 ? p.amount : null,
    balance: p.balanceAfter,
  };
}

/** One line of 入出金明細 (M9): a debit (出金) or a credit (入金) and the balance after it. */
export interface StatementLine {
  /** The account's posting number: lines sort by it. */
  seq: number;
  at: number;
  /** The day in Japan, YYYY-MM-DD. */
  date: string;
  /** 摘要 */
  description: string;
  debit: Yen | null;
  credit: Yen | null;
  balance: Yen;
}

/**
 * One page of 入出金明細 for a range of days: the range's balances and up to `limit` of its
 * lines, oldest first. The lines of every page, in order, are the range's lines.
 */
export interface Statement {
  account: AccountView;
  /** Inclusive days in Japan, YYYY-MM-DD. */
  from: string;
  to: string;
  /** 前残: the balance at the start of `from`. */
  openingBalance: Yen;
  /** The balance at the end of `to` as this page was read (the opening balance when no line). */
  closingBalance: Yen;
  /** This page's lines. */
  lines: StatementLine[];
  /** Asks for the range's next lines; null when this page ends the range. */
  nextCursor: string | null;
}

export interface StatementQuery {
  from: string;
  to: string;
  /** Lines per page, 1 … 1000, default 500. */
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}
