import type { Store } from '@kinko/core/ports';
import { prepared } from './prepared.ts';
import type { Executor } from './shared.ts';

/**
 * M3: idempotency keys. The primary key (contract_id, key) is the whole mechanism: a second
 * claim fails, and on PostgreSQL a claim racing an uncommitted one waits for it first.
 */
const byKey = prepared((db, contractId: string, key: string) =>
  db.selectFrom('idempotency_keys').selectAll().where('contract_id', '=', contractId).where('key', '=', key),
);
const claim = prepared(
  (db, contractId: string, key: string, operation: string, requestHash: string, createdAt: number) =>
    db
      .insertInto('idempotency_keys')
      .values({
        contract_id: contractId,
        key,
        operation,
        request_hash: requestHash,
        result: null,
        created_at: createdAt,
      })
      .onConflict((oc) => oc.columns(['contract_id', 'key']).doNothing()),
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
      if (r.result !== null) throw new Error('store: a key is claimed before its result exists');
      const taken = await claim(db, r.contractId, r.key, r.operation, r.requestHash, r.createdAt);
      return taken.numAffectedRows === 1n;
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
