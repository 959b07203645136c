// ---------------------------------------------------------------------------------------------
// Records as core sees them. Times are epoch milliseconds (number). Ids are opaque strings.

// Each union as a const array too, so the server's schemas enumerate the same values.
export const LOGIN_METHODS = ['id_password', 'certificate'] as const; // ID・パスワード方式 / 電子証明書方式
export type LoginMethod = (typeof LOGIN_METHODS)[number];
export const USAGE_MODES = ['individual', 'shared'] as const; // 利用形態: 異なるトークン / 同じトークン
export type UsageMode = (typeof USAGE_MODES)[number];
export const USER_ROLES = ['admin', 'user'] as const; // 管理者 / 利用者
export type UserRole = (typeof USER_ROLES)[number];
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

export interface FailureResult {
  failures: number;
  /** True when this failure (or an earlier one) has reached the limit. */
  locked: boolean;
}

// --- Store sections

export interface BranchesStore {
  insert(b: BranchRecord): Promise<void>;
  get(code: string): Promise<BranchRecord | null>;
  list(): Promise<BranchRecord[]>;
}

export interface ContractsStore {
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
}

export interface UsersStore {
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
  /**
   * M2: uses the legacy card challenge once. A single conditional update (cardChallenge set to
   * null where it still is `position`), so that of any number of concurrent answers to one
   * challenge, in any number of processes, exactly one gets true (as T2's consumeStep).
   */
  consumeCardChallenge(id: string, position: string): Promise<boolean>;
}

export interface SessionsStore {
  insert(s: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | null>;
  /**
   * The session and, for a customer session, its user's role and whether the user was removed
   * (user null: no such user, or not a customer session), in one read: every request resumes
   * its session (A4).
   */
  getWithUser(
    id: string,
  ): Promise<{ session: SessionRecord; user: { role: UserRole; removed: boolean } | null } | null>;
  touch(id: string, lastSeenAt: number, expiresAt: number): Promise<void>;
  delete(id: string): Promise<void>;
  deleteBySubject(subjectId: string): Promise<void>;
}

export interface OperatorsStore {
  insert(o: OperatorRecord): Promise<void>;
  get(id: string): Promise<OperatorRecord | null>;
  getByLogin(loginId: string): Promise<OperatorRecord | null>;
  update(
    id: string,
    patch: Partial<Pick<OperatorRecord, 'passwordHash' | 'passwordFailures' | 'locked'>>,
  ): Promise<void>;
  recordFailure(id: string, max: number): Promise<FailureResult>;
}

/** 前回ログイン日時: the last two successful logins of one subject of a realm. */
export interface LastLoginRecord {
  lastAt: number;
  /** The login before lastAt; null until there have been two. */
  previousAt: number | null;
}

export interface LastLoginsStore {
  /**
   * Records a successful login at `at`, in the login's transaction: previous_at takes last_at,
   * last_at takes `at`, in one upsert (exact under concurrent logins). Returns the row after.
   */
  record(realm: SessionRecord['realm'], subjectId: string, at: number): Promise<LastLoginRecord>;
  get(realm: SessionRecord['realm'], subjectId: string): Promise<LastLoginRecord | null>;
}
