/**
 * Storage conformance of the ledger (M1): accounts and the journal round-trip; lock, advance and
 * append keep balances exact under concurrency across processes; a rollback leaves nothing;
 * a snapshot is one consistent view. The posting rule itself is core's (ledger/post.ts); `move`
 * below is the smallest faithful copy of its lock → check → write sequence.
 */

import {
  type AccountRecord,
  type PostingRecord,
  type Store,
  UniqueViolation,
  type Yen,
  yen,
} from '@kinko/core/ports';
import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { account, branch, seedContract, T0 } from './fixtures.ts';

const VAULT = 'internal:vault_cash';

class Insufficient extends Error {}

let entries = 0;

/** Moves `amount` from one account to another in one transaction, as post() does. */
async function move(store: Store, from: string, to: string, amount: number, at = T0): Promise<boolean> {
  try {
    await store.transaction(async (tx) => {
      const locked = new Map((await tx.accounts.lock([from, to])).map((a) => [a.id, a]));
      const src = locked.get(from);
      const dst = locked.get(to);
      if (!src || !dst) throw new Error('no such account');
      const after = src.balance - amount;
      if (src.overdraftLimit !== null && after < -src.overdraftLimit) throw new Insufficient();
      const entryId = `e-${process.pid}-${++entries}`;
      const posting = (a: AccountRecord, delta: number): PostingRecord => ({
        entryId,
        accountId: a.id,
        seq: a.lastSeq + 1,
        amount: yen(delta),
        balanceAfter: yen(a.balance + delta),
        at,
        memo: 'ﾌﾘｶｴ',
      });
      const postings = [posting(src, -amount), posting(dst, amount)];
      await tx.journal.append({ id: entryId, at, kind: 'transfer', memo: 'ﾌﾘｶｴ', reference: null }, postings);
      for (const p of postings) {
        const a = p.accountId === src.id ? src : dst;
        await tx.accounts.advance(a.id, a.lastSeq, { balance: p.balanceAfter, lastSeq: p.seq });
      }
    });
    return true;
  } catch (e) {
    if (e instanceof Insufficient) return false;
    throw e;
  }
}

async function seedAccount(store: Store, balance = 0, over: Parameters<typeof account>[0] = {}) {
  if (!(await store.branches.get('001'))) await store.branches.insert(branch());
  const a = account(over);
  await store.accounts.insert(a);
  if (balance > 0) expect(await move(store, VAULT, a.id, balance)).toBe(true);
  return a;
}

async function balanceOf(store: Store, id: string): Promise<Yen | undefined> {
  return (await store.accounts.get(id))?.balance;
}

