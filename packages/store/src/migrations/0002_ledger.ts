/**
 * The ledger (M1): accounts, journal entries and their postings, and the bank's own accounts.
 * Integer yen in bigint columns (int8 on PostgreSQL, INTEGER on SQLite). The CHECKs are a
 * backstop under core's post(): even a writer that bypassed it could not post a zero line or
 * take a limited account below its overdraft.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

/**
 * The bank's own accounts (core's InternalAccountCode), created here so that they exist before
 * the first posting on every database. Fixed ids; these rows are part of this migration and
 * never change: a later account comes with a later migration. Overdraft null = no limit:
 * vault_cash carries the other side of every deposit, suspense may hold either side.
 */
const internalAccounts = [
  { code: 'vault_cash', name: 'ｹﾞﾝｷﾝ', overdraft: null },
  { code: 'zengin_outbound', name: 'ｾﾞﾝｷﾞﾝ ｼﾑｹ', overdraft: 0 },
  { code: 'fee_income', name: 'ｳｹｲﾚﾃｽｳﾘﾖｳ', overdraft: 0 },
  { code: 'suspense', name: 'ｶﾘｶﾝｼﾞﾖｳ', overdraft: null },
] as const;

/** Before any real time: the rows exist from the start of the ledger. */
const CREATED_AT = 0;

export function ledger(_kind: Kind): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('internal_code', 'text')
        .addColumn('branch_code', 'text', (c) => c.references('branches.code')) // 店番
        .addColumn('type', 'text') // 預金種目
        .addColumn('number', 'text') // 口座番号
        .addColumn('holder_kana', 'text', (c) => c.notNull()) // 口座名義
        .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
        .addColumn('overdraft_limit', 'bigint')
        .addColumn('balance', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        // NULLs are distinct in both databases, so internal accounts (no branch, no number) pass.
        .addUniqueConstraint('accounts_number_unique', ['branch_code', 'number'])
        .addUniqueConstraint('accounts_internal_unique', ['internal_code'])
        .addCheckConstraint(
          'accounts_shape',
          sql`(internal_code is null and branch_code is not null and type is not null
                 and number is not null and overdraft_limit is not null)
              or (internal_code is not null and branch_code is null and type is null
                 and number is null and contract_id is null)`,
        )
        .addCheckConstraint('accounts_type', sql`type in ('ordinary', 'current', 'savings')`)
        .addCheckConstraint('accounts_number', sql`length(number) = 7`)
        .addCheckConstraint('accounts_status', sql`status in ('active', 'frozen', 'closed')`)
        .addCheckConstraint('accounts_overdraft', sql`overdraft_limit is null or overdraft_limit >= 0`)
        // M1: never below -overdraft, whatever wrote the row.
        .addCheckConstraint('accounts_floor', sql`overdraft_limit is null or balance >= -overdraft_limit`)
        .addCheckConstraint('accounts_last_seq', sql`last_seq >= 0`)
        .execute();
      await db.schema.createIndex('accounts_contract').on('accounts').column('contract_id').execute();

      await db.schema
        .createTable('journal_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('memo', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .execute();

      await db.schema
        .createTable('postings')
        .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id'))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('balance_after', 'bigint', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('memo', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('postings_pk', ['account_id', 'seq'])
        .addCheckConstraint('postings_amount', sql`amount <> 0`)
        .addCheckConstraint('postings_seq', sql`seq >= 1`)
        .execute();
      await db.schema.createIndex('postings_entry').on('postings').column('entry_id').execute();
      // Statements: an account's postings by time (M9).
      await db.schema
        .createIndex('postings_account_at')
        .on('postings')
        .columns(['account_id', 'at'])
        .execute();

      for (const a of internalAccounts) {
        await sql`insert into accounts
            (id, internal_code, holder_kana, overdraft_limit, balance, last_seq, status, created_at)
          values (${`internal:${a.code}`}, ${a.code}, ${a.name}, ${a.overdraft}, 0, 0, 'active', ${CREATED_AT})`.execute(
          db,
        );
      }
    },
  };
}
