import type { Yen } from './ledger/yen.ts';

/**
 * What core needs from the outside (STYLE habit 1 and 2). Core never calls Date.now(),
 * crypto.randomBytes or a database driver directly: the server, the CLI and the tests
 * hand it these.
 */

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export interface Random {
  /** Cryptographically strong random bytes. */
  bytes(n: number): Uint8Array;
}

/**
 * The key-encryption key for seeds and legacy cards at rest (T6). AES-256-GCM; the associated
 * data binds a ciphertext to the row it belongs to, so it cannot be moved to another row.
 */
export interface Kek {
  seal(plaintext: Uint8Array, associatedData: string): Uint8Array;
  open(ciphertext: Uint8Array, associatedData: string): Uint8Array;
}

// ---------------------------------------------------------------------------------------------
// Records as core sees them. Times are epoch milliseconds (number). Ids are opaque strings.

export type LoginMethod = 'id_password' | 'certificate'; // ID・パスワード方式 / 電子証明書方式
export type UsageMode = 'individual' | 'shared'; // 利用形態: 異なるトークン / 同じトークン
export type UserRole = 'admin' | 'user'; // 管理者 / 利用者
export type TokenStatus = 'activated' | 'registered' | 'revoked' | 'expired';
export type FailureKind = 'password' | 'otp' | 'confirm_pin';

export interface BranchRecord {
  code: string; // 3-digit 店番
  name: string;
}

export interface ContractRecord {
  id: string;
  contractNumber: string; // 11-digit ご契約先ID
  name: string;
  branchCode: string;
  loginMethod: LoginMethod;
  usageMode: UsageMode;
  /** In shared mode, the one token registered for every user of the contract (R3). */
  sharedTokenId: string | null;
  contractPinHash: string; // ご契約先確認暗証番号 (argon2id)
  contractPinFailures: number;
  contractPinLocked: boolean;
  stopped: boolean; // 取引中止 (A6)
  createdAt: number;
}

export interface UserRecord {
  id: string;
  contractId: string;
  loginId: string;
  name: string;
  role: UserRole;
  passwordHash: string;
  passwordFailures: number;
  loginLocked: boolean; // too many wrong passwords (A4)
  otpFailures: number;
  confirmPinFailures: number;
  suspended: boolean; // 利用中止: too many wrong OTPs or confirmation PINs (A2)
  confirmPinHash: string | null; // 利用者確認暗証番号
  /** Legacy ア～ク card, sealed by the Kek with associated data `card:<userId>`. */
  cardCiphertext: Uint8Array | null;
  /** Individual mode: the token registered to this user (R3). */
  tokenId: string | null;
  /** The card position last asked for by a legacy step-up challenge; usable once. */
  cardChallenge: string | null;
  removed: boolean;
  createdAt: number;
}

export interface TokenRecord {
  id: string;
  serial: string;
  /** Seed sealed by the Kek with associated data `seed:<tokenId>` (T6). */
  seedCiphertext: Uint8Array;
  status: TokenStatus;
  /** Highest accepted time step; -1 before any (T2). */
  lastStep: number;
  /** Observed drift in steps, bounded (T3). */
  drift: number;
  contractId: string | null;
  createdAt: number;
  /** An activated token not registered by then expires (T5). */
  expiresAt: number;
  registeredAt: number | null;
  revokedAt: number | null;
}

