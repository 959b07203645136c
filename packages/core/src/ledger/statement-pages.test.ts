/**
 * 入出金明細 (M9) a page at a time within its range of days, and the CSV download of the whole
 * range read page by page. Pages follow the account's posting order (seq), so postings made
 * while the pages are read come after the lines already read, never in the middle of them.
 */

import {
  csvBytes,
  failure,
  move,
  openBank,
  openTestAccount,
  type TestBank,
  testBackends,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../paging.ts';
import type { Statement, StatementLine, StatementQuery } from './statement.ts';
import { statementCsv, statementCsvText } from './statement-csv.ts';
import type { BankAccountView } from './views.ts';

const HOUR = 3_600_000;
// T0 is 2025-01-07 10:00 JST; the postings run over the 7th to the 9th.
const range = { from: '2025-01-07', to: '2025-01-09' };

describe.each(testBackends())('M9: 入出金明細 a page at a time, on $name', (backend) => {
  let bank: TestBank;
  let a: BankAccountView;
  let b: BankAccountView;
  beforeEach(async () => {
    bank = await openBank(backend);
    a = await openTestAccount(bank, { openingDeposit: 100_000 });
    b = await openTestAccount(bank);
    for (let i = 0; i < 45; i++) {
      // Out 5,000, back 1,000 + i: b always has what it pays back.
      if (i % 2) await move(bank, b.id, a.id, 1_000 + i, { memo: `ﾌﾘｶｴ ${i}` });
      else await move(bank, a.id, b.id, 5_000, { memo: `ﾌﾘｶｴ ${i}` });
      bank.clock.advance(HOUR);
    }
  });
  afterEach(() => bank.cleanup());

  async function allPages(query: StatementQuery, between?: () => Promise<void>) {
    const pages: Statement[] = [];
    for (let cursor: string | undefined; ; ) {
      const page = await bank.kinko.statement(bank.admin, a.id, { ...query, cursor });
      pages.push(page);
      if (page.nextCursor === null) return pages;
      cursor = page.nextCursor;
      await between?.();
    }
  }
  const seqs = (lines: readonly StatementLine[]) => lines.map((l) => l.seq);

  it("M9: the pages' lines, in order, are the range's lines, each once; every page carries the range's balances", async () => {
    const whole = await bank.kinko.statement(bank.admin, a.id, range);
    expect(whole.lines).toHaveLength(46); // the opening deposit and 45 movements
    expect(whole.nextCursor).toBeNull();
    const pages = await allPages({ ...range, limit: 7 });
    expect(pages.map((p) => p.lines.length)).toEqual([7, 7, 7, 7, 7, 7, 4]);
    expect(pages.flatMap((p) => p.lines)).toEqual(whole.lines);
    for (const p of pages) {
      expect(p).toMatchObject({ openingBalance: 0, closingBalance: whole.closingBalance, ...range });
    }
    expect(whole.closingBalance).toBe(whole.lines.at(-1)?.balance);
    // A later range's first page starts after the last posting before it (前残).
    const later = await allPages({ from: '2025-01-08', to: '2025-01-09', limit: 5 });
    const fromThe8th = whole.lines.filter((l) => l.date >= '2025-01-08');
    expect(later.flatMap((p) => p.lines)).toEqual(fromThe8th);
    expect(later[0]?.openingBalance).toBe(whole.lines.at(-fromThe8th.length - 1)?.balance);
  });

  it('M9: postings made between two page reads come after the lines read, and nothing repeats', async () => {
    const before = await bank.kinko.statement(bank.admin, a.id, range);
    let made = 0;
    const pages = await allPages({ ...range, limit: 10 }, async () => {
      await move(bank, b.id, a.id, 7, { memo: 'ﾌﾘｺﾐ' });
      made++;
    });
    const lines = pages.flatMap((p) => p.lines);
    expect(made).toBeGreaterThan(2);
    expect(new Set(seqs(lines)).size).toBe(lines.length);
    expect(seqs(lines)).toEqual([...seqs(lines)].sort((x, y) => x - y));
    expect(lines.slice(0, before.lines.length)).toEqual(before.lines);
    expect(lines.length).toBe(before.lines.length + made);
  });

  it('M9: a cursor the statement did not give out, or a bad limit, is request.invalid naming it', async () => {
    const page = await bank.kinko.statement(bank.admin, a.id, { ...range, limit: 3 });
    for (const cursor of [
      'x',
      '',
      `${page.nextCursor}=`,
      encodeCursor('transfers', [1, 'id']),
      encodeCursor('statement', ['1']),
      encodeCursor('statement', [1.5]),
    ]) {
      const e = await failure(bank.kinko.statement(bank.admin, a.id, { ...range, cursor }));
      expect(e.code, cursor).toBe('request.invalid');
      expect(e.details, cursor).toEqual({ parameter: 'cursor' });
      expect(e.message).toContain('cursor');
    }
    for (const limit of [0, 1001, 0.5]) {
      const e = await failure(bank.kinko.statement(bank.admin, a.id, { ...range, limit }));
      expect(e.details, String(limit)).toEqual({ parameter: 'limit' });
    }
  });

  it('M9: the CSV download holds every line of the range, read a page at a time', async () => {
    const whole = await bank.kinko.statement(bank.admin, a.id, range);
    const expected = statementCsvText(whole);
    expect(expected.split('\r\n')).toHaveLength(48); // header, 46 lines, and the last CRLF
    for (const pageSize of [7, 46, 1000]) {
      const csv = await statementCsv(
        bank.deps,
        bank.admin,
        a.id,
        { ...range, encoding: 'shift_jis' },
        pageSize,
      );
      expect(new TextDecoder('shift_jis').decode(await csvBytes(csv)), String(pageSize)).toBe(expected);
    }
    const utf8 = await bank.kinko.statementCsv(bank.admin, a.id, { ...range, encoding: 'utf8' });
    const bytes = await csvBytes(utf8);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3))).toBe(expected);
  });
});
