import type { Store } from '../../../core/src/ports.ts';
import { type Executor, mapUnique } from './shared.ts';

export function branchesRepo(db: Executor): Store['branches'] {
  return {
    async insert(b) {
      await mapUnique(db().insertInto('branches').values({ code: b.code, name: b.name }).execute());
    },
    async get(code) {
      const row = await db()
        .selectFrom('branches')
        .select(['code', 'name'])
        .where('code', '=', code)
        .executeTakeFirst();
      return row ?? null;
    },
    async list() {
      return db().selectFrom('branches').select(['code', 'name']).orderBy('code').execute();
    },
  };
}
