import { auditRecordCount, openTestStoreTwin } from '@kinko/store/testing';
import {
  balanceOf,
  failure,
  openBank,
  openTestAccount,
  otherContract,
  realRandom,
  type TestBank,
  testBackends,
  VAULT,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKinko } from '../kinko.ts';
import type { Random, Store } from '../ports.ts';
import { verifyLedger } from './verify.ts';

describe.each(testBackends())('accounts on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
  });
  afterEach(() => bank.cleanup());

  it('B1, M1: the bank opens an account with an opening deposit posted from vault cash, audited', async () => {
    const opened = await openTestAccount(bank, {
      holderKana: 'カ）テスト　ショウジ',
      openingDeposit: 1_000_000,
    });
    expect(opened).toMatchObject({
      branchCode: '001',
      branchName: '本店営業部',
      type: 'ordinary',
      typeCode: 1,
      holderKana: 'ｶ)ﾃｽﾄ ｼﾖｳｼﾞ',
      balance: 1_000_000,
      overdraftLimit: 0,
      available: 1_000_000,
      status: 'active',
      contractNumber: bank.contractNumber,
    });
    expect(opened.number).toMatch(/^\d{7}$/);
    expect(await balanceOf(bank, VAULT)).toBe(-1_000_000);
    const actions = (await bank.store.audit.list({ limit: 10 })).map((r) => r.action);
    expect(actions.slice(0, 2).sort()).toEqual(['account.opened', 'ledger.posted']);
    expect(await verifyLedger(bank.store)).toMatchObject({ ok: true, entries: 1 });
  });

  it('B1: account numbers are 7 digits, unique per branch; types carry their Zengin codes; no deposit, no entry', async () => {
    const types = ['ordinary', 'current', 'savings'] as const;
    const opened = [];
    for (let i = 0; i < 12; i++) opened.push(await openTestAccount(bank, { type: types[i % 3] }));
    expect(new Set(opened.map((a) => a.number)).size).toBe(12);
    expect(opened.slice(0, 3).map((a) => a.typeCode)).toEqual([1, 2, 4]);
    expect(await verifyLedger(bank.store)).toMatchObject({ ok: true, accounts: 16, entries: 0 });
  });

  it('B1: an account outside internet banking has no contract', async () => {
    const opened = await openTestAccount(bank, { contractNumber: null, openingDeposit: 5 });
    expect(opened.contractNumber).toBeNull();
    expect(await bank.kinko.listAccounts(bank.admin)).toEqual([]);
  });

  it('B1: bad input is refused and changes nothing', async () => {
    const before = await auditRecordCount(bank.store);
    const cases: [Parameters<typeof openTestAccount>[1], string][] = [
      [{ branchCode: '999' }, 'branch.not_found'],
      [{ branchCode: '1' }, 'branch.not_found'],
      [{ type: 'checking' as never }, 'request.invalid'],
      [{ holderKana: '' }, 'request.invalid'],
      [{ holderKana: 'テスト商事' }, 'request.invalid'], // kanji: Zengin carries kana only
      [{ holderKana: 'ｱ'.repeat(31) }, 'request.invalid'],
      [{ openingDeposit: -1 }, 'amount.invalid'],
      [{ openingDeposit: 1.5 }, 'amount.invalid'],
      [{ openingDeposit: 10_000_000_000 }, 'amount.invalid'],
      [{ openingDeposit: '1000' as never }, 'amount.invalid'],
      [{ overdraftLimit: -5 }, 'amount.invalid'],
      [{ contractNumber: '99999999999' }, 'contract.not_found'],
    ];
    for (const [over, code] of cases) {
      expect((await failure(openTestAccount(bank, over))).code, JSON.stringify(over)).toBe(code);
    }
    expect((await failure(bank.kinko.openAccount(bank.admin as never, {} as never))).code).toBe(
      'request.invalid',
    );
    expect(await auditRecordCount(bank.store)).toBe(before);
    expect(await verifyLedger(bank.store)).toMatchObject({ ok: true, accounts: 4 });
  });

  it('B1: only a bank operator opens accounts', async () => {
    const e = await failure(
      bank.kinko.openAccount(bank.admin as never, {
        contractNumber: bank.contractNumber,
        branchCode: '001',
        type: 'ordinary',
        holderKana: 'ﾃｽﾄ',
        openingDeposit: 1,
      }),
    );
    expect(e.code).toBe('auth.forbidden');
  });

  it('M9: 残高照会 lists the contract’s accounts with balances, for every user of the contract', async () => {
    const savings = await openTestAccount(bank, { type: 'savings', openingDeposit: 300 });
    const ordinary = await openTestAccount(bank, { openingDeposit: 100 });
    const current = await openTestAccount(bank, {
      type: 'current',
      overdraftLimit: 50_000,
      openingDeposit: 200,
    });
    await openTestAccount(bank, { contractNumber: null, openingDeposit: 999 }); // not theirs
    const user = await bank.addUser('user1');
    for (const actor of [bank.admin, user]) {
      const listed = await bank.kinko.listAccounts(actor);
      expect(listed.map((a) => [a.id, a.balance, a.available])).toEqual([
        [ordinary.id, 100, 100],
        [current.id, 200, 50_200],
        [savings.id, 300, 300],
      ]);
    }
  });

  it("M9: another contract's users see none of this contract's accounts", async () => {
    await openTestAccount(bank, { openingDeposit: 100 });
    const other = await otherContract(bank);
    expect(await bank.kinko.listAccounts(other.admin)).toEqual([]);
    const own = await openTestAccount(bank, { contractNumber: other.contractNumber });
    expect((await bank.kinko.listAccounts(other.admin)).map((a) => a.id)).toEqual([own.id]);
    expect((await failure(bank.kinko.listAccounts(bank.operator as never))).code).toBe('auth.required');
  });
});

