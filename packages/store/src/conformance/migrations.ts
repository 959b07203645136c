import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';

export function migrationCases(current: () => TestStore): void {
  it('migrations are idempotent: a second run, from this or another store, applies nothing', async () => {
    const store = current();
    expect(await store.migrate()).toEqual([]);
    const twin = await openTestStoreTwin(store);
    expect(await twin.migrate()).toEqual([]);
  });

  it('a fresh database starts with no audit chain and nothing to migrate (L1)', async () => {
    expect(await current().audit.heads({ limit: 10 })).toEqual([]);
    expect(await current().audit.legacy.head()).toBeNull();
  });
}
