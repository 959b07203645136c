import { auditRecordCount } from '@kinko/store/testing';
import {
  balanceOf,
  failure,
  move,
  openBank,
  openTestAccount,
  type TestBank,
  testBackends,
  VAULT,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../ports.ts';
import { runUseCase, type Tx } from '../use-case.ts';
import { assertEntry, type EntryInput, LedgerAssertion, post } from './post.ts';
import { verifyLedger } from './verify.ts';
import { type Yen, yen } from './yen.ts';

const entry = (amounts: number[], over: Partial<EntryInput> = {}): EntryInput => ({
  actor: { kind: 'system' },
  kind: 'transfer',
  memo: 'ﾌﾘｶｴ',
  reference: null,
  lines: amounts.map((amount, i) => ({ accountId: `acct-${i}`, amount: amount as Yen })),
  ...over,
});

/** A Tx whose store fails the test if post() touches it: preconditions come first. */
const untouchable: Tx = {
  store: new Proxy({} as Store, {
    get(_t, key) {
      throw new Error(`post() touched store.${String(key)} before asserting its entry`);
    },
  }),
  deps: {} as Tx['deps'],
  now: 0,
  audit: () => {
    throw new Error('post() audited before asserting its entry');
  },
};

describe('M1: post() asserts its entry before it reads or writes anything (STYLE habit 3)', () => {
  it.each([
    ['lines that do not sum to 0', entry([-1000, 999]), /does not balance/],
    ['a line of 0', entry([0, 0]), /amount is 0/],
    ['a fractional amount', entry([-0.5, 0.5]), /not an integer/],
    ['NaN', entry([Number.NaN, 0]), /not an integer/],
    ['an unsafe integer', entry([-(2 ** 53), 2 ** 53]), /not an integer/],
    ['an amount beyond any real movement', entry([-2e15, 2e15]), /out of range/],
    ['a single line', entry([0]), /at least two lines/],
    ['no lines', entry([]), /at least two lines/],
    ['an empty memo', entry([-1, 1], { memo: '' }), /memo/],
    ['a memo with a control character', entry([-1, 1], { memo: 'a\nb' }), /memo/],
    [
      'a line memo too long',
      entry([-1, 1], {
        lines: [
          { accountId: 'a', amount: yen(-1), memo: 'x'.repeat(65) },
          { accountId: 'b', amount: yen(1) },
        ],
      }),
      /memo/,
    ],
    ['no kind', entry([-1, 1], { kind: '' as never }), /kind/],
    ['no actor', entry([-1, 1], { actor: undefined as never }), /actor/],
    [
      'a line without an account',
      entry([-1, 1], {
        lines: [
          { accountId: '', amount: yen(-1) },
          { accountId: 'b', amount: yen(1) },
        ],
      }),
      /no account/,
    ],
  ])('refuses %s', async (_what, input, message) => {
    expect(() => assertEntry(input)).toThrow(LedgerAssertion);
    await expect(post(untouchable, input)).rejects.toThrow(message);
  });

  it('accepts a balanced entry of several lines, one account more than once (an amount and its fee)', () => {
    expect(() =>
      assertEntry({
        ...entry([]),
        lines: [
          { accountId: 'payer', amount: yen(-30_000), memo: 'ﾌﾘｺﾐ' },
          { accountId: 'payer', amount: yen(-440), memo: 'ﾌﾘｺﾐﾃｽｳﾘﾖｳ' },
          { accountId: 'clearing', amount: yen(30_000) },
          { accountId: 'fees', amount: yen(440) },
        ],
      }),
    ).not.toThrow();
  });
});

describe.each(testBackends())('M1: post() on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
  });
  afterEach(() => bank.cleanup());

  it('M1: a posting moves both sides, numbers each account’s postings and records running balances', async () => {
    const a = await openTestAccount(bank, { openingDeposit: 50_000 });
    const b = await openTestAccount(bank);
    const posted = await move(bank, a.id, b.id, 12_345, { memo: 'ﾃｽﾄ' });
    expect(posted.postings).toMatchObject([
      { accountId: a.id, seq: 2, amount: -12_345, balanceAfter: 37_655, memo: 'ﾃｽﾄ' },
      { accountId: b.id, seq: 1, amount: 12_345, balanceAfter: 12_345, memo: 'ﾃｽﾄ' },
    ]);
    expect(await bank.store.journal.getEntry(posted.entry.id)).toMatchObject({
      entry: { kind: 'transfer', memo: 'ﾃｽﾄ', at: bank.clock.now() },
    });
    expect(await balanceOf(bank, VAULT)).toBe(-50_000);
    expect(await verifyLedger(bank.store)).toMatchObject({ ok: true, entries: 2, postings: 4 });
  });

  it('M1: a debit below 0 is ledger.insufficient_funds and rolls back the whole transaction', async () => {
    const a = await openTestAccount(bank, { openingDeposit: 1000 });
    const b = await openTestAccount(bank);
    const auditBefore = await auditRecordCount(bank.store);
    const e = await failure(
      runUseCase(bank.deps, async (tx) => {
        await post(tx, {
          ...entry([]),
          lines: [
            { accountId: VAULT, amount: yen(-500) },
            { accountId: b.id, amount: yen(500) },
          ],
        });
        return post(tx, {
          ...entry([]),
          lines: [
            { accountId: a.id, amount: yen(-1001) },
            { accountId: b.id, amount: yen(1001) },
          ],
        });
      }),
    );
    expect(e.code).toBe('ledger.insufficient_funds');
    expect(e.details).toEqual({ accountId: a.id });
    // The first posting of the same use case went too, and with it its audit record.
    expect(await balanceOf(bank, a.id)).toBe(1000);
    expect(await balanceOf(bank, b.id)).toBe(0);
    expect(await auditRecordCount(bank.store)).toBe(auditBefore);
    await move(bank, a.id, b.id, 1000); // exactly the balance is fine
    expect(await balanceOf(bank, a.id)).toBe(0);
  });

  it('M1: an overdraft (当座貸越) lets the balance go down to -limit and no further', async () => {
    const a = await openTestAccount(bank, { type: 'current', overdraftLimit: 100_000 });
    const b = await openTestAccount(bank);
    await move(bank, a.id, b.id, 100_000);
    expect(await balanceOf(bank, a.id)).toBe(-100_000);
    expect((await failure(move(bank, a.id, b.id, 1))).code).toBe('ledger.insufficient_funds');
    await move(bank, b.id, a.id, 1); // a credit to an overdrawn account is always fine
    expect(await verifyLedger(bank.store)).toMatchObject({ ok: true });
  });

  it('M1: each line is checked in order, so a debit cannot borrow from a credit later in the entry', async () => {
    const a = await openTestAccount(bank, { openingDeposit: 100 });
    const lines = (first: number, second: number) => [
      { accountId: a.id, amount: yen(first) },
      { accountId: a.id, amount: yen(second) },
      { accountId: VAULT, amount: yen(-first - second) },
    ];
    expect(
      (await failure(runUseCase(bank.deps, (tx) => post(tx, { ...entry([]), lines: lines(-150, 100) }))))
        .code,
    ).toBe('ledger.insufficient_funds');
    const posted = await runUseCase(bank.deps, (tx) => post(tx, { ...entry([]), lines: lines(100, -150) }));
    expect(posted.postings.map((p) => [p.seq, p.balanceAfter])).toEqual([
      [2, 200],
      [3, 50],
      [2, -50], // the vault: -100 from the opening deposit, +50
    ]);
    expect(await verifyLedger(bank.store)).toMatchObject({ ok: true });
  });

  it('M1: an unknown account is account.not_found; a closed one takes nothing; a frozen one takes credits only', async () => {
    const a = await openTestAccount(bank, { openingDeposit: 1000 });
    expect((await failure(move(bank, a.id, 'no-such-account', 1))).code).toBe('account.not_found');
    for (const status of ['frozen', 'closed'] as const) {
      await bank.store.accounts.insert({
        id: `acct-${status}`,
        internal: null,
        branchCode: '001',
        type: 'ordinary',
        number: status === 'frozen' ? '7000001' : '7000002',
        holderKana: 'ﾃｽﾄ',
        contractId: null,
        overdraftLimit: yen(0),
        balance: yen(0),
        lastSeq: 0,
        status,
        createdAt: 0,
      });
    }
    await move(bank, a.id, 'acct-frozen', 10);
    expect((await failure(move(bank, 'acct-frozen', a.id, 10))).code).toBe('account.frozen');
    expect((await failure(move(bank, a.id, 'acct-closed', 10))).code).toBe('account.closed');
    expect(await balanceOf(bank, a.id)).toBe(990);
  });

  it('L1: every posting is in the audit log with its lines', async () => {
    const a = await openTestAccount(bank, { openingDeposit: 2000 });
    const b = await openTestAccount(bank);
    const posted = await move(bank, a.id, b.id, 700);
    const records = await bank.store.audit.list({ limit: 100 });
    const record = records.find((r) => r.action === 'ledger.posted' && r.subject === posted.entry.id);
    expect(JSON.parse(record?.detail ?? '{}')).toMatchObject({
      kind: 'transfer',
      lines: [
        { account: `001-普通-${a.number}`, amount: -700 },
        { account: `001-普通-${b.number}`, amount: 700 },
      ],
    });
    expect(await bank.kinko.verifyAudit(bank.operator)).toMatchObject({ ok: true });
  });
});
