/** The audit chain's storage (L1): the head moves with each append, in order, across processes. */
import { expect, it } from 'vitest';
import type { AuditRecord } from '../../../core/src/ports.ts';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { appendAudit } from './fixtures.ts';

export function auditCases(current: () => TestStore): void {
  it('L1: lockHead starts at seq 0 and 64 zeros; append moves the head to the new record', async () => {
    const store = current();
    const first = await store.transaction(async (tx) => {
      expect(await tx.audit.lockHead()).toEqual({ seq: 0, hash: '0'.repeat(64) });
      return appendAudit(tx, {
        actorType: 'user',
        actorId: 'u-1',
        subject: 'SKTS00000001',
        detail: '{"a":1}',
      });
    });
    expect(first).toMatchObject({ seq: 1, prevHash: '0'.repeat(64) });
    expect(await store.audit.head()).toEqual({ seq: 1, hash: first.hash });
    const second = await store.transaction((tx) => appendAudit(tx));
    expect(second.prevHash).toBe(first.hash);
    expect(await store.audit.head()).toEqual({ seq: 2, hash: second.hash });
    expect(await store.audit.list({ limit: 10 })).toEqual([first, second]);
  });

  it('L1: an append that does not follow the head fails and leaves neither record nor head', async () => {
    const store = current();
    await store.transaction((tx) => appendAudit(tx));
    const head = await store.audit.head();
    const stale = store.transaction((tx) => appendAudit(tx, { seq: 2, prevHash: '1'.repeat(64) }));
    await expect(stale).rejects.toThrow(/does not follow/);
    const skipped = store.transaction((tx) => appendAudit(tx, { seq: 5 }));
    await expect(skipped).rejects.toThrow(/does not follow/);
    expect(await store.audit.head()).toEqual(head);
    expect(await store.audit.list({ limit: 10 })).toHaveLength(1);
  });

  it('L1: an append rolled back with its transaction leaves the head where it was', async () => {
    const store = current();
    const outcome = store.transaction(async (tx) => {
      await appendAudit(tx);
      throw new Error('use case failed');
    });
    await expect(outcome).rejects.toThrow('use case failed');
    expect(await store.audit.head()).toEqual({ seq: 0, hash: '0'.repeat(64) });
    expect(await store.audit.list({ limit: 10 })).toEqual([]);
  });

  it('L1: 20 concurrent appends from two stores extend one unbroken chain', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 2));
    // Each writer holds the head across an await, as core does while it hashes.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? twin : store).transaction((tx) => appendAudit(tx, {}, pause)),
      ),
    );
    const chain = await store.audit.list({ limit: 100 });
    expect(chain.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    chain.forEach((r, i) => {
      expect(r.prevHash).toBe(i === 0 ? '0'.repeat(64) : chain[i - 1]?.hash);
    });
    expect(await twin.audit.head()).toEqual({ seq: 20, hash: chain[19]?.hash });
  });

  it('audit.list pages forward and backward from a seq, and filters by contract', async () => {
    const store = current();
    const written: AuditRecord[] = [];
    for (let i = 0; i < 6; i++) {
      written.push(await store.transaction((tx) => appendAudit(tx, { contractId: i % 2 ? 'c-odd' : null })));
    }
    const seqs = (records: AuditRecord[]) => records.map((r) => r.seq);
    expect(seqs(await store.audit.list({ limit: 2 }))).toEqual([1, 2]);
    expect(seqs(await store.audit.list({ afterSeq: 2, limit: 3 }))).toEqual([3, 4, 5]);
    expect(seqs(await store.audit.list({ descending: true, limit: 2 }))).toEqual([6, 5]);
    expect(seqs(await store.audit.list({ descending: true, afterSeq: 5, limit: 2 }))).toEqual([4, 3]);
    expect(seqs(await store.audit.list({ contractId: 'c-odd', limit: 10 }))).toEqual([2, 4, 6]);
    expect(seqs(await store.audit.list({ contractId: 'c-odd', afterSeq: 2, limit: 1 }))).toEqual([4]);
    expect(await store.audit.list({ afterSeq: 6, limit: 10 })).toEqual([]);
    expect((await store.audit.list({ limit: 1 }))[0]).toEqual(written[0]);
  });
}
