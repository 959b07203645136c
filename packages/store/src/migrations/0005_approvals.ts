/**
 * Approvals (M5a): the contract's setting and one approval request per transfer submitted in an
 * approval mode. The transfer itself stays 'pending' until the final approval posts or
 * schedules it (core/src/transfers/approvals.ts).
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

export function approvals(kind: Kind): Migration {
  const flag = (name: string) => (c: import('kysely').ColumnDefinitionBuilder) => {
    // As in 0001: on SQLite, where a boolean is an integer, only 0 or 1.
    const base = c.notNull().defaultTo(false);
    return kind === 'sqlite' ? base.check(sql`${sql.ref(name)} in (0, 1)`) : base;
  };
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('approval_settings')
        .addColumn('contract_id', 'text', (c) => c.primaryKey().references('contracts.id'))
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('approver_must_differ', 'boolean', flag('approver_must_differ'))
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addCheckConstraint(
          'approval_settings_mode',
          sql`mode in ('none', 'single', 'double_ordered', 'double_unordered')`,
        )
        .execute();
      await db.schema
        .createTable('approval_requests')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('transfer_id', 'text', (c) => c.notNull().unique().references('transfers.id'))
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('state', 'text', (c) => c.notNull())
        // The setting in force at submission: a request keeps the rules it was made under.
        .addColumn('mode', 'text', (c) => c.notNull())
        .addColumn('approver_must_differ', 'boolean', flag('approver_must_differ'))
        .addColumn('approvals', 'text', (c) => c.notNull()) // JSON [ApprovalMark]
        .addColumn('expires_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('approval_requests_contract')
        .on('approval_requests')
        .columns(['contract_id', 'state'])
        .execute();
      await db.schema
        .createIndex('approval_requests_due')
        .on('approval_requests')
        .columns(['state', 'expires_at'])
        .execute();
    },
  };
}