export function ledgerCases(current: () => TestStore): void {
  it("M1: the bank's own accounts exist from the first migration, at 0", async () => {
    const store = current();
    const vault = await store.accounts.getInternal('vault_cash');
    expect(vault).toMatchObject({
      id: VAULT,
      internal: 'vault_cash',
      balance: 0,
      lastSeq: 0,
      overdraftLimit: null,
    });
    expect(await store.accounts.getInternal('zengin_outbound')).toMatchObject({ overdraftLimit: 0 });
    expect(await store.accounts.getInternal('fee_income')).toMatchObject({ overdraftLimit: 0 });
    expect(await store.accounts.getInternal('suspense')).toMatchObject({ overdraftLimit: null });
    expect((await store.accounts.list({ limit: 10 })).map((a) => a.internal).sort()).toEqual([
      'fee_income',
      'suspense',
      'vault_cash',
      'zengin_outbound',
    ]);
  });

  it('accounts: round trip by id and number, listed by contract, number unique per branch only', async () => {
    const store = current();
    const c = await seedContract(store);
    await store.branches.insert(branch({ code: '002', name: '駅前支店' }));
    const a = account({ contractId: c.id, number: '7654321', type: 'current', overdraftLimit: yen(500_000) });
    const b = account({ contractId: c.id, number: '1234567' });
    const elsewhere = account({ branchCode: '002', number: '1234567' });
    for (const x of [a, b, elsewhere]) expect(await store.accounts.insert(x)).toBe(true);
    expect(await store.accounts.get(a.id)).toEqual(a);
    expect(await store.accounts.getByNumber('002', '1234567')).toEqual(elsewhere);
    expect(await store.accounts.getByNumber('001', '0000000')).toBeNull();
    expect(await store.accounts.get('nope')).toBeNull();
    expect((await store.accounts.listByContract(c.id)).map((x) => x.id)).toEqual([b.id, a.id]);
    // A taken number: nothing written, and the caller told so (it draws another, open-account.ts).
    const taken = account({ number: '1234567' });
    expect(await store.accounts.insert(taken)).toBe(false);
    expect(await store.accounts.get(taken.id)).toBeNull();
    await expect(store.accounts.insert({ ...a, number: '7777777' })).rejects.toBeInstanceOf(UniqueViolation);
  });

  it('journal: an entry and its postings round-trip; postings page by seq and by time', async () => {
    const store = current();
    const a = await seedAccount(store);
    for (let i = 1; i <= 5; i++) expect(await move(store, VAULT, a.id, 1000 * i, T0 + i * 1000)).toBe(true);
    expect(await store.accounts.get(a.id)).toMatchObject({ balance: 15_000, lastSeq: 5 });
    const all = await store.journal.postings(a.id, { limit: 10 });
    expect(all.map((p) => [p.seq, p.amount, p.balanceAfter])).toEqual([
      [1, 1000, 1000],
      [2, 2000, 3000],
      [3, 3000, 6000],
      [4, 4000, 10_000],
      [5, 5000, 15_000],
    ]);
    expect((await store.journal.postings(a.id, { afterSeq: 2, limit: 2 })).map((p) => p.seq)).toEqual([3, 4]);
    const window = await store.journal.postings(a.id, { fromAt: T0 + 2000, toAt: T0 + 4000, limit: 10 });
    expect(window.map((p) => p.seq)).toEqual([2, 3]);
    expect((await store.journal.lastBefore(a.id, T0 + 3500))?.seq).toBe(3);
    expect(await store.journal.lastBefore(a.id, T0)).toBeNull();
    const first = all[0];
    const entry = first ? await store.journal.getEntry(first.entryId) : null;
    expect(entry?.entry).toMatchObject({ at: T0 + 1000, kind: 'transfer', memo: 'ﾌﾘｶｴ', reference: null });
    expect(entry?.postings.map((p) => p.amount).sort((x, y) => x - y)).toEqual([-1000, 1000]);
    expect(await store.journal.getEntry('nope')).toBeNull();
    const listed = await store.journal.listEntries({ limit: 3 });
    expect(listed).toHaveLength(3);
    const rest = await store.journal.listEntries({ afterId: listed[2]?.entry.id, limit: 10 });
    expect(listed.length + rest.length).toBe(5);
  });

  it('M1: lock returns the accounts found, in id order, and only inside a transaction', async () => {
    const store = current();
    const x = await seedAccount(store, 0, { id: 'a-z' });
    const y = await seedAccount(store, 0, { id: 'a-m' });
    await expect(store.accounts.lock([x.id])).rejects.toThrow(/inside transaction/);
    const ids = await store.transaction(async (tx) =>
      (await tx.accounts.lock([x.id, 'a-missing', y.id, VAULT, x.id])).map((a) => a.id),
    );
    expect(ids).toEqual(['a-m', 'a-z', VAULT]);
  });

  it('M1: advance moves only from the seq that was locked, and the database refuses a balance below -overdraft', async () => {
    const store = current();
    const a = await seedAccount(store, 1000);
    await expect(
      store.transaction((tx) => tx.accounts.advance(a.id, 0, { balance: yen(5), lastSeq: 1 })),
    ).rejects.toThrow(/no longer at seq 0/);
    await expect(
      store.transaction((tx) => tx.accounts.advance(a.id, 1, { balance: yen(-1), lastSeq: 2 })),
    ).rejects.toThrow();
    expect(await store.accounts.get(a.id)).toMatchObject({ balance: 1000, lastSeq: 1 });
  });

  it('M1: a rolled-back posting leaves nothing: no entry, no posting, no balance change', async () => {
    const store = current();
    const a = await seedAccount(store, 5000);
    const boom = new Error('after the writes');
    await expect(
      store.transaction(async (tx) => {
        const [locked] = await tx.accounts.lock([a.id]);
        if (!locked) throw new Error('no account');
        await tx.journal.append(
          { id: 'e-rolled-back', at: T0, kind: 'adjustment', memo: 'x', reference: null },
          [],
        );
        await tx.accounts.advance(a.id, locked.lastSeq, { balance: yen(0), lastSeq: locked.lastSeq + 1 });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await store.accounts.get(a.id)).toMatchObject({ balance: 5000, lastSeq: 1 });
    expect(await store.journal.getEntry('e-rolled-back')).toBeNull();
    expect(await store.journal.postings(a.id, { limit: 10 })).toHaveLength(1);
  });

  it('M1: 30 concurrent debits of ¥1,000 against ¥10,000 from two processes: exactly 10 succeed', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const payer = await seedAccount(store, 10_000);
    const payee = await seedAccount(store);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => move(i % 2 === 0 ? store : twin, payer.id, payee.id, 1000)),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await store.accounts.get(payer.id)).toMatchObject({ balance: 0, lastSeq: 11 });
    expect(await twin.accounts.get(payee.id)).toMatchObject({ balance: 10_000, lastSeq: 10 });
    const postings = await store.journal.postings(payer.id, { limit: 100 });
    expect(postings.map((p) => p.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(postings.map((p) => p.balanceAfter)).toEqual(
      Array.from({ length: 11 }, (_, i) => 10_000 - i * 1000),
    );
  });

  it('M1: transfers both ways between the same accounts at once never deadlock (lock order)', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const a = await seedAccount(store, 100_000);
    const b = await seedAccount(store, 100_000);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 2 === 0 ? move(store, a.id, b.id, 100 + i) : move(twin, b.id, a.id, 100 + i),
      ),
    );
    expect(results.every(Boolean)).toBe(true);
    const total = ((await balanceOf(store, a.id)) ?? 0) + ((await balanceOf(store, b.id)) ?? 0);
    expect(total).toBe(200_000);
    expect(await balanceOf(store, VAULT)).toBe(-200_000);
  });

  it('a snapshot sees one moment: writes committed meanwhile by another process stay invisible in it', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const a = await seedAccount(store, 1000);
    const seen = await store.snapshot(async (view) => {
      const before = await balanceOf(view, a.id);
      expect(await move(twin, VAULT, a.id, 500)).toBe(true);
      return [before, await balanceOf(view, a.id), await balanceOf(view, VAULT)];
    });
    expect(seen).toEqual([1000, 1000, -1000]);
    expect(await balanceOf(store, a.id)).toBe(1500);
  });
}
