/**
 * A5: the certificates the bank's CA issued (serial, holder, validity, state, revocation) and the
 * one-time 取得 codes (only their SHA-256). The CA's key is not here: it is given by configuration.
 */
import { type Kysely, type Migration, sql } from 'kysely';
import type { Kind } from '../schema.ts';

export function certificates(kind: Kind): Migration {
  const bytes = kind === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('certificates')
        .addColumn('serial', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('not_before', 'bigint', (c) => c.notNull())
        .addColumn('not_after', 'bigint', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('revocation_reason', 'text')
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('der', bytes, (c) => c.notNull())
        .addCheckConstraint('certificates_state', sql`state in ('active', 'revoked', 'superseded')`)
        .addCheckConstraint(
          'certificates_reason',
          sql`revocation_reason is null or revocation_reason in ('key_compromise', 'superseded', 'cessation_of_operation', 'unspecified')`,
        )
        // A revoked or superseded certificate says when and why; an active one says neither.
        .addCheckConstraint(
          'certificates_revoked',
          sql`(state = 'active') = (revoked_at is null) and (revoked_at is null) = (revocation_reason is null)`,
        )
        .addCheckConstraint('certificates_validity', sql`not_before < not_after`)
        .execute();
      // The administrator's and the bank's list of a contract's certificates, newest first.
      await db.schema
        .createIndex('certificates_contract')
        .on('certificates')
        .columns(['contract_id', 'issued_at'])
        .execute();
      // The CRL: what is no longer active and not yet expired.
      await db.schema
        .createIndex('certificates_revoked')
        .on('certificates')
        .columns(['state', 'not_after'])
        .execute();

      await db.schema
        .createTable('certificate_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('code_hash', 'text', (c) => c.notNull())
        .addColumn('issued_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('superseded_at', 'bigint')
        .addCheckConstraint('certificate_codes_hash', sql`length(code_hash) = 64`)
        .execute();
      await db.schema
        .createIndex('certificate_codes_user')
        .on('certificate_codes')
        .columns(['user_id', 'issued_at'])
        .execute();
    },
  };
}
