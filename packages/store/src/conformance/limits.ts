/**
 * Storage conformance for limits (M5): settings round-trip, and the daily counter's conditional
 * UPDATE is exact across processes (a second store stands in for a second process), as
 * core/src/transfers/limit-policy.ts's atomicity contract requires.
 */

import type { LimitCount } from '@kinko/core/ports';
import { yen } from '@kinko/core/ports';
import { expect, it } from 'vitest';
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

  it('M5: layers and usagePair read the three layers and both counters of one transfer at once', async () => {
    const store = current();
    const l = (n: number) => ({ perTransfer: yen(n), perDay: yen(10 * n), sameDayUnregisteredPerDay: null });
    await store.limits.put('bank', 'c1', l(1), 1);
    await store.limits.put('contract', 'c1', l(2), 1);
    await store.limits.put('user', 'u1', l(3), 1);
    // Others' rows, and this user's id as a contract owner, are not picked up.
    await store.limits.put('contract', 'c2', l(4), 1);
    await store.limits.put('user', 'u2', l(5), 1);
    expect(await store.limits.layers('c1', 'u1')).toEqual({ bank: l(1), contract: l(2), user: l(3) });
    expect(await store.limits.layers('c3', 'u3')).toEqual({ bank: null, contract: null, user: null });
    await store.transaction(async (tx) => {
      await tx.limits.count('contract', 'c1', '2025-01-07', count(100, null));
      await tx.limits.count('user', 'u1', '2025-01-07', count(40, null));
      await tx.limits.count('user', 'u2', '2025-01-07', count(7, null));
      await tx.limits.count('user', 'u1', '2025-01-08', count(9, null));
    });
    const zero = { used: 0, usedSameDayUnregistered: 0 };
    expect(await store.limits.usagePair('c1', 'u1', '2025-01-07')).toEqual({
      contract: { used: 100, usedSameDayUnregistered: 0 },
      user: { used: 40, usedSameDayUnregistered: 0 },
    });
    expect(await store.limits.usagePair('c1', 'u3', '2025-01-09')).toEqual({ contract: zero, user: zero });
  });
}
