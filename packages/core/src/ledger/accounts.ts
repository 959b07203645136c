/** Accounts as the bank and Zengin name them (M1, M8, M9). */
import type { AccountRecord, AccountType, InternalAccountCode } from '../ports.ts';

const accountTypes: readonly AccountType[] = ['ordinary', 'current', 'savings'];

/** Zengin 預金種目 codes, as in every Zengin record and on every transfer screen. */
export const zenginTypeCode: Readonly<Record<AccountType, 1 | 2 | 4>> = {
  ordinary: 1, // 普通
  current: 2, // 当座
  savings: 4, // 貯蓄
};

const accountTypeLabel: Readonly<Record<AccountType, string>> = {
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

/** "001-普通-1234567" for audit subjects and messages; internal accounts by their code. */
export function accountLabel(a: AccountRecord): string {
  return a.internal === null
    ? `${a.branchCode}-${accountTypeLabel[a.type]}-${a.number}`
    : `internal:${a.internal}`;
}
