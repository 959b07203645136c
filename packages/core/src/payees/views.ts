import type { AccountType, PayeeRecord } from '../ports.ts';
/** The payees as the customer and the bank see them (M8). */

/** A payee's account as typed or copied from the written form (M8). */
export interface PayeeAccountInput {
  bankCode: string;
  branchCode: string;
  accountType: AccountType;
  accountNumber: string;
  name: string;
}

/** A payee as the customer sees it: the stored record less ownership and bookkeeping. */
export type PayeeView = Pick<
  PayeeRecord,
  | 'id'
  | 'kind'
  | 'payeeNumber'
  | 'bankCode'
  | 'bankName'
  | 'branchCode'
  | 'branchName'
  | 'accountType'
  | 'accountNumber'
  | 'name'
  | 'nickname'
>;

/** 最近10回: an account this contract sent money to recently. */
export interface RecentPayeeView
  extends Pick<
    PayeeRecord,
    'bankCode' | 'bankName' | 'branchCode' | 'branchName' | 'accountType' | 'accountNumber' | 'name'
  > {
  lastValueDate: string;
}

export interface PayeeList {
  registered: PayeeView[];
  saved: PayeeView[];
  recent: RecentPayeeView[];
}

export function toPayeeView(p: PayeeRecord): PayeeView {
  return {
    id: p.id,
    kind: p.kind,
    payeeNumber: p.payeeNumber,
    bankCode: p.bankCode,
    bankName: p.bankName,
    branchCode: p.branchCode,
    branchName: p.branchName,
    accountType: p.accountType,
    accountNumber: p.accountNumber,
    name: p.name,
    nickname: p.nickname,
  };
}

/** Where the money goes, as entered (M3 step 1). */
export type TransferDestinationInput =
  | { kind: 'own'; accountId: string }
  | { kind: 'payee'; payeeId: string }
  | ({ kind: 'typed' } & PayeeAccountInput);
