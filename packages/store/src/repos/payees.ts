import type { AccountType, PayeeKind, PayeeRecord, Store } from '@kinko/core/ports';
import type { Insertable, Selectable } from 'kysely';
import type { PayeesTable } from '../schema.ts';
import { bool, type Executor, mapUnique } from './shared.ts';

/** Payees (M8): 事前登録 by the bank and the users' own lists. Removal keeps the row (audit, 受取人番号). */
export function payeesRepo(db: Executor): Store['payees'] {
  const select = () => db().selectFrom('payees').selectAll();
  return {
    async insert(p) {
      await mapUnique(db().insertInto('payees').values(toRow(p)).execute());
    },
    async get(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async listByContract(contractId) {
      const rows = await select()
        .where('contract_id', '=', contractId)
        .where('removed', '=', false)
        .orderBy('payee_number')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(fromRow);
    },
    async findRegistered(contractId, a) {
      const row = await select()
        .where('contract_id', '=', contractId)
        .where('kind', '=', 'registered')
        .where('removed', '=', false)
        .where('bank_code', '=', a.bankCode)
        .where('branch_code', '=', a.branchCode)
        .where('account_type', '=', a.accountType)
        .where('account_number', '=', a.accountNumber)
        .orderBy('payee_number')
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
    async countRegistered(contractId) {
      const row = await db()
        .selectFrom('payees')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('contract_id', '=', contractId)
        .where('kind', '=', 'registered')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async remove(id) {
      await db().updateTable('payees').set({ removed: true }).where('id', '=', id).execute();
    },
  };
}

function toRow(p: PayeeRecord): Insertable<PayeesTable> {
  return {
    id: p.id,
    contract_id: p.contractId,
    kind: p.kind,
    owner_user_id: p.ownerUserId,
    payee_number: p.payeeNumber,
    bank_code: p.bankCode,
    bank_name: p.bankName,
    branch_code: p.branchCode,
    branch_name: p.branchName,
    account_type: p.accountType,
    account_number: p.accountNumber,
    name: p.name,
    nickname: p.nickname,
    created_by: p.createdBy,
    created_at: p.createdAt,
    removed: p.removed,
  };
}

function fromRow(r: Selectable<PayeesTable>): PayeeRecord {
  return {
    id: r.id,
    contractId: r.contract_id,
    kind: r.kind as PayeeKind, // CHECK payees_kind
    ownerUserId: r.owner_user_id,
    payeeNumber: r.payee_number,
    bankCode: r.bank_code,
    bankName: r.bank_name,
    branchCode: r.branch_code,
    branchName: r.branch_name,
    accountType: r.account_type as AccountType, // CHECK payees_account_type
    accountNumber: r.account_number,
    name: r.name,
    nickname: r.nickname,
    createdBy: r.created_by,
    createdAt: r.created_at,
    removed: bool(r.removed),
  };
}
