import type { OtpAlertRecord, Store } from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { OtpAlertsTable } from '../schema.ts';
import { type Executor, mapUnique } from './shared.ts';

/** T2: reused-OTP alerts and their recipients (migration 0008). */
export function otpAlertsRepo(db: Executor): Store['otpAlerts'] {
  return {
    async insert(a, recipientIds) {
      await mapUnique(
        db()
          .insertInto('otp_alerts')
          .values({
            id: a.id,
            contract_id: a.contractId,
            serial: a.serial,
            user_id: a.userId,
            operation: a.operation,
            at: a.at,
          })
          .execute(),
      );
      const ids = [...new Set(recipientIds)];
      if (ids.length === 0) return;
      await db()
        .insertInto('otp_alert_recipients')
        .values(ids.map((userId) => ({ alert_id: a.id, user_id: userId, acknowledged_at: null })))
        .execute();
    },
    async listOpen(userId, limit) {
      const rows = await db()
        .selectFrom('otp_alert_recipients as r')
        .innerJoin('otp_alerts as a', 'a.id', 'r.alert_id')
        .selectAll('a')
        .where('r.user_id', '=', userId)
        .where('r.acknowledged_at', 'is', null)
        .orderBy('a.at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    async getForRecipient(alertId, userId) {
      const row = await db()
        .selectFrom('otp_alert_recipients as r')
        .innerJoin('otp_alerts as a', 'a.id', 'r.alert_id')
        .selectAll('a')
        .select('r.acknowledged_at')
        .where('r.alert_id', '=', alertId)
        .where('r.user_id', '=', userId)
        .executeTakeFirst();
      if (!row) return null;
      const { acknowledged_at, ...alert } = row;
      return { alert: fromRow(alert), acknowledgedAt: acknowledged_at };
    },
    async acknowledge(alertId, userId, at) {
      const result = await db()
        .updateTable('otp_alert_recipients')
        .set({ acknowledged_at: at })
        .where('alert_id', '=', alertId)
        .where('user_id', '=', userId)
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

function fromRow(r: Selectable<OtpAlertsTable>): OtpAlertRecord {
  return {
    id: r.id,
    contractId: r.contract_id,
    serial: r.serial,
    userId: r.user_id,
    operation: r.operation,
    at: r.at,
  };
}