export interface SessionRecord {
  /** SHA-256 of the cookie value, hex; the cookie value itself is never stored. */
  id: string;
  realm: 'customer' | 'bank';
  subjectId: string; // user id or operator id
  contractId: string | null;
  csrfToken: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

export interface OperatorRecord {
  id: string;
  loginId: string;
  name: string;
  passwordHash: string;
  passwordFailures: number;
  locked: boolean;
  createdAt: number;
}

export interface AuditRecord {
  seq: number;
  at: number;
  actorType: 'user' | 'operator' | 'system' | 'anonymous';
  actorId: string | null;
  contractId: string | null;
  action: string; // e.g. 'login.success', 'otp.replayed', 'token.registered'
  subject: string | null; // e.g. a serial or user id
  outcome: 'success' | 'failure';
  /** Non-secret facts as JSON text. */
  detail: string;
  prevHash: string; // hex
  hash: string; // hex, SHA-256 over prevHash and the canonical record (L1)
}

export type AuditInput = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'detail'> & {
  detail?: Record<string, unknown>;
};

// --- ledger (M1). Every amount is integer yen; a balance moves only by a posting.

export type AccountType = 'ordinary' | 'current' | 'savings'; // 普通 / 当座 / 貯蓄
export type AccountStatus = 'active' | 'frozen' | 'closed'; // 取引中 / 支払停止 / 解約
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

export interface InternalAccountRecord extends AccountBase {
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

// --- transfers and payees (M2–M4, M6–M8)

/** 事前登録 (registered by a bank operator from the written form) or the user's own list. */
export type PayeeKind = 'registered' | 'saved';

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
export type TransferKind = 'own' | 'same_bank' | 'other_bank';
/** pending: entered, not yet authorised (M3). */
export type TransferStatus = 'pending' | 'scheduled' | 'completed' | 'cancelled' | 'failed';
/** M4: where the payee stands when the transfer is entered. */
export type PayeeStandingRecord = 'own_account' | 'registered' | 'paid_before' | 'first_time';

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

// --- limits and privileges (M5)

/** Whose limits a settings row holds: the bank's ceiling and the administrator's (per contract), a user's. */
export type LimitLayerRecord = 'bank' | 'contract' | 'user';

/** One layer's limits in integer yen (the same shape as limit-policy.ts's LayerLimits). */
export interface LimitSettingsRecord {
  perTransfer: Yen;
  perDay: Yen;
  sameDayUnregisteredPerDay: Yen | null;
}

/** A daily usage counter: the contract's (bank and contract layers) or the user's. */
export type LimitScope = 'contract' | 'user';

export interface LimitUsageRecord {
  used: Yen;
  usedSameDayUnregistered: Yen;
}

/** The conditional UPDATE of one counter row (limit-policy.ts, CounterUpdate). */
export interface LimitCount {
  add: Yen;
  usedLimit: Yen | null;
  addSameDayUnregistered: Yen;
  sameDayUnregisteredLimit: Yen | null;
}

// --- approvals (M5a)

export type ApprovalModeRecord = 'none' | 'single' | 'double_ordered' | 'double_unordered';

export interface ApprovalSettingsRecord {
  mode: ApprovalModeRecord;
  approverMustDiffer: boolean;
}

export interface ApprovalRequestRecord {
  id: string;
  transferId: string;
  contractId: string;
  requesterId: string;
  /** approval-states.ts ApprovalState. */
  state: string;
  mode: ApprovalModeRecord;
  approverMustDiffer: boolean;
  /** The approvals given, in order. */
  approvals: { userId: string; step: 'single' | 'first' | 'final'; at: number }[];
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
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
export interface AccountRef {
  bankCode: string;
  branchCode: string;
  accountType: AccountType;
  accountNumber: string;
}

export interface FailureResult {
  failures: number;
  /** True when this failure (or an earlier one) has reached the limit. */
  locked: boolean;
}

// ---------------------------------------------------------------------------------------------
// The Store. One implementation per database lives in @kinko/store. Every method is a single
// statement or a small fixed set; anything that must be atomic across statements runs inside
// `transaction`. Methods that must be exact under concurrency across processes say so.

export interface Store {
  /**
   * Runs fn in one database transaction (BEGIN IMMEDIATE on SQLite, READ COMMITTED plus row
   * locks on PostgreSQL) and commits, or rolls back if fn throws. Nested calls reuse the
   * outer transaction.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  settings: {
    get(key: string): Promise<string | null>;
    put(key: string, value: string): Promise<void>;
  };

  branches: {
    insert(b: BranchRecord): Promise<void>;
    get(code: string): Promise<BranchRecord | null>;
    list(): Promise<BranchRecord[]>;
  };

  contracts: {
    insert(c: ContractRecord): Promise<void>; // throws KinkoError-agnostic Error on duplicate
    get(id: string): Promise<ContractRecord | null>;
    getByNumber(contractNumber: string): Promise<ContractRecord | null>;
    list(): Promise<ContractRecord[]>;
    update(
      id: string,
      patch: Partial<
        Pick<
          ContractRecord,
          | 'usageMode'
          | 'sharedTokenId'
          | 'contractPinHash'
          | 'contractPinFailures'
          | 'contractPinLocked'
          | 'stopped'
          | 'name'
        >
      >,
    ): Promise<void>;
    /** Atomic: contract_pin_failures + 1, locked when it reaches max; never counts past max. */
    recordPinFailure(id: string, max: number): Promise<FailureResult>;
  };

