import type {
  AccountRecord,
  AccountStatus,
  AccountType,
  CustomerAccountRecord,
  InternalAccountCode,
  Store,
} from '@kinko/core/ports';
import type { Insertable, Selectable } from 'kysely';
import type { AccountsTable, Kind } from '../schema.ts';
import { prepared } from './prepared.ts';
import { asYen, type Executor, mapUnique } from './shared.ts';

const byId = prepared((db, id: string) => db.selectFrom('accounts').selectAll().where('id', '=', id));
/**
 * FOR NO KEY UPDATE, not FOR UPDATE: a posting changes balances, never keys, and this lock mode
 * does not conflict with the KEY SHARE lock that PostgreSQL's foreign-key check takes on a row
 * referenced by an insert (a transfer, a posting). With FOR UPDATE, a transfer's INSERT holding
 * KEY SHARE on its from-account and waiting for its to-account deadlocked against a posting that
 * locked the same two accounts in id order (hardening defect 4). CockroachDB accepts the clause.
 */
const lockById = prepared((db, id: string) =>
  db.selectFrom('accounts').selectAll().where('id', '=', id).forNoKeyUpdate(),
);
const byInternal = prepared((db, code: string) =>
  db.selectFrom('accounts').selectAll().where('internal_code', '=', code),
);
const advance = prepared((db, id: string, fromSeq: number, balance: number, lastSeq: number) =>
  db
    .updateTable('accounts')
    .set({ balance, last_seq: lastSeq })
    .where('id', '=', id)
    .where('last_seq', '=', fromSeq),
);

/** Accounts of the ledger (M1). Balances change only through lock → advance in one transaction. */
export function accountsRepo(db: Executor, kind: Kind, inTransaction: boolean): Store['accounts'] {
  const select = () => db().selectFrom('accounts').selectAll();
  const requireTransaction = (method: string) => {
    if (!inTransaction) throw new Error(`store: accounts.${method} must be called inside transaction`);
  };
  return {
    async insert(a) {
      if (a.balance !== 0 || a.lastSeq !== 0) throw new Error('store: an account opens at balance 0, seq 0');
      // The number is checked free before, but two openings at once may pick the same one: the
      // loser inserts nothing (PostgreSQL waits for the winner's commit to decide) and says so.
      const result = await mapUnique(
        db()
          .insertInto('accounts')
          .values(toRow(a))
          .onConflict((oc) => oc.columns(['branch_code', 'number']).doNothing())
          .executeTakeFirst(),
      );
      return result.numInsertedOrUpdatedRows === 1n;
    },
    async get(id) {
      const row = (await byId(db, id)).rows[0];
      return row ? fromRow(row) : null;
    },
    async getByNumber(branchCode, number) {
      const row = await select()
        .where('branch_code', '=', branchCode)
        .where('number', '=', number)
        .executeTakeFirst();
      return row ? customer(fromRow(row)) : null;
    },
    async getInternal(code) {
      const row = (await byInternal(db, code)).rows[0];
      const account = row ? fromRow(row) : null;
      if (account?.internal !== code) throw new Error(`store: the bank's ${code} account is missing`);
      return account;
    },
    async listByContract(contractId) {
      const rows = await select()
        .where('contract_id', '=', contractId)
        .orderBy('branch_code')
        .orderBy('number')
        .execute();
      return rows.map((r) => customer(fromRow(r)));
    },
    async list({ afterId, limit }) {
      let query = select();
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      const rows = await query.orderBy('id').limit(limit).execute();
      return rows.map(fromRow);
    },
    async lock(ids) {
      requireTransaction('lock');
      // One row at a time in ascending id order (JS string order, the same in every process):
      // two transactions touching the same accounts queue on the first one instead of each
      // holding one and waiting for the other. A single `IN (…) ORDER BY id FOR UPDATE` would
      // lock in the database collation's order, which need not be this one.
      const locked: AccountRecord[] = [];
      for (const id of [...new Set(ids)].sort()) {
        // SQLite: BEGIN IMMEDIATE already made this transaction the only writer; no FOR UPDATE.
        const row = (await (kind === 'postgres' ? lockById : byId)(db, id)).rows[0];
        if (row) locked.push(fromRow(row));
      }
      return locked;
    },
    async advance(id, fromSeq, to) {
      requireTransaction('advance');
      if (to.lastSeq <= fromSeq) throw new Error(`store: account ${id} must advance past seq ${fromSeq}`);
      const moved = await advance(db, id, fromSeq, to.balance, to.lastSeq);
      if (moved.numAffectedRows !== 1n) {
        throw new Error(`store: account ${id} is no longer at seq ${fromSeq} (was it locked?)`);
      }
    },
  };
}

function customer(a: AccountRecord): CustomerAccountRecord {
  if (a.internal !== null) throw new Error(`store: ${a.id} is an internal account`);
  return a;
}

function toRow(a: CustomerAccountRecord): Insertable<AccountsTable> {
  return {
    id: a.id,
    internal_code: null,
    branch_code: a.branchCode,
    type: a.type,
    number: a.number,
    holder_kana: a.holderKana,
    contract_id: a.contractId,
    overdraft_limit: a.overdraftLimit,
    balance: a.balance,
    last_seq: a.lastSeq,
    status: a.status,
    created_at: a.createdAt,
  };
}

function fromRow(r: Selectable<AccountsTable>): AccountRecord {
  const base = {
    id: r.id,
    holderKana: r.holder_kana,
    balance: asYen(r.balance),
    lastSeq: r.last_seq,
    status: r.status as AccountStatus, // CHECK accounts_status
    createdAt: r.created_at,
  };
  // CHECK accounts_shape: either all of branch, type, number and limit, or an internal code.
  if (r.internal_code !== null) {
    return {
      ...base,
      internal: r.internal_code as InternalAccountCode,
      branchCode: null,
      type: null,
      number: null,
      contractId: null,
      overdraftLimit: r.overdraft_limit === null ? null : asYen(r.overdraft_limit),
    };
  }
  if (r.branch_code === null || r.type === null || r.number === null || r.overdraft_limit === null) {
    throw new Error(`store: account ${r.id} has neither a branch, type and number nor an internal code`);
  }
  return {
    ...base,
    internal: null,
    branchCode: r.branch_code,
    type: r.type as AccountType, // CHECK accounts_type
    number: r.number,
    contractId: r.contract_id,
    overdraftLimit: asYen(r.overdraft_limit),
  };
}
