import type { AccountView } from '../api.ts';
import type { CustomerAccountRecord, Store } from '../ports.ts';
import { zenginTypeCode } from './accounts.ts';
import { yen } from './yen.ts';

export type BranchNames = ReadonlyMap<string, string>;

export async function branchNames(store: Store): Promise<BranchNames> {
  return new Map((await store.branches.list()).map((b) => [b.code, b.name]));
}

export function toAccountView(a: CustomerAccountRecord, branches: BranchNames): AccountView {
  return {
    id: a.id,
    branchCode: a.branchCode,
    branchName: branches.get(a.branchCode) ?? a.branchCode,
    type: a.type,
    typeCode: zenginTypeCode[a.type],
    number: a.number,
    holderKana: a.holderKana,
    balance: a.balance,
    overdraftLimit: a.overdraftLimit,
    available: yen(a.balance + a.overdraftLimit),
    status: a.status,
  };
}
