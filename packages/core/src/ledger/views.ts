import type { AccountStatus, AccountType, CustomerAccountRecord, Store } from '../ports.ts';
import { zenginTypeCode } from './accounts.ts';
import { type Yen, yen } from './yen.ts';

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

/** An account as its holder sees it (残高照会, M9). Amounts are integer yen. */
export interface AccountView {
  id: string;
  branchCode: string;
  branchName: string;
  type: AccountType;
  /** Zengin 預金種目: 1 普通, 2 当座, 4 貯蓄. */
  typeCode: 1 | 2 | 4;
  number: string;
  holderKana: string;
  balance: Yen;
  overdraftLimit: Yen;
  /** What may be paid out now: balance + overdraft limit (支払可能残高). */
  available: Yen;
  status: AccountStatus;
}

/** An account as the back office sees it, with the contract it belongs to. */
export interface BankAccountView extends AccountView {
  contractNumber: string | null;
}
