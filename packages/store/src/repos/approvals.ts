/** M5a: the contract's approval setting and its approval requests. */

import type { ApprovalModeRecord, ApprovalRequestRecord, Store } from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { ApprovalRequestsTable } from '../schema.ts';
import { prepared } from './prepared.ts';
import { bool, type Executor } from './shared.ts';

function toRequest(r: Selectable<ApprovalRequestsTable>): ApprovalRequestRecord {
  return {
    id: r.id,
    transferId: r.transfer_id,
    contractId: r.contract_id,
    requesterId: r.requester_id,
    state: r.state,
    mode: r.mode as ApprovalModeRecord,
    approverMustDiffer: bool(r.approver_must_differ),
    approvals: JSON.parse(r.approvals) as ApprovalRequestRecord['approvals'],
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

const AWAITING = ['pending_approval', 'first_approved'];

const settingsOf = prepared((db, contractId: string) =>
  db
    .selectFrom('approval_settings')
    .select(['mode', 'approver_must_differ'])
    .where('contract_id', '=', contractId),
);
const byTransfer = prepared((db, transferId: string) =>
  db.selectFrom('approval_requests').selectAll().where('transfer_id', '=', transferId),
);

export function approvalsRepo(db: Executor): Store['approvals'] {
  return {
    async getSettings(contractId) {
      const row = (await settingsOf(db, contractId)).rows[0];
      return row
        ? { mode: row.mode as ApprovalModeRecord, approverMustDiffer: bool(row.approver_must_differ) }
        : null;
    },
    async putSettings(contractId, s, at) {
      const values = { mode: s.mode, approver_must_differ: s.approverMustDiffer, updated_at: at };
      await db()
        .insertInto('approval_settings')
        .values({ contract_id: contractId, ...values })
        .onConflict((oc) => oc.column('contract_id').doUpdateSet(values))
        .execute();
    },
    async insert(r) {
      await db()
        .insertInto('approval_requests')
        .values({
          id: r.id,
          transfer_id: r.transferId,
          contract_id: r.contractId,
          requester_id: r.requesterId,
          state: r.state,
          mode: r.mode,
          approver_must_differ: r.approverMustDiffer,
          approvals: JSON.stringify(r.approvals),
          expires_at: r.expiresAt,
          created_at: r.createdAt,
          updated_at: r.updatedAt,
        })
        .execute();
    },
    async get(id) {
      const row = await db()
        .selectFrom('approval_requests')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toRequest(row) : null;
    },
    async getByTransfer(transferId) {
      const row = (await byTransfer(db, transferId)).rows[0];
      return row ? toRequest(row) : null;
    },
    async transition(id, from, to) {
      const result = await db()
        .updateTable('approval_requests')
        .set({ state: to.state, approvals: JSON.stringify(to.approvals), updated_at: to.updatedAt })
        .where('id', '=', id)
        .where('state', '=', from.state)
        // The approvals given so far as read: a concurrent first approval (which may leave the
        // state as it was, double_unordered) changes them, so only one of two claims wins.
        .where('approvals', '=', JSON.stringify(from.approvals))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listByContract(contractId, opts) {
      let q = db().selectFrom('approval_requests').selectAll().where('contract_id', '=', contractId);
      if (opts.states) q = q.where('state', 'in', opts.states);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
      return rows.map(toRequest);
    },
    async listDue(now, limit) {
      const rows = await db()
        .selectFrom('approval_requests')
        .selectAll()
        .where('state', 'in', AWAITING)
        .where('expires_at', '<=', now)
        .orderBy('expires_at')
        .limit(limit)
        .execute();
      return rows.map(toRequest);
    },
  };
}
