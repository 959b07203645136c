/**
 * Limits and privileges (M5). Limit settings per layer (the bank's ceiling per contract, the
 * administrator's contract limit, per-user limits), the daily usage counters that make the
 * limits exact under concurrency (core/src/transfers/limit-policy.ts, the atomicity contract),
 * and per-user privileges. Amounts are integer yen in bigint columns, as in 0002_ledger.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

export function limits(_kind: Kind): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('limit_settings')
        // 'bank' and 'contract' rows are keyed by the contract id, 'user' rows by the user id.
        .addColumn('layer', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('per_transfer', 'bigint', (c) => c.notNull())
        .addColumn('per_day', 'bigint', (c) => c.notNull())
        .addColumn('same_day_unregistered_per_day', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('limit_settings_pk', ['layer', 'owner_id'])
        .addCheckConstraint('limit_settings_layer', sql`layer in ('bank', 'contract', 'user')`)
        .addCheckConstraint(
          'limit_settings_amounts',
          sql`per_transfer >= 0 and per_day >= 0
              and (same_day_unregistered_per_day is null or same_day_unregistered_per_day >= 0)`,
        )
        .execute();

      // M5: one row per (contract, bank date) and (user, bank date); `used` includes
      // `used_same_day_unregistered`. Only ever changed by conditional UPDATEs (limit-policy.ts).
      await db.schema
        .createTable('limit_usage')
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull()) // 'YYYY-MM-DD', the value date
        .addColumn('used', 'bigint', (c) => c.notNull())
        .addColumn('used_same_day_unregistered', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('limit_usage_pk', ['scope', 'owner_id', 'day'])
        .addCheckConstraint('limit_usage_scope', sql`scope in ('contract', 'user')`)
        // Backstop: a give-back never takes a counter below zero.
        .addCheckConstraint(
          'limit_usage_amounts',
          sql`used_same_day_unregistered >= 0 and used >= used_same_day_unregistered`,
        )
        .execute();

      await db.schema
        .createTable('user_privileges')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
        // Comma-separated privilege names, validated by core (identity/privileges.ts).
        .addColumn('privileges', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
