/**
 * Commits under concurrency, as the business operations rely on them: a transaction that
 * resolved is durable and readable at once; one that failed takes nothing of its neighbours
 * with it (SQLite's group commit runs neighbours in one COMMIT, sqlite-driver.ts); reads never
 * see uncommitted work; the per-transaction identity map (store.ts) never hides a write.
 */
import { expect, it } from 'vitest';
import type { TestStore } from '../testing.ts';
import { seedContract, user } from './fixtures.ts';

export function commitCases(current: () => TestStore): void {
  it('L1 M1: 40 concurrent transactions, every fifth failing: each resolved one is readable at once, no failed one left anything', async () => {
    const store = current();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        store
          .transaction(async (tx) => {
            await tx.settings.put(`k${i}`, `v${i}`);
            if (i % 5 === 4) throw new Error(`refused ${i}`);
            return i;
          })
          // Read-your-writes: the moment the transaction resolves, a read outside it sees it.
          .then(async (n) => ({ n, seen: await store.settings.get(`k${n}`) })),
      ),
    );
    outcomes.forEach((o, i) => {
      if (i % 5 === 4) {
        expect(o.status).toBe('rejected');
      } else {
        expect(o).toEqual({ status: 'fulfilled', value: { n: i, seen: `v${i}` } });
      }
    });
    for (let i = 0; i < 40; i++) {
      expect(await store.settings.get(`k${i}`)).toBe(i % 5 === 4 ? null : `v${i}`);
    }
  });

  it('a read outside an open transaction sees neither its uncommitted write nor waits for it', async () => {
    const store = current();
    await store.transaction((tx) => tx.settings.put('k', 'before'));
    let open!: () => void;
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const writer = store.transaction(async (tx) => {
      await tx.settings.put('k', 'after');
      wrote();
      await gate;
    });
    await written;
    expect(await store.settings.get('k')).toBe('before');
    expect(await store.snapshot((view) => view.settings.get('k'))).toBe('before');
    open();
    await writer;
    expect(await store.settings.get('k')).toBe('after');
    expect(await store.snapshot((view) => view.settings.get('k'))).toBe('after');
  });

  it('inside a transaction a read after a write of the same repository sees the write', async () => {
    const store = current();
    const c = await store.transaction((tx) => seedContract(tx));
    const u = user(c.id);
    await store.transaction((tx) => tx.users.insert(u));
    await store.transaction(async (tx) => {
      expect((await tx.users.get(u.id))?.otpFailures).toBe(0);
      await tx.users.recordFailure(u.id, 'otp', 5);
      expect((await tx.users.get(u.id))?.otpFailures).toBe(1);
      await tx.users.update(u.id, { name: 'renamed' });
      const again = await tx.users.get(u.id);
      expect(again?.name).toBe('renamed');
      // The same record object for repeated reads; frozen, so nobody can change it for others.
      expect(await tx.users.get(u.id)).toBe(again);
      expect(Object.isFrozen(again)).toBe(true);
    });
  });
}
