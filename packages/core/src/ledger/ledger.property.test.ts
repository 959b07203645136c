/**
 * M1 as a property (STYLE habit 10): over random sequences of account openings, transfers with
 * and without fees, overdrafts that must fail, use cases that fail after posting, and bursts
 * of concurrent transfers, the ledger always verifies and every balance is what a plain model
 * of the same operations says.
 */

import { failure, openBank, openTestAccount, type TestBank, testBackends } from '@kinko/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccountType } from '../ports.ts';
import { runUseCase } from '../use-case.ts';
import { type EntryLine, post } from './post.ts';
import { verifyLedger } from './verify.ts';
import { yen } from './yen.ts';

type Pick2 = { from: number; to: number; amount: number };
type Op =
  | { kind: 'open'; deposit: number; overdraft: number; type: AccountType; outside: boolean }
  | ({ kind: 'transfer'; fee: number } & Pick2)
  | { kind: 'overdraw'; from: number; extra: number }
  | { kind: 'drain'; from: number; to: number }
  | ({ kind: 'crash' } & Pick2)
  | { kind: 'burst'; transfers: Pick2[] };

const pick2 = fc.record({ from: fc.nat(), to: fc.nat(), amount: fc.integer({ min: 1, max: 60_000 }) });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('open' as const),
    deposit: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
    overdraft: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 50_000 })),
    type: fc.constantFrom<AccountType>('ordinary', 'current', 'savings'),
    outside: fc.boolean(),
  }),
  { arbitrary: pick2.map((p) => ({ kind: 'transfer' as const, fee: 0, ...p })), weight: 3 },
  pick2.chain((p) => fc.constantFrom(110, 220, 440).map((fee) => ({ kind: 'transfer' as const, fee, ...p }))),
  fc.record({
    kind: fc.constant('overdraw' as const),
    from: fc.nat(),
    extra: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 1000 })), // one yen too many, at the edge
  }),
  fc.record({ kind: fc.constant('drain' as const), from: fc.nat(), to: fc.nat() }),
  pick2.map((p) => ({ kind: 'crash' as const, ...p })),
  fc.record({
    kind: fc.constant('burst' as const),
    transfers: fc.array(pick2, { minLength: 2, maxLength: 6 }),
  }),
);

interface Modelled {
  id: string;
  balance: number;
  overdraft: number;
}

class Crash extends Error {}

const FEES = 'internal:fee_income';

describe.each(testBackends())('M1 property on $name', (backend) => {
  it('M1: money is conserved over random sequences of postings and failures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const bank = await openBank(backend);
        try {
          await run(bank, ops);
        } finally {
          await bank.cleanup();
        }
      }),
      { numRuns: 25 },
    );
  });
});

async function run(bank: TestBank, ops: Op[]): Promise<void> {
  const accounts: Modelled[] = [];
  let fees = 0;
  const two = (p: Pick2): [Modelled, Modelled] | null => {
    if (accounts.length < 2) return null;
    const from = accounts[p.from % accounts.length] as Modelled;
    const others = accounts.filter((a) => a !== from);
    return [from, others[p.to % others.length] as Modelled];
  };
  const lines = (from: Modelled, to: Modelled, amount: number, fee: number): EntryLine[] => [
    { accountId: from.id, amount: yen(-amount), memo: 'ﾌﾘｺﾐ' },
    ...(fee > 0 ? [{ accountId: from.id, amount: yen(-fee), memo: 'ﾌﾘｺﾐﾃｽｳﾘﾖｳ' }] : []),
    { accountId: to.id, amount: yen(amount) },
    ...(fee > 0 ? [{ accountId: FEES, amount: yen(fee) }] : []),
  ];
  const transfer = (from: Modelled, to: Modelled, amount: number, fee = 0, crash = false) =>
    runUseCase(bank.deps, async (tx) => {
      const posted = await post(tx, {
        actor: { kind: 'system' },
        kind: 'transfer',
        memo: 'ﾌﾘｺﾐ',
        reference: null,
        lines: lines(from, to, amount, fee),
      });
      if (crash) throw new Crash('the use case fails after posting');
      return posted;
    });
  const fits = (a: Modelled, debit: number) => a.balance - debit >= -a.overdraft;

  for (const o of ops) {
    bank.clock.advance(60_000);
    if (o.kind === 'open') {
      const opened = await openTestAccount(bank, {
        openingDeposit: o.deposit,
        overdraftLimit: o.overdraft,
        type: o.type,
        contractNumber: o.outside ? null : bank.contractNumber,
      });
      accounts.push({ id: opened.id, balance: o.deposit, overdraft: o.overdraft });
    } else if (o.kind === 'transfer') {
      const pair = two(o);
      if (!pair) continue;
      const [from, to] = pair;
      if (fits(from, o.amount + o.fee)) {
        await transfer(from, to, o.amount, o.fee);
        from.balance -= o.amount + o.fee;
        to.balance += o.amount;
        fees += o.fee;
      } else {
        expect((await failure(transfer(from, to, o.amount, o.fee))).code).toBe('ledger.insufficient_funds');
      }
    } else if (o.kind === 'overdraw') {
      const pair = two({ ...o, to: 0, amount: 0 });
      if (!pair) continue;
      const [from, to] = pair;
      const e = await failure(transfer(from, to, from.balance + from.overdraft + o.extra));
      expect(e.code).toBe('ledger.insufficient_funds');
    } else if (o.kind === 'drain') {
      // Exactly what is available (balance + overdraft) must go through, down to -overdraft.
      const pair = two({ ...o, amount: 0 });
      if (!pair) continue;
      const [from, to] = pair;
      const available = from.balance + from.overdraft;
      if (available <= 0) continue;
      await transfer(from, to, available);
      from.balance -= available;
      to.balance += available;
    } else if (o.kind === 'crash') {
      const pair = two(o);
      if (!pair) continue;
      // Fails after posting, or before it when the funds are short: either way nothing stays.
      const outcome = transfer(pair[0], pair[1], o.amount, 0, true);
      if (fits(pair[0], o.amount)) await expect(outcome).rejects.toBeInstanceOf(Crash);
      else expect((await failure(outcome)).code).toBe('ledger.insufficient_funds');
    } else {
      // Concurrent transfers: which fail depends on the order they commit in, but every one
      // that succeeded must show in the balances, and none may be lost or applied twice.
      const batch = o.transfers.map((p) => two(p)).filter((p) => p !== null);
      const outcomes = await Promise.allSettled(
        batch.map(([from, to], i) => transfer(from, to, o.transfers[i]?.amount ?? 1)),
      );
      outcomes.forEach((r, i) => {
        const [from, to] = batch[i] as [Modelled, Modelled];
        const amount = o.transfers[i]?.amount ?? 1;
        if (r.status === 'fulfilled') {
          from.balance -= amount;
          to.balance += amount;
        } else {
          expect(r.reason).toMatchObject({ code: 'ledger.insufficient_funds' });
        }
      });
    }
  }

  const report = await verifyLedger(bank.store);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  for (const a of accounts) {
    const stored = await bank.store.accounts.get(a.id);
    expect(stored?.balance, a.id).toBe(a.balance);
    expect(a.balance).toBeGreaterThanOrEqual(-a.overdraft);
  }
  expect((await bank.store.accounts.getInternal('fee_income')).balance).toBe(fees);
  const held = accounts.reduce((s, a) => s + a.balance, 0) + fees;
  expect((await bank.store.accounts.getInternal('vault_cash')).balance).toBe(0 - held); // not -held: -0 is not 0 to toBe
}
