/**
 * The audit chains' storage (L1): each chain's head moves with each append, in order, across
 * processes; chains are independent of one another.
 */

import type { AuditRecord } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { appendAudit } from './fixtures.ts';

const ZEROS = '0'.repeat(64);

export function auditCases(current: () => TestStore): void {
  it('L1: a chain starts with no head; lockHeads creates it at seq 0, and append moves it to the new record', async () => {
    const store = current();
    expect(await store.audit.head('c-1')).toBeNull();
    const first = await store.transaction(async (tx) => {
      expect(await tx.audit.lockHeads(['c-1'])).toEqual([{ chain: 'c-1', seq: 0, mac: ZEROS, at: 0 }]);
      return appendAudit(tx, { chain: 'c-1', actorType: 'user', actorId: 'u-1', subject: 'SKTS00000001' });
    });
    expect(first).toMatchObject({ chain: 'c-1', seq: 1, prevMac: ZEROS });
    expect(await store.audit.head('c-1')).toEqual({ chain: 'c-1', seq: 1, mac: first.mac, at: first.at });
    const second = await store.transaction((tx) => appendAudit(tx, { chain: 'c-1' }));
    expect(second.prevMac).toBe(first.mac);
    expect(await store.audit.head('c-1')).toMatchObject({ seq: 2, mac: second.mac });
    expect(await store.audit.chainRecords('c-1', { limit: 10 })).toMatchObject([first, second]);
    expect(await store.audit.head('bank')).toBeNull(); // another chain, untouched
  });

  it('L1: one transaction appends to several chains, each continuing its own head', async () => {
    const store = current();
    await store.transaction((tx) => appendAudit(tx, { chain: 'c-2' }));
    const records = await store.transaction(async (tx) => {
      const heads = await tx.audit.lockHeads(['bank', 'c-2']);
      const [bank, c2] = heads;
      const make = (chain: string, seq: number, prevMac: string, mac: string): AuditRecord => ({
        chain,
        seq,
        at: 5,
        actorType: 'operator',
        actorId: 'op',
        contractId: chain === 'bank' ? null : chain,
        action: 'test.two',
        subject: null,
        outcome: 'success',
        detail: '{}',
        prevMac,
        mac,
      });
      const rs = [
        make('bank', 1, bank?.mac ?? '', 'b'.repeat(64)),
        make('c-2', 2, c2?.mac ?? '', 'c'.repeat(64)),
        make('c-2', 3, 'c'.repeat(64), 'd'.repeat(64)),
      ];
      await tx.audit.append(rs);
      return rs;
    });
    expect(await store.audit.head('bank')).toMatchObject({ seq: 1, mac: records[0]?.mac });
    expect(await store.audit.head('c-2')).toMatchObject({ seq: 3, mac: records[2]?.mac });
  });

  it('L1: an append that does not follow its head fails and leaves neither record nor head', async () => {
    const store = current();
    await store.transaction((tx) => appendAudit(tx));
    const head = await store.audit.head('bank');
    const stale = store.transaction((tx) => appendAudit(tx, { seq: 2, prevMac: '1'.repeat(64) }));
    await expect(stale).rejects.toThrow(/does not follow/);
    const skipped = store.transaction((tx) => appendAudit(tx, { seq: 5 }));
    await expect(skipped).rejects.toThrow(/does not follow/);
    expect(await store.audit.head('bank')).toEqual(head);
    expect(await store.audit.chainRecords('bank', { limit: 10 })).toHaveLength(1);
  });

  it('L1: an append rolled back with its transaction leaves no head and no record', async () => {
    const store = current();
    const outcome = store.transaction(async (tx) => {
      await appendAudit(tx, { chain: 'c-3' });
      throw new Error('use case failed');
    });
    await expect(outcome).rejects.toThrow('use case failed');
    expect(await store.audit.head('c-3')).toBeNull();
    expect(await store.audit.chainRecords('c-3', { limit: 10 })).toEqual([]);
  });

  it('L1: 20 concurrent appends from two stores to one new chain extend one unbroken chain', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 2));
    // Each writer holds the head across an await, as core does while it MACs; the chain is new,
    // so the first writers also race to create its head.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? twin : store).transaction((tx) => appendAudit(tx, { chain: 'c-new' }, pause)),
      ),
    );
    const chain = await store.audit.chainRecords('c-new', { limit: 100 });
    expect(chain.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    chain.forEach((r, i) => {
      expect(r.prevMac).toBe(i === 0 ? ZEROS : chain[i - 1]?.mac);
    });
    expect(await twin.audit.head('c-new')).toMatchObject({ seq: 20, mac: chain[19]?.mac });
  });

  it('audit.list pages newest first in write order, of all chains or of one; heads page by chain', async () => {
    const store = current();
    for (let i = 0; i < 6; i++) {
      await store.transaction((tx) => appendAudit(tx, { chain: i % 2 ? 'c-odd' : 'bank' }));
    }
    const keys = (records: AuditRecord[]) => records.map((r) => `${r.chain}/${r.seq}`);
    expect(keys(await store.audit.list({ chain: 'c-odd', limit: 2 }))).toEqual(['c-odd/3', 'c-odd/2']);
    const all = await store.audit.list({ limit: 4 });
    expect(keys(all)).toEqual(['c-odd/3', 'bank/3', 'c-odd/2', 'bank/2']);
    const beforeId = all.at(-1)?.id;
    expect(keys(await store.audit.list({ limit: 10, beforeId }))).toEqual(['c-odd/1', 'bank/1']);
    const odd = await store.audit.list({ chain: 'c-odd', limit: 1 });
    expect(keys(await store.audit.list({ chain: 'c-odd', beforeId: odd[0]?.id, limit: 5 }))).toEqual([
      'c-odd/2',
      'c-odd/1',
    ]);
    expect((await store.audit.heads({ limit: 10 })).map((h) => h.chain)).toEqual(['bank', 'c-odd']);
    expect((await store.audit.heads({ afterChain: 'bank', limit: 10 })).map((h) => h.chain)).toEqual([
      'c-odd',
    ]);
    expect(await store.audit.headlessChains(10)).toEqual([]);
  });

  it('B1: audit.list filters by time range, action, actor type and actor, newest first, and pages within the filter', async () => {
    const store = current();
    const acts = [
      { actorType: 'user', actorId: 'u-1', action: 'login.success' },
      { actorType: 'user', actorId: 'u-2', action: 'login.success' },
      { actorType: 'operator', actorId: 'o-1', action: 'contract.opened' },
      { actorType: 'user', actorId: 'u-1', action: 'transfer.executed' },
      { actorType: 'system', actorId: null, action: 'transfer.executed' },
      { actorType: 'user', actorId: 'u-1', action: 'login.success' },
    ] as const;
    for (const [i, a] of acts.entries()) {
      await store.transaction((tx) => appendAudit(tx, { chain: 'c-f', at: 1_000 + i * 100, ...a }));
    }
    const seqs = async (q: Omit<Parameters<TestStore['audit']['list']>[0], 'limit'>, limit = 10) =>
      (await store.audit.list({ chain: 'c-f', limit, ...q })).map((r) => r.seq);
    expect(await seqs({ action: 'login.success' })).toEqual([6, 2, 1]);
    expect(await seqs({ actorId: 'u-1' })).toEqual([6, 4, 1]);
    expect(await seqs({ actorType: 'system' })).toEqual([5]);
    expect(await seqs({ actorType: 'user', action: 'login.success', actorId: 'u-2' })).toEqual([2]);
    // [fromAt, toAt): 1100 … 1399 are records 2, 3, 4.
    expect(await seqs({ fromAt: 1_100, toAt: 1_400 })).toEqual([4, 3, 2]);
    const first = await store.audit.list({ chain: 'c-f', limit: 1, actorId: 'u-1' });
    expect(first.map((r) => r.seq)).toEqual([6]);
    expect(await seqs({ actorId: 'u-1', beforeId: first[0]?.id })).toEqual([4, 1]);
    expect(await seqs({ action: 'logout' })).toEqual([]);
  });

  it('L1: there is no legacy log to migrate on a fresh database', async () => {
    expect(await current().audit.legacy.head()).toBeNull();
  });
}
