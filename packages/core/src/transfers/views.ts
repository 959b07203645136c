/**
 * What the transfer and payee use cases answer: the payee as the bank will show it (M8), the
 * amounts in integer yen (M1), never an internal id of another contract.
 */

import type { ApprovalState } from '../approvals/index.ts';
import { jstDate } from '../calendar/index.ts';
import type { TransferDestinationInput } from '../payees/index.ts';
import type {
  AccountType,
  PayeeStandingRecord,
  TransferKind,
  TransferRecord,
  TransferStatus,
} from '../ports.ts';
import type { CardPosition } from '../tokens/proof.ts';

export interface TransferInput {
  fromAccountId: string;
  to: TransferDestinationInput;
  /** Integer yen, as a number or a digit string. */
  amount: number | string;
  /** 振込指定日 'YYYY-MM-DD'. */
  valueDate: string;
}

/** A transfer in the user's list, with where its approval stands (M5a). */
export interface TransferListItem extends TransferView {
  /** The state of the transfer's approval request; null when it needed none. */
  approval: ApprovalState | null;
}

/** A page of the user's transfer list, newest first; `nextCursor` asks for the next (null: the end). */
export interface TransferPage {
  items: TransferListItem[];
  nextCursor: string | null;
}

export interface TransferView {
  id: string;
  kind: TransferKind;
  status: TransferStatus;
  receiptNumber: string | null;
  fromAccountId: string;
  payee: {
    payeeId: string | null;
    standing: PayeeStandingRecord;
    bankCode: string;
    bankName: string;
    branchCode: string;
    branchName: string;
    accountType: AccountType;
    accountNumber: string;
    name: string;
  };
  remitterName: string;
  amount: number;
  fee: number;
  /** amount + fee: what leaves the payer's account. */
  total: number;
  valueDate: string;
  /** True when the value date is the entry date (即日). */
  sameDay: boolean;
  failure: string | null;
  createdAt: number;
  confirmedAt: number | null;
  executedAt: number | null;
  cancelledAt: number | null;
}

/** M2, R4: how the confirmation must be authorised. */
export type TransferAuthorisation = { method: 'otp' } | { method: 'legacy'; cardPosition: CardPosition };

export interface PendingTransfer {
  transfer: TransferView;
  authorisation: TransferAuthorisation;
}

export interface TransferReceipt {
  /** 受付番号. */
  receiptNumber: string;
  transfer: TransferView;
  /** M5a: in an approval mode, the request now waiting for approval (承認待ち). */
  approval?: ApprovalView;
}

/** M5a: an approval request with its transfer. */
export interface ApprovalView {
  id: string;
  state: string;
  mode: string;
  approverMustDiffer: boolean;
  requesterId: string;
  approvals: { userId: string; step: 'single' | 'first' | 'final'; at: number }[];
  /** 承認期限 (epoch ms). */
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
  transfer: TransferView;
}

export function toTransferView(t: TransferRecord): TransferView {
  return {
    id: t.id,
    kind: t.kind,
    status: t.status,
    receiptNumber: t.receiptNumber,
    fromAccountId: t.fromAccountId,
    payee: {
      payeeId: t.payeeId,
      standing: t.standing,
      bankCode: t.bankCode,
      bankName: t.bankName,
      branchCode: t.branchCode,
      branchName: t.branchName,
      accountType: t.accountType,
      accountNumber: t.accountNumber,
      name: t.payeeName,
    },
    remitterName: t.remitterName,
    amount: t.amount,
    fee: t.fee,
    total: t.amount + t.fee,
    valueDate: t.valueDate,
    sameDay: t.valueDate === jstDate(t.createdAt),
    failure: t.failure,
    createdAt: t.createdAt,
    confirmedAt: t.confirmedAt,
    executedAt: t.executedAt,
    cancelledAt: t.cancelledAt,
  };
}
