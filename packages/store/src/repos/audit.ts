import type { Selectable } from 'kysely';
import type { AuditRecord, Store } from '../../../core/src/ports.ts';
import type { AuditLogTable, Kind } from '../schema.ts';
import { insertRows, prepared } from './prepared.ts';
import type { Executor } from './shared.ts';

/**
 * The hash-chained log (L1). Appending is lockHead → compute → append, inside one transaction,
 * so that concurrent writers in any number of processes extend the chain one after another.
 */
/** Records per INSERT: SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535. */
const APPEND_CHUNK = 1000;

const readHead = prepared((db) => db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1));
const lockHead = prepared((db) =>
  db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate(),
);
const moveHead = prepared((db, seq: number, hash: string, fromSeq: number, fromHash: string) =>
  db
    .updateTable('audit_head')
    .set({ seq, hash })
    .where('id', '=', 1)
    .where('seq', '=', fromSeq)
    .where('hash', '=', fromHash),
);

export function auditRepo(db: Executor, kind: Kind, inTransaction: boolean): Store['audit'] {
  const head = async () => {
    const row = (await readHead(db)).rows[0];
    if (!row) throw new Error('store: the audit chain has no head');
    return row;
  };
  const insert = (records: readonly AuditRecord[]) =>
    insertRows(
      db,
      'audit_log',
      records.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor_type: r.actorType,
        actor_id: r.actorId,
        contract_id: r.contractId,
        action: r.action,
        subject: r.subject,
        outcome: r.outcome,
        detail: r.detail,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    );
  const requireTransaction = (method: string) => {
    if (!inTransaction) throw new Error(`store: audit.${method} must be called inside transaction`);
  };
  return {
    async lockHead() {
      requireTransaction('lockHead');
      // PostgreSQL: the row lock holds until commit, and a waiter then reads the moved head
      // (READ COMMITTED re-reads a locked row). SQLite: BEGIN IMMEDIATE already made this
      // transaction the only writer, and SQLite has no FOR UPDATE.
      if (kind !== 'postgres') return head();
      const row = (await lockHead(db)).rows[0];
      if (!row) throw new Error('store: the audit chain has no head');
      return row;
    },
    async append(records) {
      requireTransaction('append');
      const first = records[0];
      const last = records.at(-1);
      if (!first || !last) return;
      records.forEach((r, i) => {
        const before = records[i - 1];
        if (before && (r.seq !== before.seq + 1 || r.prevHash !== before.hash))
          throw new Error(`store: audit record ${r.seq} does not follow record ${before.seq}`);
      });
      for (let i = 0; i < records.length; i += APPEND_CHUNK) {
        await insert(records.slice(i, i + APPEND_CHUNK));
      }
      // Moves the head only from the first record's predecessor: a writer that skipped lockHead,
      // or computed from a stale head, fails here instead of forking the chain.
      const moved = await moveHead(db, last.seq, last.hash, first.seq - 1, first.prevHash);
      if (moved.numAffectedRows !== 1n) {
        throw new Error(`store: audit record ${first.seq} does not follow the chain head`);
      }
    },
    async list({ afterSeq, limit, contractId, descending }) {
      let query = db().selectFrom('audit_log').selectAll();
      // A cursor: the next page continues past afterSeq in the direction of the listing.
      if (afterSeq !== undefined) query = query.where('seq', descending ? '<' : '>', afterSeq);
      if (contractId !== undefined) query = query.where('contract_id', '=', contractId);
      const rows = await query
        .orderBy('seq', descending ? 'desc' : 'asc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    head,
  };
}

function fromRow(r: Selectable<AuditLogTable>): AuditRecord {
  return {
    seq: r.seq,
    at: r.at,
    actorType: r.actor_type as AuditRecord['actorType'], // CHECK audit_actor_type
    actorId: r.actor_id,
    contractId: r.contract_id,
    action: r.action,
    subject: r.subject,
    outcome: r.outcome as AuditRecord['outcome'], // CHECK audit_outcome
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
