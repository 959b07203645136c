import {
  csvBytes,
  failure,
  move,
  openBank,
  openTestAccount,
  otherContract,
  type TestBank,
  testBackends,
  VAULT,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { statementCsvText } from './statement-csv.ts';
import type { BankAccountView } from './views.ts';

const HOUR = 3_600_000;

describe.each(testBackends())('M9: statements on $name', (backend) => {
  let bank: TestBank;
  let a: BankAccountView;
  let b: BankAccountView;
  beforeEach(async () => {
    bank = await openBank(backend);
    // T0 is 2025-01-07 10:00 JST.
    a = await openTestAccount(bank, { openingDeposit: 100_000 });
    b = await openTestAccount(bank);
    bank.clock.advance(14 * HOUR - 1000); // 23:59:59 JST, still the 7th
    await move(bank, a.id, b.id, 30_000, { memo: 'ﾌﾘｺﾐ ﾔﾏﾀﾞ' });
    bank.clock.advance(1000); // 00:00:00 JST on the 8th
    await move(bank, b.id, a.id, 5_000, { memo: 'ﾌﾘｺﾐ ﾀﾅｶ' });
    bank.clock.advance(48 * HOUR); // the 10th
    await move(bank, a.id, b.id, 1_000, { memo: '=HYPERLINK("http://x"),1' });
  });
  afterEach(() => bank.cleanup());

  it('M9: 入出金明細 shows each posting with its day in Japan, debit or credit, and the balance after it', async () => {
    const s = await bank.kinko.statement(bank.admin, a.id, { from: '2025-01-07', to: '2025-01-07' });
    expect(s).toMatchObject({
      from: '2025-01-07',
      to: '2025-01-07',
      openingBalance: 0,
      closingBalance: 70_000,
    });
    expect(s.account).toMatchObject({ id: a.id, number: a.number, balance: 74_000 });
    expect(s.lines.map((l) => [l.date, l.description, l.debit, l.credit, l.balance])).toEqual([
      ['2025-01-07', '開設入金', null, 100_000, 100_000],
      ['2025-01-07', 'ﾌﾘｺﾐ ﾔﾏﾀﾞ', 30_000, null, 70_000],
    ]);
  });

  it('M9: a later range starts from the balance before it (前残); an empty range shows only that balance', async () => {
    const s = await bank.kinko.statement(bank.admin, a.id, { from: '2025-01-08', to: '2025-01-10' });
    expect(s.openingBalance).toBe(70_000);
    expect(s.lines.map((l) => [l.date, l.debit, l.credit, l.balance])).toEqual([
      ['2025-01-08', null, 5_000, 75_000],
      ['2025-01-10', 1_000, null, 74_000],
    ]);
    expect(s.closingBalance).toBe(74_000);
    const quiet = await bank.kinko.statement(bank.admin, a.id, { from: '2025-01-09', to: '2025-01-09' });
    expect(quiet).toMatchObject({ openingBalance: 75_000, closingBalance: 75_000, lines: [] });
    const user = await bank.addUser('user1');
    expect(
      (await bank.kinko.statement(user, a.id, { from: '2025-01-01', to: '2025-12-31' })).lines,
    ).toHaveLength(4);
  });

  it('M9: ranges are real days, from ≤ to, at most 366 days', async () => {
    for (const [from, to] of [
      ['2025/01/07', '2025-01-08'],
      ['2025-02-30', '2025-03-01'],
      ['2025-01-08', '2025-01-07'],
      ['2024-01-01', '2025-01-01'],
      [undefined, '2025-01-01'],
    ]) {
      const e = await failure(bank.kinko.statement(bank.admin, a.id, { from, to } as never));
      expect(e.code, `${from}…${to}`).toBe('request.invalid');
    }
    await bank.kinko.statement(bank.admin, a.id, { from: '2024-01-02', to: '2025-01-01' });
  });

  it("M9: another contract's account, an account outside IB, an internal account and an unknown id are all account.not_found", async () => {
    const other = await otherContract(bank);
    const outside = await openTestAccount(bank, { contractNumber: null, openingDeposit: 1 });
    const q = { from: '2025-01-07', to: '2025-01-10' };
    expect((await failure(bank.kinko.statement(other.admin, a.id, q))).code).toBe('account.not_found');
    expect((await failure(bank.kinko.statementCsv(other.admin, a.id, { ...q, encoding: 'utf8' }))).code).toBe(
      'account.not_found',
    );
    for (const id of [outside.id, VAULT, 'no-such-account', 'x'.repeat(500)]) {
      expect((await failure(bank.kinko.statement(bank.admin, id, q))).code, id).toBe('account.not_found');
    }
  });

  describe('M9: CSV download', () => {
    let expected = '';
    beforeEach(async () => {
      const s = await bank.kinko.statement(bank.admin, a.id, { from: '2025-01-07', to: '2025-01-10' });
      expected = statementCsvText(s);
    });

    it('M9: UTF-8 with a BOM (so Excel reads it), a Japanese header row, CRLF, and no formulas', async () => {
      const csv = await bank.kinko.statementCsv(bank.admin, a.id, {
        from: '2025-01-07',
        to: '2025-01-10',
        encoding: 'utf8',
      });
      expect(csv.contentType).toBe('text/csv; charset=utf-8');
      expect(csv.filename).toBe(`statement-001-${a.number}-2025-01-07-2025-01-10.csv`);
      const bytes = await csvBytes(csv);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
      expect(text).toBe(expected);
      expect(text.split('\r\n')).toEqual([
        '日付,摘要,お支払金額,お預り金額,差引残高',
        '2025/01/07,開設入金,,100000,100000',
        '2025/01/07,ﾌﾘｺﾐ ﾔﾏﾀﾞ,30000,,70000',
        '2025/01/08,ﾌﾘｺﾐ ﾀﾅｶ,,5000,75000',
        `2025/01/10,"'=HYPERLINK(""http://x""),1",1000,,74000`,
        '',
      ]);
    });

    it('M9: Shift_JIS bytes for Excel in Japan decode back to the same text', async () => {
      const csv = await bank.kinko.statementCsv(bank.admin, a.id, {
        from: '2025-01-07',
        to: '2025-01-10',
        encoding: 'shift_jis',
      });
      expect(csv.contentType).toBe('text/csv; charset=Shift_JIS');
      const bytes = await csvBytes(csv);
      expect([...bytes.subarray(0, 4)]).toEqual([0x93, 0xfa, 0x95, 0x74]); // 日付
      expect(bytes).toContain(0xcc); // ﾌ: half-width kana are single bytes
      expect(new TextDecoder('shift_jis').decode(bytes)).toBe(expected);
    });

    it('M9: an unknown encoding is request.invalid', async () => {
      const e = await failure(
        bank.kinko.statementCsv(bank.admin, a.id, {
          from: '2025-01-07',
          to: '2025-01-10',
          encoding: 'latin1' as never,
        }),
      );
      expect(e.code).toBe('request.invalid');
    });
  });
});
