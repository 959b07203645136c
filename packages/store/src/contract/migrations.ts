import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';

export function migrationCases(current: () => TestStore): void {
  it('migrations are idempotent: a second run, from this or another store, applies nothing', async () => {
    const store = current();
    expect(await store.migrate()).toEqual([]);
    const twin = await openTestStoreTwin(store);
    expect(await twin.migrate()).toEqual([]);
  });

  it('a fresh database starts with an empty audit chain: seq 0 and 64 zeros (L1)', async () => {
    expect(await current().audit.head()).toEqual({ seq: 0, hash: '0'.repeat(64) });
  });
}
