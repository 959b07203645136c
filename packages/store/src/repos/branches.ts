import type { Store } from '@kinko/core/ports';
import { prepared } from './prepared.ts';
import { type Executor, mapUnique } from './shared.ts';

const byCode = prepared((db, code: string) =>
  db.selectFrom('branches').select(['code', 'name']).where('code', '=', code),
);
const all = prepared((db) => db.selectFrom('branches').select(['code', 'name']).orderBy('code'));

export function branchesRepo(db: Executor): Store['branches'] {
  return {
    async insert(b) {
      await mapUnique(db().insertInto('branches').values({ code: b.code, name: b.name }).execute());
    },
    async get(code) {
      return (await byCode(db, code)).rows[0] ?? null;
    },
    async list() {
      return (await all(db)).rows;
    },
  };
}