  users: {
    insert(u: UserRecord): Promise<void>; // duplicate (contractId, loginId) → Error with code 'unique'
    get(id: string): Promise<UserRecord | null>;
    getByLogin(contractId: string, loginId: string): Promise<UserRecord | null>;
    /** Not removed users of the contract, ordered by createdAt. */
    listByContract(contractId: string): Promise<UserRecord[]>;
    countByContract(contractId: string): Promise<number>;
    /** Users (not removed) whose tokenId is this token. */
    listByToken(tokenId: string): Promise<UserRecord[]>;
    update(
      id: string,
      patch: Partial<
        Pick<
          UserRecord,
          | 'name'
          | 'passwordHash'
          | 'passwordFailures'
          | 'loginLocked'
          | 'otpFailures'
          | 'confirmPinFailures'
          | 'suspended'
          | 'confirmPinHash'
          | 'cardCiphertext'
          | 'tokenId'
          | 'cardChallenge'
          | 'removed'
        >
      >,
    ): Promise<void>;
    /**
     * Atomic single-statement increment of the counter for `kind`, exact under concurrent calls
     * from several processes (A2): once the counter reaches max the user is locked
     * (password → loginLocked; otp and confirm_pin → suspended) and further calls do not
     * increment it, so the counter never exceeds max.
     */
    recordFailure(id: string, kind: FailureKind, max: number): Promise<FailureResult>;
    /** Sets the counter for `kind` to 0 (only if not 0, to avoid needless writes). */
    resetFailures(id: string, kind: FailureKind): Promise<void>;
  };

  tokens: {
    insert(t: TokenRecord): Promise<void>; // duplicate serial → Error with code 'unique'
    get(id: string): Promise<TokenRecord | null>;
    getBySerial(serial: string): Promise<TokenRecord | null>;
    update(
      id: string,
      patch: Partial<Pick<TokenRecord, 'status' | 'contractId' | 'registeredAt' | 'revokedAt' | 'expiresAt'>>,
    ): Promise<void>;
    /**
     * T2, the heart of one-time use: a single conditional UPDATE
     * `SET last_step = step, drift = drift WHERE id = ? AND last_step < step AND status IN
     * ('activated','registered')`. Returns true iff this call moved last_step forward. Exact
     * under any number of concurrent callers in any number of processes.
     */
    consumeStep(id: string, step: number, drift: number): Promise<boolean>;
    /** Marks activated tokens whose expiresAt <= now as expired; returns how many. */
    expireUnregistered(now: number): Promise<number>;
    listByContract(contractId: string): Promise<TokenRecord[]>;
  };

  sessions: {
    insert(s: SessionRecord): Promise<void>;
    get(id: string): Promise<SessionRecord | null>;
    touch(id: string, lastSeenAt: number, expiresAt: number): Promise<void>;
    delete(id: string): Promise<void>;
    deleteBySubject(subjectId: string): Promise<void>;
  };

  operators: {
    insert(o: OperatorRecord): Promise<void>;
    get(id: string): Promise<OperatorRecord | null>;
    getByLogin(loginId: string): Promise<OperatorRecord | null>;
    update(
      id: string,
      patch: Partial<Pick<OperatorRecord, 'passwordHash' | 'passwordFailures' | 'locked'>>,
    ): Promise<void>;
    recordFailure(id: string, max: number): Promise<FailureResult>;
  };

  audit: {
    /**
     * Locks the chain head for the rest of the transaction (SELECT … FOR UPDATE on PostgreSQL;
     * SQLite's single writer already serialises) and returns the last seq and hash
     * (seq 0 and 64 zeros for an empty log). Must be called inside `transaction`.
     */
    lockHead(): Promise<{ seq: number; hash: string }>;
    /** Inserts the record and moves the head to it. Must follow lockHead in the same transaction. */
    append(r: AuditRecord): Promise<void>;
    /** Records in seq order, from `afterSeq` (exclusive), at most `limit`. */
    list(opts: {
      afterSeq?: number;
      limit: number;
      contractId?: string;
      descending?: boolean;
    }): Promise<AuditRecord[]>;
    head(): Promise<{ seq: number; hash: string }>;
  };

  accounts: {
    /** A customer account, balance 0 and lastSeq 0. Duplicate (branchCode, number) → UniqueViolation. */
    insert(a: CustomerAccountRecord): Promise<void>;
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
  };

  journal: {
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
  };

  payees: {
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
  };

