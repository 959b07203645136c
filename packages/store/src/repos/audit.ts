import type { AuditHead, AuditRecord, LegacyAuditRecord, Store } from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { AuditHeadsTable, AuditLegacyTable, AuditRecordsTable, Kind } from '../schema.ts';
import { insertRows, prepared } from './prepared.ts';
import type { Executor } from './shared.ts';

/**
 * The MAC-chained log (L1): one chain per contract and one for the bank, each with its own head
 * row. Appending is lockHeads → compute → append, inside one transaction, so that concurrent
 * writers of one chain in any number of processes extend it one after another, while writers of
 * other chains never touch the same rows.
 */
/** Records per INSERT: SQLite binds at most 32,766 parameters per statement, PostgreSQL 65,535. */
const APPEND_CHUNK = 1000;
const GENESIS_MAC = '0'.repeat(64);

const headOf = prepared((db, chain: string) =>
  db.selectFrom('audit_heads').select(['chain', 'seq', 'mac', 'at']).where('chain', '=', chain),
);
const lockHead = prepared((db, chain: string) =>
  db.selectFrom('audit_heads').select(['chain', 'seq', 'mac', 'at']).where('chain', '=', chain).forUpdate(),
);
const createHead = prepared((db, chain: string, mac: string) =>
  db
    .insertInto('audit_heads')
    .values({ chain, seq: 0, mac, at: 0 })
    .onConflict((oc) => oc.column('chain').doNothing()),
);
const moveHead = prepared(
  (db, chain: string, seq: number, mac: string, at: number, fromSeq: number, fromMac: string) =>
    db
      .updateTable('audit_heads')
      .set({ seq, mac, at })
      .where('chain', '=', chain)
      .where('seq', '=', fromSeq)
      .where('mac', '=', fromMac),
);

