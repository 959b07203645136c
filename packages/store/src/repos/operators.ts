import type { OperatorRecord, Store } from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { OperatorsTable } from '../schema.ts';
import { bool, type Executor, mapUnique, patchColumns, recordFailure } from './shared.ts';

type OperatorPatch = Parameters<Store['operators']['update']>[1];

const patchMap = {
  passwordHash: 'password_hash',
  passwordFailures: 'password_failures',
  locked: 'locked',
} as const satisfies Record<keyof OperatorPatch, keyof OperatorsTable>;

export function operatorsRepo(db: Executor): Store['operators'] {
  const select = () => db().selectFrom('operators').selectAll();
  return {
    async insert(o) {
      await mapUnique(
        db()
          .insertInto('operators')
          .values({
            id: o.id,
            login_id: o.loginId,
            name: o.name,
            password_hash: o.passwordHash,
            password_failures: o.passwordFailures,
            locked: o.locked,
            created_at: o.createdAt,
          })
          .execute(),
      );
    },
    async get(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async getByLogin(loginId) {
      const row = await select().where('login_id', '=', loginId).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async update(id, patch) {
      const set = patchColumns<OperatorPatch, OperatorsTable>(patch, patchMap);
      if (Object.keys(set).length === 0) return;
      await db().updateTable('operators').set(set).where('id', '=', id).execute();
    },
    recordFailure(id, max) {
      return recordFailure(db(), 'operators', 'password_failures', 'locked', id, max);
    },
  };
}

function fromRow(r: Selectable<OperatorsTable>): OperatorRecord {
  return {
    id: r.id,
    loginId: r.login_id,
    name: r.name,
    passwordHash: r.password_hash,
    passwordFailures: r.password_failures,
    locked: bool(r.locked),
    createdAt: r.created_at,
  };
}
