import type { ApprovalsStore } from './approvals.ts';
import type { AuditStore } from './audit.ts';
import type { CertificateCodesStore, CertificatesStore } from './certificates.ts';
import type {
  BranchesStore,
  ContractsStore,
  LastLoginsStore,
  OperatorsStore,
  SessionsStore,
  UsersStore,
} from './identity.ts';
import type { AccountsStore, JournalStore } from './ledger.ts';
import type { LimitsStore, PrivilegesStore } from './limits.ts';
import type { OtpAlertsStore, TokensStore } from './tokens.ts';
import type { IdempotencyStore, PayeesStore, TransfersStore } from './transfers.ts';

interface SettingsStore {
  get(key: string): Promise<string | null>;
  put(key: string, value: string): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// The Store. One implementation per database lives in @kinko/store. Every method is a single
// statement or a small fixed set; anything that must be atomic across statements runs inside
// `transaction`. Methods that must be exact under concurrency across processes say so.

export interface Store {
  /**
   * Runs fn in one database transaction (BEGIN IMMEDIATE on SQLite, READ COMMITTED plus row
   * locks on PostgreSQL) and commits, or rolls back if fn throws. Nested calls reuse the
   * outer transaction. Resolves only once the commit is durable (SQLite commits in groups,
   * store decision 3). fn must not await another transaction's result: on SQLite that
   * transaction may be waiting for the group's COMMIT, which waits for fn.
   *
   * A transaction the database aborts as a deadlock or serialisation failure (PostgreSQL
   * SQLSTATE 40P01, 40001) is rolled back and fn runs again, a bounded number of times, before
   * the error reaches the caller: so fn must have no effect outside tx that a second run would
   * repeat (use cases only collect audit events and return values, which is what they do).
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  settings: SettingsStore;
  branches: BranchesStore;
  contracts: ContractsStore;
  users: UsersStore;
  tokens: TokensStore;
  sessions: SessionsStore;
  operators: OperatorsStore;
  audit: AuditStore;
  accounts: AccountsStore;
  journal: JournalStore;
  payees: PayeesStore;
  transfers: TransfersStore;
  limits: LimitsStore;
  approvals: ApprovalsStore;
  privileges: PrivilegesStore;
  idempotency: IdempotencyStore;
  /** T2: reused-OTP alerts and each recipient's acknowledgement (migration 0008). */
  otpAlerts: OtpAlertsStore;
  /** 前回ログイン日時 per realm and subject (migration 0009). */
  lastLogins: LastLoginsStore;
  certificates: CertificatesStore;
  certificateCodes: CertificateCodesStore;

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