  transfers: {
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
    /** Scheduled transfers whose value date is on or before `date`, oldest value date first. */
    listDue(date: string, limit: number): Promise<TransferRecord[]>;
    /** M4: the contract has a completed transfer to this account. */
    paidBefore(contractId: string, account: AccountRef): Promise<boolean>;
    /** Completed other-bank transfers with this value date (the day's outbound Zengin items). */
    listOutbound(valueDate: string): Promise<TransferRecord[]>;
  };

  limits: {
    get(layer: LimitLayerRecord, ownerId: string): Promise<LimitSettingsRecord | null>;
    /** Upsert; null removes the row (no limit set at this layer). */
    put(
      layer: LimitLayerRecord,
      ownerId: string,
      limits: LimitSettingsRecord | null,
      at: number,
    ): Promise<void>;
    /** The user layers of many users at once (the administrator's screen). */
    listUsers(userIds: readonly string[]): Promise<Map<string, LimitSettingsRecord>>;
    /** The counter as it stands (0, 0 when no row). */
    usage(scope: LimitScope, ownerId: string, day: string): Promise<LimitUsageRecord>;
    /**
     * M5, the atomic part: ensures the row, then ONE conditional UPDATE adding `c.add` (and
     * `c.addSameDayUnregistered`) only while the results stay within the limits. True iff the
     * row was updated. Exact under concurrent callers in any number of processes (the WHERE is
     * evaluated on the newest committed row under its write lock). Inside `transaction`.
     */
    count(scope: LimitScope, ownerId: string, day: string, c: LimitCount): Promise<boolean>;
    /** Gives a counted amount back (a cancelled or failed scheduled transfer). Inside `transaction`. */
    giveBack(
      scope: LimitScope,
      ownerId: string,
      day: string,
      add: Yen,
      addSameDayUnregistered: Yen,
    ): Promise<void>;
  };

  approvals: {
    getSettings(contractId: string): Promise<ApprovalSettingsRecord | null>;
    putSettings(contractId: string, s: ApprovalSettingsRecord, at: number): Promise<void>;
    insert(r: ApprovalRequestRecord): Promise<void>;
    get(id: string): Promise<ApprovalRequestRecord | null>;
    getByTransfer(transferId: string): Promise<ApprovalRequestRecord | null>;
    /**
     * The claim: one conditional UPDATE `… WHERE id = ? AND state = from.state AND approvals =
     * from.approvals`; true iff this call moved the request (exact under concurrent approvers).
     */
    transition(
      id: string,
      from: Pick<ApprovalRequestRecord, 'state' | 'approvals'>,
      to: Pick<ApprovalRequestRecord, 'state' | 'approvals' | 'updatedAt'>,
    ): Promise<boolean>;
    /** The contract's requests, newest first, optionally in some states, at most `limit`. */
    listByContract(
      contractId: string,
      opts: { states?: string[]; limit: number },
    ): Promise<ApprovalRequestRecord[]>;
    /** Requests waiting for approval whose expiresAt <= now (the expiry job). */
    listDue(now: number, limit: number): Promise<ApprovalRequestRecord[]>;
  };

  privileges: {
    /** The user's privileges as stored; null when the administrator never set them. */
    get(userId: string): Promise<string[] | null>;
    put(userId: string, privileges: readonly string[], at: number): Promise<void>;
  };

  idempotency: {
    /**
     * Claims (contractId, key). Taken → UniqueViolation; on PostgreSQL a claim racing an
     * uncommitted one waits for that transaction and then fails (or succeeds if it rolled back).
     */
    claim(r: IdempotencyRecord): Promise<void>;
    get(contractId: string, key: string): Promise<IdempotencyRecord | null>;
    complete(contractId: string, key: string, result: string): Promise<void>;
    release(contractId: string, key: string): Promise<void>;
  };

  /**
   * Runs fn on one consistent, read-only view of the database (PostgreSQL: REPEATABLE READ READ
   * ONLY; SQLite: a deferred read transaction, a WAL snapshot), so a reader walking many rows
   * (ledger verification) sees every transaction wholly or not at all without blocking writers.
   */
  snapshot<T>(fn: (view: Store) => Promise<T>): Promise<T>;

  close(): Promise<void>;
}

/** Error thrown by Store implementations on a unique-constraint violation. */
export class UniqueViolation extends Error {
  readonly code = 'unique';
  constructor(what: string) {
    super(`unique violation: ${what}`);
    this.name = 'UniqueViolation';
  }
}
