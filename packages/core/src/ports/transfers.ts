import type { Yen } from '../ledger/yen.ts';
import type { AccountType } from './ledger.ts';

// --- transfers and payees (M2–M4, M6–M8)

/** 事前登録 (registered by a bank operator from the written form) or the user's own list. */
export const PAYEE_KINDS = ['registered', 'saved'] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

export interface PayeeRecord {
  id: string;
  contractId: string;
  kind: PayeeKind;
  /** The user whose own list holds a saved payee; null for a registered one. */
  ownerUserId: string | null;
  /** 受取人番号: 3 digits, per contract, for registered payees; null for saved ones. */
  payeeNumber: string | null;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountType;
  accountNumber: string;
  /** 受取人名, half-width Zengin kana (M8). */
  name: string;
  nickname: string | null;
  /** Operator id (registered) or user id (saved). */
  createdBy: string;
  createdAt: number;
  removed: boolean;
}

/** 振替 (own accounts), 振込 to this bank, 振込 to another bank through Zengin. */
export const TRANSFER_KINDS = ['own', 'same_bank', 'other_bank'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];
/** pending: entered, not yet authorised (M3). */
export const TRANSFER_STATUSES = ['pending', 'scheduled', 'completed', 'cancelled', 'failed'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
/** M4: where the payee stands when the transfer is entered. */
export const PAYEE_STANDINGS = ['own_account', 'registered', 'paid_before', 'first_time'] as const;
export type PayeeStandingRecord = (typeof PAYEE_STANDINGS)[number];

export interface TransferRecord {
  id: string;
  contractId: string;
  /** The user who entered it (依頼者). */
  userId: string;
  kind: TransferKind;
  status: TransferStatus;
  fromAccountId: string;
  /** This bank's account credited (own / same_bank); null for another bank. */
  toAccountId: string | null;
  payeeId: string | null;
  standing: PayeeStandingRecord;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountType;
  accountNumber: string;
  payeeName: string;
  /** 振込依頼人名: the payer account's holder name. */
  remitterName: string;
  amount: Yen;
  fee: Yen;
  /** 振込指定日, 'YYYY-MM-DD' (JST). */
  valueDate: string;
  /** 受付番号, given on confirmation. */
  receiptNumber: string | null;
  /** The journal entry that moved the money. */
  entryId: string | null;
  /** Another bank's transfer waits here for the Zengin network. */
  outbound: 'queued' | 'sent' | null;
  /** Why a scheduled transfer did not run (an error code). */
  failure: string | null;
  createdAt: number;
  confirmedAt: number | null;
  executedAt: number | null;
  cancelledAt: number | null;
}

/** Where a page of a transfer list ended: the last row's unique order key. */
export interface TransferListKey {
  createdAt: number;
  id: string;
}

/** M3: an idempotency key claimed by a create call, with its first result. */
export interface IdempotencyRecord {
  contractId: string;
  key: string;
  operation: string;
  /** SHA-256 over the operation and the request's meaning (never a secret). */
  requestHash: string;
  /** The first result as JSON; null only inside the claiming transaction. */
  result: string | null;
  createdAt: number;
}

/** The account of a payee, for matching (M4, 最近10回). */
interface AccountRef {
  bankCode: string;
  branchCode: string;
  accountType: AccountType;
  accountNumber: string;
}

// --- Store sections

export interface PayeesStore {
  /** Duplicate (contractId, payeeNumber) → UniqueViolation. */
  insert(p: PayeeRecord): Promise<void>;
  get(id: string): Promise<PayeeRecord | null>;
  /** Not removed: the contract's registered payees and every user's saved ones, by payee number then time. */
  listByContract(contractId: string): Promise<PayeeRecord[]>;
  /** A registered (事前登録), not removed payee of the contract with this account, if any. */
  findRegistered(contractId: string, account: AccountRef): Promise<PayeeRecord | null>;
  /** How many registered payees the contract has ever had (removed ones too): the next 受取人番号. */
  countRegistered(contractId: string): Promise<number>;
  remove(id: string): Promise<void>;
}

export interface TransfersStore {
  /** Duplicate receiptNumber → UniqueViolation. */
  insert(t: TransferRecord): Promise<void>;
  get(id: string): Promise<TransferRecord | null>;
  /**
   * The claim: one conditional UPDATE `… SET status = to.status … WHERE id = ? AND status = from`.
   * True iff this call moved the transfer; exact under concurrent callers in any number of
   * processes (a scheduled transfer is posted once, a pending one confirmed once).
   */
  transition(
    id: string,
    from: TransferStatus,
    to: Partial<
      Pick<
        TransferRecord,
        'receiptNumber' | 'confirmedAt' | 'executedAt' | 'cancelledAt' | 'failure' | 'outbound'
      >
    > & {
      status: TransferStatus;
    },
  ): Promise<boolean>;
  update(id: string, patch: Partial<Pick<TransferRecord, 'entryId' | 'outbound'>>): Promise<void>;
  /** The contract's transfers, newest first, optionally of some statuses, at most `limit`. */
  listByContract(
    contractId: string,
    opts: { statuses?: TransferStatus[]; limit: number },
  ): Promise<TransferRecord[]>;
  /**
   * One user's transfers in the contract, newest first (createdAt, then id, descending: a unique
   * order), optionally of one status, strictly after `before` (the last row of the page before),
   * at most `limit`. Served by an index on (user_id[, status], created_at, id), so a page reads
   * only its own rows however long the history.
   */
  listByUser(
    contractId: string,
    userId: string,
    opts: { status?: TransferStatus; before?: TransferListKey; limit: number },
  ): Promise<TransferRecord[]>;
  /** Scheduled transfers whose value date is on or before `date`, oldest value date first. */
  listDue(date: string, limit: number): Promise<TransferRecord[]>;
  /** M4: the contract has a completed transfer to this account. */
  paidBefore(contractId: string, account: AccountRef): Promise<boolean>;
  /** Completed other-bank transfers with this value date (the day's outbound Zengin items). */
  listOutbound(valueDate: string): Promise<TransferRecord[]>;
}

export interface IdempotencyStore {
  /**
   * Claims (contractId, key) in one statement: true if this call took it, false if it was taken
   * (nothing written, no error, so that PostgreSQL's transaction stays usable for reading the
   * first result). On PostgreSQL a claim racing an uncommitted one waits for that transaction:
   * false once it commits, true if it rolled back.
   */
  claim(r: IdempotencyRecord): Promise<boolean>;
  get(contractId: string, key: string): Promise<IdempotencyRecord | null>;
  complete(contractId: string, key: string, result: string): Promise<void>;
  release(contractId: string, key: string): Promise<void>;
}