/**
 * B1 under concurrency (found by the benchmark, which opens accounts eight at a time): two
 * openings that drew the same free number both checked it free, and the second INSERT failed
 * with a unique violation, a 500. PostgreSQL only: SQLite's one writer lets the second see the
 * first's row when it checks.
 */
describe.each(testBackends().filter((b) => b.name === 'postgres'))(
  'accounts on $name, concurrently',
  (backend) => {
    let bank: TestBank;
    beforeEach(async () => {
      bank = await openBank(backend);
    });
    afterEach(() => bank.cleanup());

    it('B1: two accounts opened at once in two processes that draw the same number both open, with different numbers', async () => {
      const twin = await openTestStoreTwin(bank.store);
      // Both draw 1234567 first; each waits after finding it free until the other has too.
      let arrived = 0;
      let release: () => void = () => {};
      const bothChecked = new Promise<void>((resolve) => {
        release = resolve;
      });
      const sameFirstNumber = (): Random => {
        let first = true;
        return {
          bytes: (n) => {
            if (n === 7 && first) {
              first = false;
              return Uint8Array.from([1, 2, 3, 4, 5, 6, 7]);
            }
            return realRandom.bytes(n);
          },
        };
      };
      const checkingTogether = (store: Store): Store => ({
        ...store,
        transaction: (fn) =>
          store.transaction((tx) =>
            fn({
              ...tx,
              accounts: {
                ...tx.accounts,
                getByNumber: async (branchCode, number) => {
                  const found = await tx.accounts.getByNumber(branchCode, number);
                  if (number === '1234567' && ++arrived === 2) release();
                  if (number === '1234567') await bothChecked;
                  return found;
                },
              },
            }),
          ),
      });
      const opener = (store: Store) =>
        createKinko({ ...bank.deps, store: checkingTogether(store), random: sameFirstNumber() });
      const input = {
        contractNumber: bank.contractNumber,
        branchCode: '001',
        type: 'ordinary' as const,
        holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
        openingDeposit: 0,
      };
      const opened = await Promise.all([
        opener(bank.store).openAccount(bank.operator, input),
        opener(twin).openAccount(bank.operator, input),
      ]);
      expect(opened.map((a) => a.number)).toContain('1234567');
      expect(new Set(opened.map((a) => a.number)).size).toBe(2);
      expect(await verifyLedger(bank.store)).toMatchObject({ ok: true });
    });
  },
);
