import type { ContractRecord, LoginMethod, Store, UsageMode } from '@kinko/core/ports';
import type { Insertable, Selectable } from 'kysely';
import type { ContractsTable } from '../schema.ts';
import { prepared } from './prepared.ts';
import { bool, type Executor, mapUnique, patchColumns, recordFailure } from './shared.ts';

type ContractPatch = Parameters<Store['contracts']['update']>[1];

const patchMap = {
  usageMode: 'usage_mode',
  sharedTokenId: 'shared_token_id',
  contractPinHash: 'contract_pin_hash',
  contractPinFailures: 'contract_pin_failures',
  contractPinLocked: 'contract_pin_locked',
  stopped: 'stopped',
  name: 'name',
} as const satisfies Record<keyof ContractPatch, keyof ContractsTable>;

const byId = prepared((db, id: string) => db.selectFrom('contracts').selectAll().where('id', '=', id));
const byNumber = prepared((db, contractNumber: string) =>
  db.selectFrom('contracts').selectAll().where('contract_number', '=', contractNumber),
);

export function contractsRepo(db: Executor): Store['contracts'] {
  const select = () => db().selectFrom('contracts').selectAll();
  return {
    async insert(c) {
      await mapUnique(db().insertInto('contracts').values(toRow(c)).execute());
    },
    async get(id) {
      const row = (await byId(db, id)).rows[0];
      return row ? fromRow(row) : null;
    },
    async getByNumber(contractNumber) {
      const row = (await byNumber(db, contractNumber)).rows[0];
      return row ? fromRow(row) : null;
    },
    async list() {
      const rows = await select().orderBy('contract_number').execute();
      return rows.map(fromRow);
    },
    async update(id, patch) {
      const set = patchColumns<ContractPatch, ContractsTable>(patch, patchMap);
      if (Object.keys(set).length === 0) return;
      await mapUnique(db().updateTable('contracts').set(set).where('id', '=', id).execute());
    },
    recordPinFailure(id, max) {
      return recordFailure(db(), 'contracts', 'contract_pin_failures', 'contract_pin_locked', id, max);
    },
  };
}

function toRow(c: ContractRecord): Insertable<ContractsTable> {
  return {
    id: c.id,
    contract_number: c.contractNumber,
    name: c.name,
    branch_code: c.branchCode,
    login_method: c.loginMethod,
    usage_mode: c.usageMode,
    shared_token_id: c.sharedTokenId,
    contract_pin_hash: c.contractPinHash,
    contract_pin_failures: c.contractPinFailures,
    contract_pin_locked: c.contractPinLocked,
    stopped: c.stopped,
    created_at: c.createdAt,
  };
}

function fromRow(r: Selectable<ContractsTable>): ContractRecord {
  return {
    id: r.id,
    contractNumber: r.contract_number,
    name: r.name,
    branchCode: r.branch_code,
    // The CHECK constraints of 0001_foundation keep these within their unions.
    loginMethod: r.login_method as LoginMethod,
    usageMode: r.usage_mode as UsageMode,
    sharedTokenId: r.shared_token_id,
    contractPinHash: r.contract_pin_hash,
    contractPinFailures: r.contract_pin_failures,
    contractPinLocked: bool(r.contract_pin_locked),
    stopped: bool(r.stopped),
    createdAt: r.created_at,
  };
}
