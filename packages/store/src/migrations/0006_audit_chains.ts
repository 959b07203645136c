/**
 * L1 keyed and split (hardening): the audit log becomes one MAC-chained sequence per contract
 * plus one for the bank (audit_records, keyed by chain and seq), each chain with its own head
 * (audit_heads), so that no row is written by every audited transaction. The old global chain
 * is kept as it was, renamed, until the first process with the audit key re-chains its records
 * under the key (core audit/legacy.ts) and empties it: a migration has no key to do it with.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

export function auditChains(kind: Kind): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('audit_log').renameTo('audit_legacy').execute();
      await db.schema.alterTable('audit_head').renameTo('audit_legacy_head').execute();

      // Append-only and self-contained as before: no foreign keys, so no later change elsewhere
      // can block or alter a record; the MACs detect tampering.
      await db.schema
        .createTable('audit_records')
        // The order records were written in, bank-wide, for the back office's listing (B1). A
        // sequence (SQLite: the rowid) hands out ids without a lock held to commit, so it is no
        // hot row; the chains' own order is (chain, seq).
        .addColumn('id', kind === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('chain', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('contract_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_mac', 'text', (c) => c.notNull())
        .addColumn('mac', 'text', (c) => c.notNull())
        .addUniqueConstraint('audit_records_chain_seq', ['chain', 'seq'])
        .addCheckConstraint(
          'audit_records_actor_type',
          sql`actor_type in ('user', 'operator', 'system', 'anonymous')`,
        )
        .addCheckConstraint('audit_records_outcome', sql`outcome in ('success', 'failure')`)
        .addCheckConstraint('audit_records_seq', sql`seq >= 1`)
        .execute();
      // One contract's records, newest first (B1, the T2 replay alerts).
      await db.schema
        .createIndex('audit_records_chain_id')
        .on('audit_records')
        .columns(['chain', 'id'])
        .execute();

      // One row per chain, locked (FOR UPDATE) by the transactions that append to that chain only.
      await db.schema
        .createTable('audit_heads')
        .addColumn('chain', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('mac', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addCheckConstraint('audit_heads_seq', sql`seq >= 0`)
        .execute();
    },
  };
}
