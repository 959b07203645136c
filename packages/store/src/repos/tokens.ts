import type { Store, TokenRecord, TokenStatus } from '@kinko/core/ports';
import type { Insertable, Selectable } from 'kysely';
import type { TokensTable } from '../schema.ts';
import { insertRows, prepared } from './prepared.ts';
import { bytes, type Executor, mapUnique, patchColumns } from './shared.ts';

type TokenPatch = Parameters<Store['tokens']['update']>[1];

const patchMap = {
  status: 'status',
  contractId: 'contract_id',
  registeredAt: 'registered_at',
  revokedAt: 'revoked_at',
  expiresAt: 'expires_at',
} as const satisfies Record<keyof TokenPatch, keyof TokensTable>;

const byId = prepared((db, id: string) => db.selectFrom('tokens').selectAll().where('id', '=', id));
const consumeStep = prepared((db, id: string, step: number, drift: number) =>
  db
    .updateTable('tokens')
    .set({ last_step: step, drift })
    .where('id', '=', id)
    .where('last_step', '<', step)
    .where('status', 'in', ['activated', 'registered'])
    .returning('id'),
);

export function tokensRepo(db: Executor): Store['tokens'] {
  const select = () => db().selectFrom('tokens').selectAll();
  return {
    async insert(t) {
      await mapUnique(insertRows(db, 'tokens', [toRow(t)]));
    },
    async get(id) {
      const row = (await byId(db, id)).rows[0];
      return row ? fromRow(row) : null;
    },
    async getBySerial(serial) {
      const row = await select().where('serial', '=', serial).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async update(id, patch) {
      const set = patchColumns<TokenPatch, TokensTable>(patch, patchMap);
      if (Object.keys(set).length === 0) return;
      await db().updateTable('tokens').set(set).where('id', '=', id).execute();
    },
    async consumeStep(id, step, drift) {
      // T2 in one conditional UPDATE: of any number of concurrent callers, in any number of
      // processes, only one finds last_step < step under the row's write lock; the others see
      // its new last_step (PostgreSQL re-checks the WHERE on the updated row) and match nothing.
      return (await consumeStep(db, id, step, drift)).rows.length === 1;
    },
    async expireUnregistered(now) {
      // T5: an activation not registered in time is dead; registered tokens never expire here.
      const result = await db()
        .updateTable('tokens')
        .set({ status: 'expired' })
        .where('status', '=', 'activated')
        .where('expires_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listByContract(contractId) {
      const rows = await select()
        .where('contract_id', '=', contractId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
  };
}

function toRow(t: TokenRecord): Insertable<TokensTable> {
  return {
    id: t.id,
    serial: t.serial,
    seed_ciphertext: t.seedCiphertext,
    status: t.status,
    last_step: t.lastStep,
    drift: t.drift,
    contract_id: t.contractId,
    created_at: t.createdAt,
    expires_at: t.expiresAt,
    registered_at: t.registeredAt,
    revoked_at: t.revokedAt,
  };
}

function fromRow(r: Selectable<TokensTable>): TokenRecord {
  return {
    id: r.id,
    serial: r.serial,
    seedCiphertext: bytes(r.seed_ciphertext),
    status: r.status as TokenStatus, // CHECK tokens_status
    lastStep: r.last_step,
    drift: r.drift,
    contractId: r.contract_id,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    registeredAt: r.registered_at,
    revokedAt: r.revoked_at,
  };
}
