/** 照会 (M9): the contract's accounts, their statements and the statement as CSV (docs/http-api.md). */
import type { AccountView, KinkoApi, Statement, StatementQuery } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

export type CsvEncoding = Parameters<KinkoApi['statementCsv']>[2]['encoding'];

/** Days in Japan, YYYY-MM-DD, inclusive. */
export type Period = Pick<StatementQuery, 'from' | 'to'>;

/** The server's limit on one statement (core ledger/statement.ts, MAX_DAYS). */
export const statementMaxDays = 366;

const account = (id: string) => `/api/v1/accounts/${encodeURIComponent(id)}`;

export const accountsApi = {
  list: () => api.get<AccountView[]>('/api/v1/accounts'),
  /** A page of the period's lines (the first without `cursor`; then the page before's nextCursor). */
  statement: (id: string, p: Period, cursor?: string) =>
    api.get<Statement>(
      `${account(id)}/statement?${new URLSearchParams({ from: p.from, to: p.to, ...(cursor ? { cursor } : {}) })}`,
    ),
  /**
   * The CSV holds every line of the period, however many pages the screen has shown. It is a plain link: the session cookie authenticates it and a GET needs no
   * CSRF token; the server's Content-Disposition names the file.
   */
  csvUrl: (id: string, p: Period, encoding: CsvEncoding) =>
    `${account(id)}/statement.csv?${new URLSearchParams({ from: p.from, to: p.to, encoding })}`,
};

/** How the screens and the tests name an account: branch code and number, e.g. `001-1234567`. */
export const accountKey = (a: Pick<AccountView, 'branchCode' | 'number'>) => `${a.branchCode}-${a.number}`;