export function auditRepo(db: Executor, kind: Kind, inTransaction: boolean): Store['audit'] {
  const requireTransaction = (method: string) => {
    if (!inTransaction) throw new Error(`store: audit.${method} must be called inside transaction`);
  };
  const insert = (records: readonly AuditRecord[]) =>
    insertRows(
      db,
      'audit_records',
      records.map((r) => ({
        chain: r.chain,
        seq: r.seq,
        at: r.at,
        actor_type: r.actorType,
        actor_id: r.actorId,
        contract_id: r.contractId,
        action: r.action,
        subject: r.subject,
        outcome: r.outcome,
        detail: r.detail,
        prev_mac: r.prevMac,
        mac: r.mac,
      })),
    );
  /** The head, locked on PostgreSQL (the row lock holds until commit; a waiter then reads the
   * moved head, READ COMMITTED re-reading a locked row). SQLite: BEGIN IMMEDIATE already made
   * this transaction the only writer, and SQLite has no FOR UPDATE. */
  const readLocked = async (chain: string) =>
    (await (kind === 'postgres' ? lockHead : headOf)(db, chain)).rows[0];

  return {
    async lockHeads(chains) {
      requireTransaction('lockHeads');
      const heads: AuditHead[] = [];
      for (const chain of chains) {
        let row = await readLocked(chain);
        if (!row) {
          // A chain's first record: its head is created here. Two first writers at once: the
          // second's insert waits for the first's and then does nothing, and it reads the head
          // the first moved.
          await createHead(db, chain, GENESIS_MAC);
          row = await readLocked(chain);
        }
        if (!row) throw new Error(`store: the audit head of chain ${chain} could not be created`);
        heads.push(headFromRow(row));
      }
      return heads;
    },
    async append(records) {
      requireTransaction('append');
      if (records.length === 0) return;
      // Each chain's run of records must continue itself; its first record names the head it
      // continues, which moveHead checks.
      const runs = new Map<string, AuditRecord[]>();
      for (const r of records) {
        const run = runs.get(r.chain);
        const before = run?.at(-1);
        if (before && (r.seq !== before.seq + 1 || r.prevMac !== before.mac)) {
          throw new Error(`store: audit record ${r.chain}/${r.seq} does not follow ${before.seq}`);
        }
        if (run) run.push(r);
        else runs.set(r.chain, [r]);
      }
      for (let i = 0; i < records.length; i += APPEND_CHUNK) {
        await insert(records.slice(i, i + APPEND_CHUNK));
      }
      for (const [chain, run] of runs) {
        const first = run[0] as AuditRecord;
        const last = run.at(-1) as AuditRecord;
        // Moves the head only from the first record's predecessor: a writer that skipped
        // lockHeads, or computed from a stale head, fails here instead of forking the chain.
        const moved = await moveHead(db, chain, last.seq, last.mac, last.at, first.seq - 1, first.prevMac);
        if (moved.numAffectedRows !== 1n) {
          throw new Error(`store: audit record ${chain}/${first.seq} does not follow the chain's head`);
        }
      }
    },
    async head(chain) {
      const row = (await headOf(db, chain)).rows[0];
      return row ? headFromRow(row) : null;
    },
    async heads({ afterChain, limit }) {
      let query = db().selectFrom('audit_heads').selectAll();
      if (afterChain !== undefined) query = query.where('chain', '>', afterChain);
      const rows = await query.orderBy('chain').limit(limit).execute();
      return rows.map(headFromRow);
    },
    async chainRecords(chain, { afterSeq, limit }) {
      let query = db().selectFrom('audit_records').selectAll().where('chain', '=', chain);
      if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
      const rows = await query.orderBy('seq').limit(limit).execute();
      return rows.map(fromRow);
    },
    async list({ chain, beforeId, limit, fromAt, toAt, action, actorType, actorId }) {
      let query = db().selectFrom('audit_records').selectAll();
      if (chain !== undefined) query = query.where('chain', '=', chain);
      if (beforeId !== undefined) query = query.where('id', '<', beforeId);
      if (fromAt !== undefined) query = query.where('at', '>=', fromAt);
      if (toAt !== undefined) query = query.where('at', '<', toAt);
      if (action !== undefined) query = query.where('action', '=', action);
      if (actorType !== undefined) query = query.where('actor_type', '=', actorType);
      if (actorId !== undefined) query = query.where('actor_id', '=', actorId);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...fromRow(r), id: Number(r.id) }));
    },
    async headlessChains(limit) {
      const rows = await db()
        .selectFrom('audit_records as r')
        .select('r.chain')
        .distinct()
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('audit_heads as h').select('h.chain').whereRef('h.chain', '=', 'r.chain'))),
        )
        .orderBy('r.chain')
        .limit(limit)
        .execute();
      return rows.map((r) => r.chain);
    },
    legacy: {
      async head() {
        const query = db().selectFrom('audit_legacy_head').select(['seq', 'hash']).where('id', '=', 1);
        // Locked inside a transaction on PostgreSQL, so two processes never migrate at once.
        const row = await (inTransaction && kind === 'postgres'
          ? query.forUpdate()
          : query
        ).executeTakeFirst();
        if (!row) return null;
        // An old log that never had a record has nothing to migrate either.
        if (Number(row.seq) === 0) {
          const any = await db().selectFrom('audit_legacy').select('seq').limit(1).executeTakeFirst();
          if (!any) return null;
        }
        return { seq: Number(row.seq), hash: row.hash };
      },
      async page({ afterSeq, limit }) {
        let query = db().selectFrom('audit_legacy').selectAll();
        if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
        const rows = await query.orderBy('seq').limit(limit).execute();
        return rows.map(legacyFromRow);
      },
      async clear() {
        requireTransaction('legacy.clear');
        await db().deleteFrom('audit_legacy').execute();
        await db().deleteFrom('audit_legacy_head').execute();
      },
    },
  };
}

function headFromRow(r: Selectable<AuditHeadsTable>): AuditHead {
  return { chain: r.chain, seq: Number(r.seq), mac: r.mac, at: Number(r.at) };
}

function fromRow(r: Selectable<AuditRecordsTable>): AuditRecord {
  return {
    chain: r.chain,
    seq: Number(r.seq),
    at: Number(r.at),
    actorType: r.actor_type as AuditRecord['actorType'], // CHECK audit_records_actor_type
    actorId: r.actor_id,
    contractId: r.contract_id,
    action: r.action,
    subject: r.subject,
    outcome: r.outcome as AuditRecord['outcome'], // CHECK audit_records_outcome
    detail: r.detail,
    prevMac: r.prev_mac,
    mac: r.mac,
  };
}

function legacyFromRow(r: Selectable<AuditLegacyTable>): LegacyAuditRecord {
  return {
    seq: Number(r.seq),
    at: Number(r.at),
    actorType: r.actor_type as LegacyAuditRecord['actorType'],
    actorId: r.actor_id,
    contractId: r.contract_id,
    action: r.action,
    subject: r.subject,
    outcome: r.outcome as LegacyAuditRecord['outcome'],
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
