/**
 * The first schema: every record of core's ports.ts. Written once with Kysely's schema builder
 * so both databases get the same tables; the few spellings that differ are in `col` below.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

const ZERO_HASH = '0'.repeat(64);

export function foundation(kind: Kind): Migration {
  const col = columnSpellings(kind);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('branches')
        .addColumn('code', 'text', (c) => c.primaryKey()) // 店番
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();

      let contracts = db.schema
        .createTable('contracts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_number', 'text', (c) => c.notNull()) // ご契約先ID
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('branch_code', 'text', (c) => c.notNull().references('branches.code'))
        .addColumn('login_method', 'text', (c) => c.notNull())
        .addColumn('usage_mode', 'text', (c) => c.notNull())
        .addColumn('shared_token_id', 'text')
        .addColumn('contract_pin_hash', 'text', (c) => c.notNull())
        .addColumn('contract_pin_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('contract_pin_locked', 'boolean', col.bool('contract_pin_locked'))
        .addColumn('stopped', 'boolean', col.bool('stopped'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('contracts_number_unique', ['contract_number'])
        .addCheckConstraint('contracts_login_method', sql`login_method in ('id_password', 'certificate')`)
        .addCheckConstraint('contracts_usage_mode', sql`usage_mode in ('individual', 'shared')`);
      // contracts and tokens refer to each other. SQLite accepts a reference to a table that does
      // not exist yet (it checks on writes) but cannot add a constraint later; PostgreSQL is the
      // other way round.
      if (kind === 'sqlite')
        contracts = contracts.addForeignKeyConstraint(SHARED_TOKEN_FK, ['shared_token_id'], 'tokens', ['id']);
      await contracts.execute();

      await db.schema
        .createTable('tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('serial', 'text', (c) => c.notNull())
        .addColumn('seed_ciphertext', col.bytes, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_step', 'bigint', (c) => c.notNull())
        .addColumn('drift', 'integer', (c) => c.notNull())
        .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('registered_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addUniqueConstraint('tokens_serial_unique', ['serial'])
        .addCheckConstraint('tokens_status', sql`status in ('activated', 'registered', 'revoked', 'expired')`)
        .execute();
      if (kind === 'postgres') {
        await db.schema
          .alterTable('contracts')
          .addForeignKeyConstraint(SHARED_TOKEN_FK, ['shared_token_id'], 'tokens', ['id'])
          .execute();
      }
      await db.schema
        .createIndex('tokens_contract')
        .on('tokens')
        .columns(['contract_id', 'created_at'])
        .execute();
      // expireUnregistered (T5) scans activated tokens by expiry.
      await db.schema.createIndex('tokens_expiry').on('tokens').columns(['status', 'expires_at']).execute();

      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('login_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('login_locked', 'boolean', col.bool('login_locked'))
        .addColumn('otp_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('confirm_pin_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('suspended', 'boolean', col.bool('suspended'))
        .addColumn('confirm_pin_hash', 'text')
        .addColumn('card_ciphertext', col.bytes)
        .addColumn('token_id', 'text', (c) => c.references('tokens.id'))
        .addColumn('card_challenge', 'text')
        .addColumn('removed', 'boolean', col.bool('removed'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        // Also serves listByContract and countByContract (leading contract_id).
        .addUniqueConstraint('users_login_unique', ['contract_id', 'login_id'])
        .addCheckConstraint('users_role', sql`role in ('admin', 'user')`)
        .execute();
      await db.schema.createIndex('users_token').on('users').column('token_id').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the cookie value
        .addColumn('realm', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull()) // a user or an operator: no FK
        .addColumn('contract_id', 'text', (c) => c.references('contracts.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addCheckConstraint('sessions_realm', sql`realm in ('customer', 'bank')`)
        .execute();
      await db.schema.createIndex('sessions_subject').on('sessions').column('subject_id').execute();

      await db.schema
        .createTable('operators')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('login_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('password_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked', 'boolean', col.bool('locked'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('operators_login_unique', ['login_id'])
        .execute();

      // Append-only and self-contained (L1): no foreign keys, so no later change elsewhere can
      // block or alter a record; the hash chain detects tampering.
      await db.schema
        .createTable('audit_log')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('actor_type', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('contract_id', 'text')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject', 'text')
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addCheckConstraint(
          'audit_actor_type',
          sql`actor_type in ('user', 'operator', 'system', 'anonymous')`,
        )
        .addCheckConstraint('audit_outcome', sql`outcome in ('success', 'failure')`)
        .execute();
      await db.schema
        .createIndex('audit_log_contract')
        .on('audit_log')
        .columns(['contract_id', 'seq'])
        .execute();

      // The chain head is one row that writers lock (FOR UPDATE) to append in turn.
      await db.schema
        .createTable('audit_head')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addCheckConstraint('audit_head_single_row', sql`id = 1`)
        .execute();
      await sql`insert into audit_head (id, seq, hash) values (1, 0, ${ZERO_HASH})`.execute(db);
    },
  };
}

const SHARED_TOKEN_FK = 'contracts_shared_token_fk';

function columnSpellings(kind: Kind) {
  return {
    bytes: kind === 'postgres' ? ('bytea' as const) : ('blob' as const),
    /** NOT NULL DEFAULT false; on SQLite, where a boolean is an integer, also only 0 or 1. */
    bool(name: string) {
      return (c: ColumnDefinitionBuilder) => {
        const base = c.notNull().defaultTo(false);
        return kind === 'sqlite' ? base.check(sql`${sql.ref(name)} in (0, 1)`) : base;
      };
    },
  };
}
