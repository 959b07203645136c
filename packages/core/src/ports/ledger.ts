import type { Yen } from '../ledger/yen.ts';

// --- ledger (M1). Every amount is integer yen; a balance moves only by a posting.

export const ACCOUNT_TYPES = ['ordinary', 'current', 'savings'] as const; // 普通 / 当座 / 貯蓄
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const ACCOUNT_STATUSES = ['active', 'frozen', 'closed'] as const; // 取引中 / 支払停止 / 解約
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];
/**
 * The bank's own ledger accounts. Real accounts, so every movement has two sides and the sum
 * over all accounts is always exactly 0 (M1): vault_cash is where deposits come from (it goes
 * negative by what customers hold), zengin_outbound holds what is owed to other banks until
 * settlement, fee_income collects fees, suspense holds what cannot be placed yet.
 */
export type InternalAccountCode = 'vault_cash' | 'zengin_outbound' | 'fee_income' | 'suspense';

interface AccountBase {
  id: string;
  /** 口座名義 (half-width kana for a customer account). */
  holderKana: string;
  /** The balance after posting lastSeq; changed only by post() in ledger/post.ts. */
  balance: Yen;
  /** How many postings the account has had; the seq of its last posting (0: none). */
  lastSeq: number;
  status: AccountStatus;
  createdAt: number;
}

export interface CustomerAccountRecord extends AccountBase {
  internal: null;
  branchCode: string; // 店番, 3 digits
  type: AccountType;
  number: string; // 口座番号, 7 digits, unique per branch
  /** The internet-banking contract the account belongs to; null for an account outside IB. */
  contractId: string | null;
  /** How far below 0 the balance may go (当座貸越); 0 for most accounts. */
  overdraftLimit: Yen;
}

interface InternalAccountRecord extends AccountBase {
  internal: InternalAccountCode;
  branchCode: null;
  type: null;
  number: null;
  contractId: null;
  /** null: no limit (vault_cash and suspense carry the other side of every customer balance). */
  overdraftLimit: Yen | null;
}

export type AccountRecord = CustomerAccountRecord | InternalAccountRecord;

/** What kind of movement an entry is. Stored as text without a CHECK, so it can grow. */
export type EntryKind = 'deposit' | 'withdrawal' | 'transfer' | 'fee' | 'clearing' | 'adjustment';

export interface JournalEntryRecord {
  id: string;
  at: number;
  kind: EntryKind;
  /** 摘要: what the statement shows unless a line says otherwise. */
  memo: string;
  /** The business object behind the entry (a transfer's id, a receipt number), or null. */
  reference: string | null;
}

/** One line of an entry as applied to one account: the account's seq-th posting. */
export interface PostingRecord {
  entryId: string;
  accountId: string;
  seq: number;
  /** Signed: positive credits (入金) the account, negative debits (出金) it. Never 0. */
  amount: Yen;
  /** The running balance after this posting (for statements and verification). */
  balanceAfter: Yen;
  at: number;
  memo: string;
}

// --- Store sections

export interface AccountsStore {
  /**
   * A customer account, balance 0 and lastSeq 0. false, and nothing written, when its
   * (branchCode, number) is taken, also by a concurrent transaction that commits first (one
   * INSERT … ON CONFLICT DO NOTHING, exact across processes); a duplicate id → UniqueViolation.
   */
  insert(a: CustomerAccountRecord): Promise<boolean>;
  get(id: string): Promise<AccountRecord | null>;
  getByNumber(branchCode: string, number: string): Promise<CustomerAccountRecord | null>;
  /** The bank's own account (created by the migration; throws if missing). */
  getInternal(code: InternalAccountCode): Promise<InternalAccountRecord>;
  /** The contract's accounts (closed ones too) by branch and number. */
  listByContract(contractId: string): Promise<CustomerAccountRecord[]>;
  /** Every account (internal ones too), by id, after `afterId`, at most `limit`. */
  list(opts: { afterId?: string; limit: number }): Promise<AccountRecord[]>;
  /**
   * Locks the accounts for the rest of the transaction, one row at a time in ascending id
   * order (SELECT … FOR UPDATE on PostgreSQL, so that two postings touching the same accounts
   * never deadlock; SQLite's BEGIN IMMEDIATE already serialises), and returns those found, in
   * id order, as they stand under the lock. Must be called inside `transaction`.
   */
  lock(ids: readonly string[]): Promise<AccountRecord[]>;
  /**
   * Sets balance and lastSeq, only if the account is still at `fromSeq` (what lock returned):
   * a writer that skipped the lock fails here instead of losing an update. Inside `transaction`.
   */
  advance(id: string, fromSeq: number, to: { balance: Yen; lastSeq: number }): Promise<void>;
}

export interface JournalStore {
  /** Inserts the entry and its postings. Must be called inside `transaction`, after accounts.lock. */
  append(entry: JournalEntryRecord, postings: readonly PostingRecord[]): Promise<void>;
  getEntry(id: string): Promise<{ entry: JournalEntryRecord; postings: PostingRecord[] } | null>;
  /** Entries by id after `afterId`, at most `limit`, each with its postings (verification). */
  listEntries(opts: {
    afterId?: string;
    limit: number;
  }): Promise<{ entry: JournalEntryRecord; postings: PostingRecord[] }[]>;
  /** An account's postings in seq order: after `afterSeq`, with fromAt <= at < toAt, at most `limit`. */
  postings(
    accountId: string,
    opts: { afterSeq?: number; fromAt?: number; toAt?: number; limit: number },
  ): Promise<PostingRecord[]>;
  /** The account's last posting (highest seq) with at < `at`, for a statement's opening balance. */
  lastBefore(accountId: string, at: number): Promise<PostingRecord | null>;
}
