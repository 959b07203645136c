/**
 * A payee's account as the bank will show it (M8): bank and branch checked against the
 * directory, the name in Zengin characters, the account type and the 7-digit number. Used for
 * 事前登録 payees, the user's own list and payees typed at transfer entry alike, so the rules are
 * in this one place.
 */
import { KinkoError } from '../errors.ts';
import { isAccountNumber, isAccountType } from '../ledger/accounts.ts';
import type { AccountType } from '../ports.ts';
import { lookupBank, lookupBranch, normalizePayeeName, type OwnBankBranches } from '../zengin/index.ts';

/** What a person types (or an operator copies from the written form). */
export interface DestinationInput {
  bankCode: unknown;
  branchCode: unknown;
  accountType: unknown;
  accountNumber: unknown;
  name: unknown;
}

export interface Destination {
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountType;
  accountNumber: string;
  /** 受取人名 in half-width Zengin kana, as it goes into the Zengin record. */
  name: string;
}

/** M8: validates and normalises; throws a 'payee.*' KinkoError naming the first bad field. */
export function toDestination(input: DestinationInput, own: OwnBankBranches): Destination {
  const bank = lookupBank(input.bankCode);
  const branch = lookupBranch(input.bankCode, input.branchCode, own);
  if (!isAccountType(input.accountType)) {
    throw new KinkoError(
      'payee.account_type_invalid',
      'The account type is ordinary (普通), current (当座) or savings (貯蓄).',
    );
  }
  if (!isAccountNumber(input.accountNumber)) {
    const length = typeof input.accountNumber === 'string' ? [...input.accountNumber].length : undefined;
    throw new KinkoError(
      'payee.account_number_invalid',
      `An account number is 7 digits (e.g. 0123456)${length === undefined ? '' : `; ${length} characters were given`}.`,
      length === undefined ? undefined : { length },
    );
  }
  const name = normalizePayeeName(input.name as string);
  return {
    bankCode: bank.code,
    bankName: bank.name,
    branchCode: branch.code,
    branchName: branch.name,
    accountType: input.accountType,
    accountNumber: input.accountNumber,
    name,
  };
}
