/**
 * T2: a reused OTP is shown to the token's holder and the contract's administrator until each
 * of them acknowledges it. The alert is written in the transaction that audits the replay, with
 * one row per recipient; a home page reads the user's open rows through the (user_id,
 * acknowledged_at) index instead of scanning the contract's audit chain on every request.
 */
import type { Kysely, Migration } from 'kysely';

export function otpAlerts(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('otp_alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
        .addColumn('serial', 'text', (c) => c.notNull())
        // The user whose request carried the reused code.
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        .addColumn('operation', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('otp_alert_recipients')
        .addColumn('alert_id', 'text', (c) => c.notNull().references('otp_alerts.id'))
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
        // Null until this recipient acknowledges; each recipient acknowledges for themselves.
        .addColumn('acknowledged_at', 'bigint')
        .addPrimaryKeyConstraint('otp_alert_recipients_pk', ['alert_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('otp_alert_recipients_open')
        .on('otp_alert_recipients')
        .columns(['user_id', 'acknowledged_at'])
        .execute();
    },
  };
}
