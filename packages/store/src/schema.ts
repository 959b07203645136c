/**
 * The tables as Kysely sees them: snake_case columns, one interface per table. Times are epoch
 * milliseconds in int8 columns (PostgreSQL rows come back as JS numbers through the pool's own
 * int8 parser, see postgres.ts).
 */
import type { ColumnType, Generated } from 'kysely';

/**
 * Booleans are native on PostgreSQL and 0/1 integers on SQLite. Writes always pass JS booleans
 * (the SQLite driver binds them as 0/1); reads may see either, and the row mappers normalise.
 */
type Bool = ColumnType<boolean | number, boolean, boolean>;

/** bytea / blob. Drivers hand back Buffers; the row mappers copy them into plain Uint8Arrays. */
type Bytes = Uint8Array;

interface SettingsTable {
  key: string;
  value: string;
}

interface BranchesTable {
  code: string;
  name: string;
}

export interface ContractsTable {
  id: string;
  contract_number: string;
  name: string;
  branch_code: string;
  login_method: string;
  usage_mode: string;
  shared_token_id: string | null;
  contract_pin_hash: string;
  contract_pin_failures: number;
  contract_pin_locked: Bool;
  stopped: Bool;
  created_at: number;
}

export interface UsersTable {
  id: string;
  contract_id: string;
  login_id: string;
  name: string;
  role: string;
  password_hash: string;
  password_failures: number;
  login_locked: Bool;
  otp_failures: number;
  confirm_pin_failures: number;
  suspended: Bool;
  confirm_pin_hash: string | null;
  card_ciphertext: Bytes | null;
  token_id: string | null;
  card_challenge: string | null;
  removed: Bool;
  created_at: number;
}

export interface TokensTable {
  id: string;
  serial: string;
  seed_ciphertext: Bytes;
  status: string;
  last_step: number;
  drift: number;
  contract_id: string | null;
  created_at: number;
  expires_at: number;
  registered_at: number | null;
  revoked_at: number | null;
}

export interface SessionsTable {
  id: string;
  realm: string;
  subject_id: string;
  contract_id: string | null;
  csrf_token: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

export interface OperatorsTable {
  id: string;
  login_id: string;
  name: string;
  password_hash: string;
  password_failures: number;
  locked: Bool;
  created_at: number;
}

/** L1 (0006_audit_chains): one MAC chain per contract, and the bank's ('bank'). */
export interface AuditRecordsTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: number;
  actor_type: string;
  actor_id: string | null;
  contract_id: string | null;
  action: string;
  subject: string | null;
  outcome: string;
  detail: string;
  prev_mac: string;
  mac: string;
}

/** One row per chain: its last seq, mac and time. */
export interface AuditHeadsTable {
  chain: string;
  seq: number;
  mac: string;
  at: number;
}

