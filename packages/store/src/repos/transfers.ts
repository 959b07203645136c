import type {
  AccountType,
  PayeeStandingRecord,
  Store,
  TransferKind,
  TransferRecord,
  TransferStatus,
} from '@kinko/core/ports';
import type { Insertable, Selectable } from 'kysely';
import type { TransfersTable } from '../schema.ts';
import { insertRows, prepared } from './prepared.ts';
import { asYen, type Executor, mapUnique, patchColumns } from './shared.ts';

type Transition = Parameters<Store['transfers']['transition']>[2];

const transitionMap = {
  status: 'status',
  receiptNumber: 'receipt_number',
  confirmedAt: 'confirmed_at',
  executedAt: 'executed_at',
  cancelledAt: 'cancelled_at',
  failure: 'failure',
  outbound: 'outbound',
} as const satisfies Record<keyof Transition, keyof TransfersTable>;

/** Transfers (M2–M4, M6). Status changes only by `transition`, the conditional UPDATE. */
const byId = prepared((db, id: string) => db.selectFrom('transfers').selectAll().where('id', '=', id));

export function transfersRepo(db: Executor): Store['transfers'] {
  const select = () => db().selectFrom('transfers').selectAll();
  return {
    async insert(t) {
      await mapUnique(insertRows(db, 'transfers', [toRow(t)]));
    },
    async get(id) {
      const row = (await byId(db, id)).rows[0];
      return row ? fromRow(row) : null;
    },
    async transition(id, from, to) {
      // The claim: of any number of concurrent callers in any number of processes, one finds
      // the status still `from` under the row's write lock; PostgreSQL re-checks the WHERE on
      // the row the winner committed, so the others match nothing.
      const set = patchColumns<Transition, TransfersTable>(to, transitionMap);
      const moved = await mapUnique(
        db()
          .updateTable('transfers')
          .set(set)
          .where('id', '=', id)
          .where('status', '=', from)
          .returning('id')
          .execute(),
      );
      return moved.length === 1;
    },
    async update(id, patch) {
      const set = patchColumns<typeof patch, TransfersTable>(patch, {
        entryId: 'entry_id',
        outbound: 'outbound',
      });
      if (Object.keys(set).length === 0) return;
      await db().updateTable('transfers').set(set).where('id', '=', id).execute();
    },
    async listByContract(contractId, { statuses, limit }) {
      let q = select().where('contract_id', '=', contractId);
      if (statuses && statuses.length > 0) q = q.where('status', 'in', statuses);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(fromRow);
    },
    async listByUser(contractId, userId, { status, before, limit }) {
      let q = select().where('user_id', '=', userId).where('contract_id', '=', contractId);
      if (status !== undefined) q = q.where('status', '=', status);
      // The keyset: rows strictly after the page before in (created_at, id) descending order. A
      // row value, so that both databases turn it into a range on the index (0007_transfer_lists).
      if (before !== undefined) {
        q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(before.createdAt, before.id)));
      }
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(fromRow);
    },
    async listDue(date, limit) {
      const rows = await select()
        .where('status', '=', 'scheduled')
        .where('value_date', '<=', date)
        .orderBy('value_date')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
    async paidBefore(contractId, a) {
      const row = await db()
        .selectFrom('transfers')
        .select('id')
        .where('contract_id', '=', contractId)
        .where('status', '=', 'completed')
        .where('bank_code', '=', a.bankCode)
        .where('branch_code', '=', a.branchCode)
        .where('account_type', '=', a.accountType)
        .where('account_number', '=', a.accountNumber)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
    async listOutbound(valueDate) {
      const rows = await select()
        .where('kind', '=', 'other_bank')
        .where('status', '=', 'completed')
        .where('value_date', '=', valueDate)
        .orderBy('executed_at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
  };
}

function toRow(t: TransferRecord): Insertable<TransfersTable> {
  return {
    id: t.id,
    contract_id: t.contractId,
    user_id: t.userId,
    kind: t.kind,
    status: t.status,
    from_account_id: t.fromAccountId,
    to_account_id: t.toAccountId,
    payee_id: t.payeeId,
    standing: t.standing,
    bank_code: t.bankCode,
    bank_name: t.bankName,
    branch_code: t.branchCode,
    branch_name: t.branchName,
    account_type: t.accountType,
    account_number: t.accountNumber,
    payee_name: t.payeeName,
    remitter_name: t.remitterName,
    amount: t.amount,
    fee: t.fee,
    value_date: t.valueDate,
    receipt_number: t.receiptNumber,
    entry_id: t.entryId,
    outbound: t.outbound,
    failure: t.failure,
    created_at: t.createdAt,
    confirmed_at: t.confirmedAt,
    executed_at: t.executedAt,
    cancelled_at: t.cancelledAt,
  };
}

function fromRow(r: Selectable<TransfersTable>): TransferRecord {
  return {
    id: r.id,
    contractId: r.contract_id,
    userId: r.user_id,
    kind: r.kind as TransferKind, // CHECK transfers_kind
    status: r.status as TransferStatus, // CHECK transfers_status
    fromAccountId: r.from_account_id,
    toAccountId: r.to_account_id,
    payeeId: r.payee_id,
    standing: r.standing as PayeeStandingRecord, // CHECK transfers_standing
    bankCode: r.bank_code,
    bankName: r.bank_name,
    branchCode: r.branch_code,
    branchName: r.branch_name,
    accountType: r.account_type as AccountType,
    accountNumber: r.account_number,
    payeeName: r.payee_name,
    remitterName: r.remitter_name,
    amount: asYen(r.amount),
    fee: asYen(r.fee),
    valueDate: r.value_date,
    receiptNumber: r.receipt_number,
    entryId: r.entry_id,
    outbound: r.outbound as TransferRecord['outbound'], // CHECK transfers_outbound
    failure: r.failure,
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    executedAt: r.executed_at,
    cancelledAt: r.cancelled_at,
  };
}
