/**
 * The use cases core offers to the server and the CLI. One method per business operation; each
 * runs in one Store transaction and writes its audit records in that transaction (L1).
 * Implemented by `createKinko` in kinko.ts. Secrets (passwords, PINs, OTPs, seeds, card
 * values) come in as arguments and never go out in a result, except the legacy card on issue
 * and the otpauth URI when T9 is on, which are shown once to their rightful holder.
 */

import type { AuditCsv, AuditLang } from './audit/csv.ts';
import type { AuditQuery } from './audit/query.ts';
import type { AuditVerification } from './audit/verify.ts';
import type { AuditPage, AuditView } from './audit/view.ts';
import type { CertificatesApi } from './certificates/index.ts';
import type { AnonymousActor, CustomerActor, OperatorActor } from './identity/actors.ts';
import type { OpenContractInput, OpenedContract } from './identity/contracts.ts';
import type { OperatorProfile } from './identity/operators.ts';
import type { SessionInfo, SessionTiming } from './identity/sessions.ts';
import type { ContractView, Me, UserView } from './identity/views.ts';
import type { Statement, StatementLine, StatementQuery } from './ledger/statement.ts';
import type { StatementCsv } from './ledger/statement-csv.ts';
import type { LedgerVerification } from './ledger/verify.ts';
import type { AccountView, BankAccountView } from './ledger/views.ts';
import type { JsonWebKeyP256 } from './otp/jwk.ts';
import type { AccountType, UsageMode, UserRole } from './ports.ts';
import type { ActivationResult } from './tokens/activation.ts';
import type { CardPosition, StepUpProof, StepUpResult } from './tokens/proof.ts';
import type { TokenPublicStatus } from './tokens/public-status.ts';
import type { ReplayAlert } from './tokens/replay-alerts.ts';
import type { UsageModeChange, UsageModeImpact } from './tokens/usage-mode.ts';
import type { TransfersApi } from './transfers/index.ts';

export type * from './transfers/index.ts';
// The API's types, each declared beside the code that makes it, offered here in one place.
export type {
  AccountView,
  ActivationResult,
  AnonymousActor,
  AuditPage,
  AuditVerification,
  AuditView,
  BankAccountView,
  CardPosition,
  ContractView,
  CustomerActor,
  JsonWebKeyP256,
  LedgerVerification,
  Me,
  OperatorActor,
  OperatorProfile,
  ReplayAlert,
  SessionTiming,
  Statement,
  StatementCsv,
  StatementLine,
  StatementQuery,
  StepUpProof,
  StepUpResult,
  TokenPublicStatus,
  UsageModeChange,
  UsageModeImpact,
  UserView,
};

/** Transfers and payees are declared in transfers/api.ts (M2–M4, M6–M8). */
export interface KinkoApi extends TransfersApi, CertificatesApi {
  serverTime(): number;

  // --- provisioning (T5, T9)
  activateToken(actor: AnonymousActor, publicKey: unknown): Promise<ActivationResult>;
  /** T9: only when config.otpauthEnabled; returns serial and otpauth:// URI (holds the seed). */
  activateOtpauthToken(actor: AnonymousActor, label: string): Promise<{ serial: string; uri: string }>;
  expireUnregisteredTokens(): Promise<number>;
  /** Public: whether a serial is registered (to some contract), nothing more; the token app asks it. */
  tokenStatus(serial: string): Promise<TokenPublicStatus>;

  // --- customer login (A1, A4)
  login(
    actor: AnonymousActor,
    input: { contractNumber: string; loginId: string; password: string },
  ): Promise<{ session: SessionInfo; me: Me }>;
  /** Resolves a session cookie; touches it (idle timeout). Throws auth.session_expired / auth.required. */
  resumeSession(
    sessionToken: string,
    realm: 'customer' | 'bank',
  ): Promise<{
    subjectId: string;
    contractId: string | null;
    csrfToken: string;
    role?: UserRole;
    timing: SessionTiming;
  }>;
  /** A4: 延長: records activity now (the idle timeout starts again) and says how long is left. */
  extendSession(sessionToken: string, realm: 'customer' | 'bank'): Promise<SessionTiming>;
  logout(sessionToken: string): Promise<void>;
  me(actor: CustomerActor): Promise<Me>;
  /** T2: this user acknowledges one of their reused-OTP alerts; the other recipients still see it. */
  acknowledgeAlert(actor: CustomerActor, alertId: string): Promise<void>;
  changePassword(
    actor: CustomerActor,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void>;

  // --- step-up (M2, R4, T2, T3, A2): the one function transfers, files and bills call
  stepUpChallenge(
    actor: CustomerActor,
  ): Promise<{ method: 'otp' } | { method: 'legacy'; cardPosition: CardPosition }>;
  stepUp(actor: CustomerActor, proof: StepUpProof, purpose: string): Promise<StepUpResult>;
  /** トークン動作確認: a step-up that authorises nothing, audited as token.check (the code is used up). */
  checkToken(actor: CustomerActor, otp: string): Promise<StepUpResult>;

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
  /** R3: a switch of usage mode needs confirmed: true when it takes a registered token out of force. */
  setUsageMode(
    actor: CustomerActor,
    input: { mode: UsageMode; contractPin: string; confirmed?: boolean },
  ): Promise<ContractView>;
  /** R3: whose registration a switch to `mode` releases or brings back, shown before the switch. */
  usageModeImpact(actor: CustomerActor, input: { mode: UsageMode }): Promise<UsageModeImpact>;
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
  ): Promise<{ session: SessionInfo; operator: OperatorProfile }>;
  operatorProfile(actor: OperatorActor): Promise<OperatorProfile>;
  listBranches(actor: OperatorActor): Promise<{ code: string; name: string }[]>;
  /** B1, A5: a 電子証明書方式 contract's result carries the administrator's 取得 code, shown once. */
  openContract(actor: OperatorActor, input: OpenContractInput): Promise<OpenedContract>;
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
  readAudit(actor: OperatorActor, opts: AuditQuery): Promise<AuditPage>;
  /** B1: the same filtered log as CSV (UTF-8 with BOM), streamed page by page. */
  auditCsv(
    actor: OperatorActor,
    query: Omit<AuditQuery, 'cursor' | 'limit'> & { lang?: AuditLang },
  ): Promise<AuditCsv>;
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
