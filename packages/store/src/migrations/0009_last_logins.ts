/**
 * 前回ログイン日時: the home page of both realms shows the previous successful login, so that a
 * customer or operator notices a login that was not theirs. One row per (realm, subject),
 * updated by the login's own transaction, so the home page reads one row instead of the audit log.
 */
import { type Kysely, type Migration, sql } from 'kysely';

export function lastLogins(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('last_logins')
        .addColumn('realm', 'text', (c) => c.notNull())
        // A user id (realm customer) or an operator id (realm bank).
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('last_at', 'bigint', (c) => c.notNull())
        .addColumn('previous_at', 'bigint')
        .addPrimaryKeyConstraint('last_logins_pk', ['realm', 'subject_id'])
        .addCheckConstraint('last_logins_realm', sql`realm in ('customer', 'bank')`)
        .execute();
    },
  };
}
