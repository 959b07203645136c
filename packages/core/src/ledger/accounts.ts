/** Accounts as the bank and Zengin name them (M1, M8, M9). */
import type { AccountRecord, AccountType, InternalAccountCode } from '../ports.ts';

export const accountTypes: readonly AccountType[] = ['ordinary', 'current', 'savings'];

/** Zengin 預金種目 codes, as in every Zengin record and on every transfer screen. */
export const zenginTypeCode: Readonly<Record<AccountType, 1 | 2 | 4>> = {
  ordinary: 1, // 普通
  current: 2, // 当座
  savings: 4, // 貯蓄
};

export const accountTypeLabel: Readonly<Record<AccountType, string>> = {
  ordinary: '普通',
  current: '当座',
  savings: '貯蓄',
};

export const internalAccountCodes: readonly InternalAccountCode[] = [
  'vault_cash',
  'zengin_outbound',
  'fee_income',
  'suspense',
];

/** The bank's own accounts, as 0002_ledger creates them (ids `internal:<code>`). */
export const internalAccountLabel: Readonly<Record<InternalAccountCode, string>> = {
  vault_cash: '現金（資金受払）',
  zengin_outbound: '全銀為替決済（仕向）',
  fee_income: '受入手数料',
  suspense: '仮勘定',
};

export function isAccountType(t: unknown): t is AccountType {
  return typeof t === 'string' && (accountTypes as readonly string[]).includes(t);
}

/** 店番: 3 digits. */
export function isBranchCode(s: unknown): s is string {
  return typeof s === 'string' && /^\d{3}$/.test(s);
}

/** 口座番号: 7 digits. */
export function isAccountNumber(s: unknown): s is string {
  return typeof s === 'string' && /^\d{7}$/.test(s);
}

/** How far the balance may fall: balance + overdraft, or null when the account has no limit. */
export function availableOf(a: AccountRecord): number | null {
  return a.overdraftLimit === null ? null : a.balance + a.overdraftLimit;
}

/** "001-普通-1234567" for audit subjects and messages; internal accounts by their code. */
export function accountLabel(a: AccountRecord): string {
  return a.internal === null
    ? `${a.branchCode}-${accountTypeLabel[a.type]}-${a.number}`
    : `internal:${a.internal}`;
}
