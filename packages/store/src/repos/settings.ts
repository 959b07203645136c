import type { Store } from '@kinko/core/ports';
import type { Executor } from './shared.ts';

export function settingsRepo(db: Executor): Store['settings'] {
  return {
    async get(key) {
      const row = await db().selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      return row?.value ?? null;
    },
    async put(key, value) {
      // An upsert both databases (and CockroachDB) spell the same way.
      await db()
        .insertInto('settings')
        .values({ key, value })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    },
  };
}
