/**
 * The use cases core offers to the server and the CLI. One method per business operation; each
 * runs in one Store transaction and writes its audit records in that transaction (L1).
 * Implemented by `createKinko` in kinko.ts. Secrets (passwords, PINs, OTPs, seeds, card
 * values) come in as arguments and never go out in a result, except the legacy card on issue
 * and the otpauth URI when T9 is on, which are shown once to their rightful holder.
 */
import type { Yen } from './ledger/yen.ts';
import type { AccountStatus, AccountType, LoginMethod, TokenStatus, UsageMode, UserRole } from './ports.ts';
import type { TransfersApi } from './transfers/api.ts';

/** Who is calling, as the server established it for this request. */
export interface CustomerActor {
  kind: 'customer';
  userId: string;
  contractId: string;
  role: UserRole;
  clientAddress: string;
}
export interface OperatorActor {
  kind: 'operator';
  operatorId: string;
  clientAddress: string;
}
export interface AnonymousActor {
  kind: 'anonymous';
  clientAddress: string;
}

export interface JsonWebKeyP256 {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

export interface ActivationResult {
  serial: string;
  serverPublicKey: JsonWebKeyP256;
  serverTime: number;
  period: 30;
  digits: 6;
  algorithm: 'SHA1';
}

export interface SessionInfo {
  /** The cookie value to hand to the client; only its SHA-256 is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: number;
}

export interface UserView {
  id: string;
  loginId: string;
  name: string;
  role: UserRole;
  loginLocked: boolean;
  suspended: boolean; // 利用中止
  otpFailures: number;
  hasConfirmPin: boolean;
  hasCard: boolean;
  /** The serial of the token in force for this user (own token, or the contract's shared one). */
  serial: string | null;
  tokenStatus: TokenStatus | null;
  /** True when OTP is the user's transaction authentication (R4). */
  tokenActive: boolean;
}

export interface ContractView {
  id: string;
  contractNumber: string;
  name: string;
  branchCode: string;
  loginMethod: LoginMethod;
  usageMode: UsageMode;
  sharedSerial: string | null;
  contractPinLocked: boolean;
  stopped: boolean;
}

/** T2: a reused OTP, shown to the token's holder and the administrator (it may mean someone saw it). */
export interface ReplayAlert {
  at: number;
  serial: string;
  /** The user whose request carried the reused code. */
  userId: string;
}

export interface Me {
  user: UserView;
  contract: ContractView;
  /** Recent reused-OTP events on this user's token (all of the contract's for the administrator). */
  alerts?: ReplayAlert[];
}

/** Transaction authentication: the OTP once a token is active, else PIN + one card position (M2, R4). */
export type StepUpProof =
  | { otp: string }
  | { confirmPin: string; cardPosition: CardPosition; cardValue: string };

export const cardPositions = ['ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク'] as const;
export type CardPosition = (typeof cardPositions)[number];

export interface StepUpResult {
  method: 'otp' | 'legacy';
  /** The accepted time step (otp only). */
  step?: number;
}

/** One audit record as the bank reads it (L1, B1). */
export interface AuditView {
  /** The contract's id, or 'bank' for the bank's own acts and events of no contract. */
  chain: string;
  /** Position in the chain: 1, 2, 3 … */
  seq: number;
  at: number;
  actorType: string;
  actorId: string | null;
  contractId: string | null;
  action: string;
  subject: string | null;
  outcome: string;
  detail: Record<string, unknown>;
  /** HMAC-SHA-256 under the audit key (hex), chaining to the chain's previous record. */
  mac: string;
}

/** A page of the audit log, newest first; nextCursor continues it (null at the end). */
export interface AuditPage {
  items: AuditView[];
  nextCursor: string | null;
}

/** A place where the log does not hold: the chain (or '*' for the whole log) and the record. */
export interface AuditProblem {
  chain: string;
  seq: number | null;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Records whose MAC and link verified. */
  records: number;
  chains: number;
  /** At most one per chain (a chain is not read past its first break), at most 100 in all. */
  problems: AuditProblem[];
  /** When verified against a checkpoint: when it was made and how many chains it vouched for. */
  checkpoint?: { createdAt: number; chains: number };
}

/** An account as its holder sees it (残高照会, M9). Amounts are integer yen. */
export interface AccountView {
  id: string;
  branchCode: string;
  branchName: string;
  type: AccountType;
  /** Zengin 預金種目: 1 普通, 2 当座, 4 貯蓄. */
  typeCode: 1 | 2 | 4;
  number: string;
  holderKana: string;
  balance: Yen;
  overdraftLimit: Yen;
  /** What may be paid out now: balance + overdraft limit (支払可能残高). */
  available: Yen;
  status: AccountStatus;
}

/** An account as the back office sees it, with the contract it belongs to. */
export interface BankAccountView extends AccountView {
  contractNumber: string | null;
}

/** One line of 入出金明細 (M9): a debit (出金) or a credit (入金) and the balance after it. */
export interface StatementLine {
  /** The account's posting number: lines sort by it. */
  seq: number;
  at: number;
  /** The day in Japan, YYYY-MM-DD. */
  date: string;
  /** 摘要 */
  description: string;
  debit: Yen | null;
  credit: Yen | null;
  balance: Yen;
}

/**
 * One page of 入出金明細 for a range of days: the range's balances and up to `limit` of its
 * lines, oldest first. The lines of every page, in order, are the range's lines.
 */
export interface Statement {
  account: AccountView;
  /** Inclusive days in Japan, YYYY-MM-DD. */
  from: string;
  to: string;
  /** 前残: the balance at the start of `from`. */
  openingBalance: Yen;
  /** The balance at the end of `to` as this page was read (the opening balance when no line). */
  closingBalance: Yen;
  /** This page's lines. */
  lines: StatementLine[];
  /** Asks for the range's next lines; null when this page ends the range. */
  nextCursor: string | null;
}

export interface StatementQuery {
  from: string;
  to: string;
  /** Lines per page, 1 … 1000, default 500. */
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

/** The statement as CSV: the bytes come page by page, so a year of lines is never held at once. */
export interface StatementCsv {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<Uint8Array>;
}

/** M1 reconciliation (`kinko ledger verify`). */
export interface LedgerVerification {
  ok: boolean;
  accounts: number;
  entries: number;
  postings: number;
  problems: string[];
}

export type * from './transfers/api.ts';

/** Transfers and payees are declared in transfers/api.ts (M2–M4, M6–M8). */
export interface KinkoApi extends TransfersApi {
  serverTime(): number;

