/**
 * The storage contract for limits (M5): settings round-trip, and the daily counter's conditional
 * UPDATE is exact across processes (a second store stands in for a second process), as
 * core/src/transfers/limit-policy.ts's atomicity contract requires.
 */
import { expect, it } from 'vitest';
import { yen } from '../../../core/src/ledger/yen.ts';
import type { LimitCount } from '../../../core/src/ports.ts';
import { openTestStoreTwin, type TestStore } from '../testing.ts';

const count = (add: number, usedLimit: number | null): LimitCount => ({
  add: yen(add),
  usedLimit: usedLimit === null ? null : yen(usedLimit),
  addSameDayUnregistered: yen(0),
  sameDayUnregisteredLimit: null,
});

export function limitCases(current: () => TestStore): void {
  it('M5: limit settings round-trip per layer and owner; null removes them', async () => {
    const store = current();
    const l = { perTransfer: yen(100), perDay: yen(1_000), sameDayUnregisteredPerDay: null };
    await store.limits.put('contract', 'c1', l, 1);
    await store.limits.put('user', 'u1', { ...l, sameDayUnregisteredPerDay: yen(50) }, 1);
    expect(await store.limits.get('contract', 'c1')).toEqual(l);
    expect(await store.limits.get('bank', 'c1')).toBeNull();
    expect((await store.limits.listUsers(['u1', 'u2'])).get('u1')?.sameDayUnregisteredPerDay).toBe(50);
    await store.limits.put('contract', 'c1', null, 2);
    expect(await store.limits.get('contract', 'c1')).toBeNull();
  });

  it('M5: the counter takes no more than its limit, even from two processes at once; give-back returns it', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? twin : store).transaction((tx) =>
          tx.limits.count('contract', 'c1', '2025-01-07', count(100, 1_000)),
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await store.limits.usage('contract', 'c1', '2025-01-07')).toEqual({
      used: 1_000,
      usedSameDayUnregistered: 0,
    });
    // No limit: counted all the same, so that a limit set later sees the usage.
    expect(await store.transaction((tx) => tx.limits.count('user', 'u1', '2025-01-07', count(5, null)))).toBe(
      true,
    );
    await store.transaction((tx) => tx.limits.giveBack('contract', 'c1', '2025-01-07', yen(300), yen(0)));
    expect(await store.limits.usage('contract', 'c1', '2025-01-07')).toMatchObject({ used: 700 });
    expect(await store.limits.usage('contract', 'c1', '2025-01-08')).toEqual({
      used: 0,
      usedSameDayUnregistered: 0,
    });
  });
}
