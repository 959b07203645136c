import type { Store } from '../../../core/src/ports.ts';
import { insertRows, prepared } from './prepared.ts';
import { type Executor, mapUnique } from './shared.ts';

/**
 * M3: idempotency keys. The primary key (contract_id, key) is the whole mechanism: a second
 * claim fails, and on PostgreSQL a claim racing an uncommitted one waits for it first.
 */
const byKey = prepared((db, contractId: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('contract_id', '=', contractId).where('key', '=', key),
);
const complete = prepared((db, contractId: string, key: string, result: string) =>
  db
    .updateTable('idempotency_keys')
    .set({ result })
    .where('contract_id', '=', contractId)
    .where('key', '=', key),
);

export function idempotencyRepo(db: Executor): Store['idempotency'] {
  return {
    async claim(r) {
      await mapUnique(
        insertRows(db, 'idempotency_keys', [
          {
            contract_id: r.contractId,
            key: r.key,
            operation: r.operation,
            request_hash: r.requestHash,
            result: r.result,
            created_at: r.createdAt,
          },
        ]),
      );
    },
    async get(contractId, key) {
      const r = (await byKey(db, contractId, key)).rows[0];
      return r
        ? {
            contractId: r.contract_id,
            key: r.key,
            operation: r.operation,
            requestHash: r.request_hash,
            result: r.result,
            createdAt: r.created_at,
          }
        : null;
    },
    async complete(contractId, key, result) {
      await complete(db, contractId, key, result);
    },
    async release(contractId, key) {
      await db()
        .deleteFrom('idempotency_keys')
        .where('contract_id', '=', contractId)
        .where('key', '=', key)
        .execute();
    },
  };
}