  // --- provisioning (T5, T9)
  activateToken(actor: AnonymousActor, publicKey: unknown): Promise<ActivationResult>;
  /** T9: only when config.otpauthEnabled; returns serial and otpauth:// URI (holds the seed). */
  activateOtpauthToken(actor: AnonymousActor, label: string): Promise<{ serial: string; uri: string }>;
  expireUnregisteredTokens(): Promise<number>;

  // --- customer login (A1, A4)
  login(
    actor: AnonymousActor,
    input: { contractNumber: string; loginId: string; password: string },
  ): Promise<{ session: SessionInfo; me: Me }>;
  /** Resolves a session cookie; touches it (idle timeout). Throws auth.session_expired / auth.required. */
  resumeSession(
    sessionToken: string,
    realm: 'customer' | 'bank',
  ): Promise<{ subjectId: string; contractId: string | null; csrfToken: string; role?: UserRole }>;
  logout(sessionToken: string): Promise<void>;
  me(actor: CustomerActor): Promise<Me>;
  changePassword(
    actor: CustomerActor,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void>;

  // --- step-up (M2, R4, T2, T3, A2): the one function transfers, files and bills call
  stepUpChallenge(
    actor: CustomerActor,
  ): Promise<{ method: 'otp' } | { method: 'legacy'; cardPosition: CardPosition }>;
  stepUp(actor: CustomerActor, proof: StepUpProof, purpose: string): Promise<StepUpResult>;

  // --- administrator (R1–R5, A2)
  listUsers(actor: CustomerActor): Promise<{ contract: ContractView; users: UserView[] }>;
  createUser(
    actor: CustomerActor,
    input: { loginId: string; name: string; password: string; contractPin: string },
  ): Promise<UserView>;
  updateUser(
    actor: CustomerActor,
    userId: string,
    input: { name?: string; password?: string; contractPin: string },
  ): Promise<UserView>;
  removeUser(actor: CustomerActor, userId: string, input: { contractPin: string }): Promise<void>;
  setUsageMode(actor: CustomerActor, input: { mode: UsageMode; contractPin: string }): Promise<ContractView>;
  /** R2: serial + current OTP + contract PIN. Individual mode: userIds (≥1). Shared: all users. T7 revokes replaced tokens. */
  registerToken(
    actor: CustomerActor,
    input: { serial: string; otp: string; contractPin: string; userIds?: string[] },
  ): Promise<{ contract: ContractView; users: UserView[] }>;
  /** R5: removes the user's registration (individual) or the shared one (userId omitted). */
  removeTokenRegistration(
    actor: CustomerActor,
    input: { userId?: string; contractPin: string },
  ): Promise<void>;
  /** A2: 利用中止解除 (also clears a password lockout). */
  unlockUser(actor: CustomerActor, userId: string, input: { contractPin: string }): Promise<UserView>;
  /** Issues (or re-issues) the legacy ア～ク card; the values are returned once. */
  issueCard(
    actor: CustomerActor,
    userId: string,
    input: { contractPin: string },
  ): Promise<Record<CardPosition, string>>;
  setConfirmPin(
    actor: CustomerActor,
    userId: string,
    input: { confirmPin: string; contractPin: string },
  ): Promise<void>;

  // --- back office (B1, A3)
  operatorLogin(
    actor: AnonymousActor,
    input: { loginId: string; password: string },
  ): Promise<{ session: SessionInfo; operator: { id: string; loginId: string; name: string } }>;
  operatorProfile(actor: OperatorActor): Promise<{ id: string; loginId: string; name: string }>;
  listBranches(actor: OperatorActor): Promise<{ code: string; name: string }[]>;
  openContract(
    actor: OperatorActor,
    input: {
      branchCode: string;
      name: string;
      loginMethod: LoginMethod;
      contractPin: string;
      admin: { loginId: string; name: string; password: string };
      contractNumber?: string;
    },
  ): Promise<ContractView>;
  listContracts(actor: OperatorActor): Promise<ContractView[]>;
  getContract(
    actor: OperatorActor,
    contractNumber: string,
  ): Promise<{ contract: ContractView; users: UserView[] }>;
  /** A3: restore an administrator: new password and/or new contract PIN, clears every lockout. */
  restoreAdministrator(
    actor: OperatorActor,
    contractNumber: string,
    input: { newPassword?: string; newContractPin?: string },
  ): Promise<ContractView>;
  revokeToken(actor: OperatorActor, serial: string): Promise<void>;
  /** B1, L1: the log newest first, a page at a time, optionally one contract's chain. */
  readAudit(
    actor: OperatorActor,
    opts: { cursor?: string; limit?: number; contractNumber?: string },
  ): Promise<AuditPage>;
  /** L1: walks every chain; a back-office act, checked and audited like the others (B1). */
  verifyAudit(actor: OperatorActor): Promise<AuditVerification>;

  // --- ledger (M1, M9)
  /** B1: opens an account at a branch, for a contract or none, with an opening deposit from vault cash. */
  openAccount(
    actor: OperatorActor,
    input: {
      contractNumber: string | null;
      branchCode: string;
      type: AccountType;
      holderKana: string;
      openingDeposit: number;
      overdraftLimit?: number;
    },
  ): Promise<BankAccountView>;
  /** 残高照会: the contract's accounts this user may use, with balances. */
  listAccounts(actor: CustomerActor): Promise<AccountView[]>;
  /** 入出金明細 for days in Japan, from and to inclusive (at most a year), a page at a time. */
  statement(actor: CustomerActor, accountId: string, query: StatementQuery): Promise<Statement>;
  /**
   * Every line of the range as CSV: UTF-8 with BOM, or Shift_JIS for Excel in Japan. The first
   * page is read (and the request checked) before this resolves; the rest as `chunks` is read.
   */
  statementCsv(
    actor: CustomerActor,
    accountId: string,
    query: Pick<StatementQuery, 'from' | 'to'> & { encoding: 'utf8' | 'shift_jis' },
  ): Promise<StatementCsv>;
  /** M1: recomputes every balance from the journal and checks the invariants. */
  verifyLedger(): Promise<LedgerVerification>;
}
