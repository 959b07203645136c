/**
 * Hardening defect 4: a PostgreSQL transaction aborted as a deadlock (40P01) or serialisation
 * failure (40001) is run again by the store, a bounded number of times, instead of reaching the
 * client as a 500. PostgreSQL only: SQLite's one writer never deadlocks and never reports these.
 */

import type { Store } from '@kinko/core/ports';
import { afterEach, describe, expect, it } from 'vitest';
import { seedContract, user } from './conformance/fixtures.ts';
import { MAX_ATTEMPTS } from './store.ts';
import { openTestStoreTwin, type TestStore, testBackends } from './testing.ts';

describe.each(testBackends().filter((b) => b.name === 'postgres'))('$name: transaction retry', (backend) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.cleanup();
    store = undefined;
  });

  it('a forced deadlock is retried once and both transactions commit', async () => {
    store = await backend.open();
    const twin = await openTestStoreTwin(store);
    const c = await seedContract(store);
    const [u1, u2] = [user(c.id, { id: 'u1', loginId: 'one' }), user(c.id, { id: 'u2', loginId: 'two' })];
    await store.users.insert(u1);
    await store.users.insert(u2);

    // Each transaction locks one user row, waits until the other holds its own, then asks for the
    // other's: a lock cycle that PostgreSQL breaks by aborting one of them with 40P01.
    let holding = 0;
    let bothHold: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      bothHold = resolve;
    });
    const attempts = { first: 0, second: 0 };
    const crossing = (s: Store, mine: string, theirs: string, name: 'first' | 'second') =>
      s.transaction(async (tx) => {
        attempts[name]++;
        await tx.users.update(mine, { name: `${name} ${attempts[name]}` });
        if (++holding === 2) bothHold();
        await barrier;
        await tx.users.update(theirs, { name: `${name} ${attempts[name]}` });
        return attempts[name];
      });
    const results = await Promise.all([
      crossing(store, 'u1', 'u2', 'first'),
      crossing(twin, 'u2', 'u1', 'second'),
    ]);
    expect(attempts.first + attempts.second).toBe(3); // one victim, run again once
    expect(results.sort()).toEqual([1, 2]);
    // The retried one committed last, over both rows.
    const retried = attempts.first === 2 ? 'first 2' : 'second 2';
    expect((await store.users.get('u1'))?.name).toBe(retried);
    expect((await store.users.get('u2'))?.name).toBe(retried);
  });

  it('a serialisation failure is retried a bounded number of times, then reaches the caller', async () => {
    store = await backend.open();
    let runs = 0;
    const outcome = store.transaction(async (tx) => {
      runs++;
      await tx.settings.put('k', `run ${runs}`);
      throw Object.assign(new Error('could not serialize access'), { code: '40001' });
    });
    await expect(outcome).rejects.toMatchObject({ code: '40001' });
    expect(runs).toBe(MAX_ATTEMPTS);
    expect(await store.settings.get('k')).toBeNull(); // every run rolled back
  });

  it('other errors are not retried', async () => {
    store = await backend.open();
    let runs = 0;
    const boom = Object.assign(new Error('unique'), { code: '23505' });
    await expect(
      store.transaction(async () => {
        runs++;
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(runs).toBe(1);
  });
});