/** The log before 0006 (one global SHA-256 chain), kept until it is re-chained under the key. */
export interface AuditLegacyTable {
  seq: number;
  at: number;
  actor_type: string;
  actor_id: string | null;
  contract_id: string | null;
  action: string;
  subject: string | null;
  outcome: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** One row, id = 1: the old chain's last seq and hash. */
interface AuditLegacyHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/**
 * Ledger (M1, 0002_ledger). Amounts are integer yen in int8 / INTEGER columns, read back as JS
 * numbers (every amount is far below 2^53). A customer account has branch, type and number; an
 * internal account (the bank's own) has internal_code instead.
 */
export interface AccountsTable {
  id: string;
  internal_code: string | null;
  branch_code: string | null;
  type: string | null;
  number: string | null;
  holder_kana: string;
  contract_id: string | null;
  overdraft_limit: number | null;
  balance: number;
  last_seq: number;
  status: string;
  created_at: number;
}

export interface JournalEntriesTable {
  id: string;
  at: number;
  kind: string;
  memo: string;
  reference: string | null;
}

/** Primary key (account_id, seq): an account's postings are numbered 1, 2, 3 … */
export interface PostingsTable {
  account_id: string;
  seq: number;
  entry_id: string;
  amount: number;
  balance_after: number;
  at: number;
  memo: string;
}

/** Transfers and payees (M2–M4, M6–M8, 0003_transfers). */
export interface PayeesTable {
  id: string;
  contract_id: string;
  kind: string;
  owner_user_id: string | null;
  payee_number: string | null;
  bank_code: string;
  bank_name: string;
  branch_code: string;
  branch_name: string;
  account_type: string;
  account_number: string;
  name: string;
  nickname: string | null;
  created_by: string;
  created_at: number;
  removed: Bool;
}

export interface TransfersTable {
  id: string;
  contract_id: string;
  user_id: string;
  kind: string;
  status: string;
  from_account_id: string;
  to_account_id: string | null;
  payee_id: string | null;
  standing: string;
  bank_code: string;
  bank_name: string;
  branch_code: string;
  branch_name: string;
  account_type: string;
  account_number: string;
  payee_name: string;
  remitter_name: string;
  amount: number;
  fee: number;
  value_date: string;
  receipt_number: string | null;
  entry_id: string | null;
  outbound: string | null;
  failure: string | null;
  created_at: number;
  confirmed_at: number | null;
  executed_at: number | null;
  cancelled_at: number | null;
}

/** M3: primary key (contract_id, key). */
interface IdempotencyKeysTable {
  contract_id: string;
  key: string;
  operation: string;
  request_hash: string;
  result: string | null;
  created_at: number;
}

/** M5: primary key (layer, owner_id); 'bank' and 'contract' rows by contract id, 'user' by user id. */
interface LimitSettingsTable {
  layer: string;
  owner_id: string;
  per_transfer: number;
  per_day: number;
  same_day_unregistered_per_day: number | null;
  updated_at: number;
}

/** M5: the daily usage counters; primary key (scope, owner_id, day). */
interface LimitUsageTable {
  scope: string;
  owner_id: string;
  day: string;
  used: number;
  used_same_day_unregistered: number;
}

interface UserPrivilegesTable {
  user_id: string;
  privileges: string;
  updated_at: number;
}

interface ApprovalSettingsTable {
  contract_id: string;
  mode: string;
  approver_must_differ: Bool;
  updated_at: number;
}

export interface ApprovalRequestsTable {
  id: string;
  transfer_id: string;
  contract_id: string;
  requester_id: string;
  state: string;
  mode: string;
  approver_must_differ: Bool;
  approvals: string;
  expires_at: number | null;
  created_at: number;
  updated_at: number;
}

/** T2: one reused OTP (migration 0008). */
export interface OtpAlertsTable {
  id: string;
  contract_id: string;
  serial: string;
  user_id: string;
  operation: string;
  at: number;
}

/** T2: who an alert is for, and when each of them acknowledged it. */
interface OtpAlertRecipientsTable {
  alert_id: string;
  user_id: string;
  acknowledged_at: number | null;
}

/** 前回ログイン日時 (migration 0009). */
interface LastLoginsTable {
  realm: string;
  subject_id: string;
  last_at: number;
  previous_at: number | null;
}

export interface CertificatesTable {
  serial: string;
  contract_id: string;
  user_id: string;
  subject: string;
  not_before: number;
  not_after: number;
  state: string;
  revoked_at: number | null;
  revocation_reason: string | null;
  issued_at: number;
  der: Bytes;
}

export interface CertificateCodesTable {
  id: string;
  contract_id: string;
  user_id: string;
  code_hash: string;
  issued_at: number;
  expires_at: number;
  used_at: number | null;
  superseded_at: number | null;
}

export interface Database {
  settings: SettingsTable;
  branches: BranchesTable;
  contracts: ContractsTable;
  users: UsersTable;
  tokens: TokensTable;
  sessions: SessionsTable;
  operators: OperatorsTable;
  audit_records: AuditRecordsTable;
  audit_heads: AuditHeadsTable;
  audit_legacy: AuditLegacyTable;
  audit_legacy_head: AuditLegacyHeadTable;
  accounts: AccountsTable;
  journal_entries: JournalEntriesTable;
  postings: PostingsTable;
  payees: PayeesTable;
  transfers: TransfersTable;
  idempotency_keys: IdempotencyKeysTable;
  limit_settings: LimitSettingsTable;
  limit_usage: LimitUsageTable;
  user_privileges: UserPrivilegesTable;
  approval_settings: ApprovalSettingsTable;
  approval_requests: ApprovalRequestsTable;
  otp_alerts: OtpAlertsTable;
  otp_alert_recipients: OtpAlertRecipientsTable;
  last_logins: LastLoginsTable;
  certificates: CertificatesTable;
  certificate_codes: CertificateCodesTable;
}

export type Kind = 'sqlite' | 'postgres';
