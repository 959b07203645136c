/**
 * Storage conformance for transfers (M3, M6, M8): records round-trip, and the two atomic parts
 * are exact across processes: an idempotency key is claimed once per contract, and a scheduled
 * transfer is claimed (posted) once. A second store on the same data stands in for a second
 * process.
 */

import { type IdempotencyRecord, type PayeeRecord, type Store, UniqueViolation } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { account, seedContract, T0, transfer, user } from './fixtures.ts';

let next = 0;
const unique = () => `${process.pid}-${++next}`;

export async function seedPayer(store: Store) {
  const c = await seedContract(store);
  const u = user(c.id);
  await store.users.insert(u);
  const a = account({ contractId: c.id });
  await store.accounts.insert(a);
  return { c, u, a };
}

function payee(contractId: string, over: Partial<PayeeRecord> = {}): PayeeRecord {
  return {
    id: `p-${unique()}`,
    contractId,
    kind: 'registered',
    ownerUserId: null,
    payeeNumber: '001',
    bankCode: '0001',
    bankName: 'みずほ',
    branchCode: '001',
    branchName: '東京営業部',
    accountType: 'ordinary',
    accountNumber: '1234567',
    name: 'ﾔﾏﾀﾞ ﾀﾛｳ',
    nickname: null,
    createdBy: 'op-1',
    createdAt: T0,
    removed: false,
    ...over,
  };
}

const key = (contractId: string, over: Partial<IdempotencyRecord> = {}): IdempotencyRecord => ({
  contractId,
  key: 'k-1',
  operation: 'transfer.enter',
  requestHash: 'a'.repeat(64),
  result: null,
  createdAt: T0,
  ...over,
});

export function transferCases(current: () => TestStore): void {
  it('M8: payees and transfers round-trip; removed payees leave the lists', async () => {
    const store = current();
    const { c, u, a } = await seedPayer(store);
    const p = payee(c.id);
    const saved = payee(c.id, {
      kind: 'saved',
      payeeNumber: null,
      ownerUserId: u.id,
      accountNumber: '7654321',
    });
    await store.payees.insert(p);
    await store.payees.insert(saved);
    expect(await store.payees.get(p.id)).toEqual(p);
    expect((await store.payees.listByContract(c.id)).map((x) => x.id).sort()).toEqual(
      [p.id, saved.id].sort(),
    );
    expect(await store.payees.findRegistered(c.id, p)).toEqual(p);
    expect(await store.payees.findRegistered(c.id, saved)).toBeNull();
    await expect(store.payees.insert(payee(c.id))).rejects.toBeInstanceOf(UniqueViolation); // 受取人番号
    await store.payees.remove(p.id);
    expect(await store.payees.countRegistered(c.id)).toBe(1);
    expect(await store.payees.findRegistered(c.id, p)).toBeNull();

    const t = transfer(c.id, u.id, a.id);
    await store.transfers.insert(t);
    expect(await store.transfers.get(t.id)).toEqual(t);
    expect((await store.transfers.listDue('2025-06-15', 10)).map((x) => x.id)).toEqual([]);
    expect((await store.transfers.listDue('2025-06-16', 10)).map((x) => x.id)).toEqual([t.id]);
    expect(await store.transfers.paidBefore(c.id, t)).toBe(false);
    expect(
      await store.transfers.transition(t.id, 'scheduled', {
        status: 'completed',
        executedAt: T0,
        outbound: 'queued',
      }),
    ).toBe(true);
    expect(await store.transfers.paidBefore(c.id, t)).toBe(true);
    expect((await store.transfers.listOutbound('2025-06-16')).map((x) => x.id)).toEqual([t.id]);
    expect((await store.transfers.listByContract(c.id, { statuses: ['completed'], limit: 5 })).length).toBe(
      1,
    );
    await expect(
      store.transfers.insert(transfer(c.id, u.id, a.id, { receiptNumber: t.receiptNumber })),
    ).rejects.toBeInstanceOf(UniqueViolation);
  });

  it('M3: an idempotency key is claimed once per contract; another contract may use the same key', async () => {
    const store = current();
    const { c } = await seedPayer(store);
    const other = await seedContract(store);
    expect(await store.idempotency.claim(key(c.id))).toBe(true);
    expect(await store.idempotency.claim(key(c.id, { requestHash: 'b'.repeat(64) }))).toBe(false);
    expect((await store.idempotency.get(c.id, 'k-1'))?.requestHash).not.toBe('b'.repeat(64));
    expect(await store.idempotency.claim(key(other.id))).toBe(true);
    await store.idempotency.complete(c.id, 'k-1', '{"ok":true}');
    expect(await store.idempotency.get(c.id, 'k-1')).toMatchObject({
      result: '{"ok":true}',
      operation: 'transfer.enter',
    });
    await store.idempotency.release(other.id, 'k-1');
    expect(await store.idempotency.get(other.id, 'k-1')).toBeNull();
  });

  it('M3: 10 concurrent claims of one key from two processes, in transactions: exactly one wins, the others then read its result', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const { c } = await seedPayer(store);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? twin : store).transaction(async (tx) => {
          if (!(await tx.idempotency.claim(key(c.id, { key: 'race' })))) {
            // PostgreSQL: the claim waited for the winner's COMMIT, so its result is there.
            return `lost ${(await tx.idempotency.get(c.id, 'race'))?.result}`;
          }
          await tx.idempotency.complete(c.id, 'race', `{"i":${i}}`);
          return 'won';
        }),
      ),
    );
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    const result = (await twin.idempotency.get(c.id, 'race'))?.result;
    expect(result).toMatch(/^\{"i":\d\}$/);
    expect(results.filter((r) => r === `lost ${result}`)).toHaveLength(9);
  });

  it('M6: 20 concurrent claims of one scheduled transfer from two processes: exactly one moves it', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const { c, u, a } = await seedPayer(store);
    const t = transfer(c.id, u.id, a.id);
    await store.transfers.insert(t);
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? twin : store).transfers.transition(t.id, 'scheduled', {
          status: 'completed',
          executedAt: T0 + i,
        }),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.transfers.get(t.id)).toMatchObject({ status: 'completed' });
    expect(await store.transfers.transition(t.id, 'scheduled', { status: 'cancelled' })).toBe(false);
  });
}
