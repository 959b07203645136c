/**
 * Transfers and payees (M2–M4, M6–M8) and the idempotency keys of create calls (M3). Amounts
 * are integer yen in bigint columns, as in 0002_ledger.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

export function transfers(kind: Kind): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('payees')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
        .addColumn('payee_number', 'text') // 受取人番号 (事前登録)
        .addColumn('bank_code', 'text', (c) => c.notNull())
        .addColumn('bank_name', 'text', (c) => c.notNull())
        .addColumn('branch_code', 'text', (c) => c.notNull())
        .addColumn('branch_name', 'text', (c) => c.notNull())
        .addColumn('account_type', 'text', (c) => c.notNull())
        .addColumn('account_number', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('nickname', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('removed', 'boolean', (c) => {
          // As in 0001: on SQLite, where a boolean is an integer, only 0 or 1.
          const base = c.notNull().defaultTo(false);
          return kind === 'sqlite' ? base.check(sql`removed in (0, 1)`) : base;
        })
        .addUniqueConstraint('payees_number_unique', ['contract_id', 'payee_number'])
        .addCheckConstraint('payees_kind', sql`kind in ('registered', 'saved')`)
        .addCheckConstraint(
          'payees_shape',
          sql`(kind = 'registered' and payee_number is not null and owner_user_id is null)
              or (kind = 'saved' and payee_number is null and owner_user_id is not null)`,
        )
        .addCheckConstraint('payees_account_type', sql`account_type in ('ordinary', 'current', 'savings')`)
        .execute();
      await db.schema.createIndex('payees_contract').on('payees').column('contract_id').execute();

      await db.schema
        .createTable('transfers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('from_account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('to_account_id', 'text', (c) => c.references('accounts.id'))
        .addColumn('payee_id', 'text', (c) => c.references('payees.id'))
        .addColumn('standing', 'text', (c) => c.notNull())
        .addColumn('bank_code', 'text', (c) => c.notNull())
        .addColumn('bank_name', 'text', (c) => c.notNull())
        .addColumn('branch_code', 'text', (c) => c.notNull())
        .addColumn('branch_name', 'text', (c) => c.notNull())
        .addColumn('account_type', 'text', (c) => c.notNull())
        .addColumn('account_number', 'text', (c) => c.notNull())
        .addColumn('payee_name', 'text', (c) => c.notNull())
        .addColumn('remitter_name', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('fee', 'bigint', (c) => c.notNull())
        .addColumn('value_date', 'text', (c) => c.notNull()) // 'YYYY-MM-DD', JST
        .addColumn('receipt_number', 'text') // 受付番号
        .addColumn('entry_id', 'text', (c) => c.references('journal_entries.id'))
        .addColumn('outbound', 'text')
        .addColumn('failure', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('confirmed_at', 'bigint')
        .addColumn('executed_at', 'bigint')
        .addColumn('cancelled_at', 'bigint')
        .addUniqueConstraint('transfers_receipt_unique', ['receipt_number'])
        .addCheckConstraint('transfers_kind', sql`kind in ('own', 'same_bank', 'other_bank')`)
        .addCheckConstraint(
          'transfers_status',
          sql`status in ('pending', 'scheduled', 'completed', 'cancelled', 'failed')`,
        )
        .addCheckConstraint(
          'transfers_standing',
          sql`standing in ('own_account', 'registered', 'paid_before', 'first_time')`,
        )
        // M1 backstop: integer yen, a real amount, the Zengin N(10) ceiling.
        .addCheckConstraint('transfers_amount', sql`amount >= 1 and amount <= 9999999999 and fee >= 0`)
        .addCheckConstraint('transfers_outbound', sql`outbound is null or outbound in ('queued', 'sent')`)
        .execute();
      await db.schema
        .createIndex('transfers_contract')
        .on('transfers')
        .columns(['contract_id', 'created_at'])
        .execute();
      // The job's query: scheduled transfers by value date.
      await db.schema
        .createIndex('transfers_due')
        .on('transfers')
        .columns(['status', 'value_date'])
        .execute();
      // M4 "paid before": a contract's transfers to one account.
      await db.schema
        .createIndex('transfers_payee_account')
        .on('transfers')
        .columns(['contract_id', 'account_number', 'bank_code', 'branch_code'])
        .execute();

      await db.schema
        .createTable('idempotency_keys')
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        // M3: one key, one first result, per contract.
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['contract_id', 'key'])
        .execute();
    },
  };
}
