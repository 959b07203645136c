/**
 * The transfer and payee use cases core offers (M2–M4, M6–M8), part of KinkoApi. Create calls
 * take the request's Idempotency-Key (M3); core refuses a missing or malformed one.
 */

import type { CustomerActor, OperatorActor } from '../identity/actors.ts';
import type {
  LayerLimits,
  LimitsInput,
  LimitsView,
  ProposedLimits,
  UserLimitsView,
} from '../limits/index.ts';
import type { PayeeAccountInput, PayeeList, PayeeView } from '../payees/index.ts';
import type { ApprovalSettingsRecord } from '../ports.ts';
import type { StepUpProof } from '../tokens/proof.ts';
import type { DirectoryEntry, OutboundItem } from '../zengin/index.ts';
import type { ApprovalUserAction } from './approval.ts';
import type { OutboundExport, OutboundFormat } from './outbound.ts';
import type { TransferListQuery } from './queries.ts';
import type { ScheduledRun } from './scheduled.ts';
import type {
  ApprovalView,
  PendingTransfer,
  TransferInput,
  TransferPage,
  TransferReceipt,
  TransferView,
} from './views.ts';

export type { Privilege } from '../identity/privileges.ts';
export type {
  LayerLimits,
  LimitsInput,
  LimitsView,
  ProposedLimits,
  UserLimitsView,
} from '../limits/index.ts';
export type * from '../payees/index.ts';
export type { ApprovalSettingsRecord } from '../ports.ts';
export type { DirectoryEntry, OutboundItem } from '../zengin/index.ts';
export type { ApprovalUserAction } from './approval.ts';
export type * from './views.ts';

export type PayeeInput = PayeeAccountInput & { nickname?: string | null };

export interface TransfersApi {
  /** 入力 (M3 step 1): fee, the payee as the bank shows it, value date, the proof needed (M2). */
  enterTransfer(
    actor: CustomerActor,
    input: TransferInput,
    idempotencyKey: string | undefined,
  ): Promise<PendingTransfer>;
  /**
   * 確認・実行 (M3 step 2): the step-up (unless the bank's configuration asks none, M5b), then
   * posted (today) or scheduled (M6); the 受付番号.
   */
  confirmTransfer(
    actor: CustomerActor,
    transferId: string,
    proof: StepUpProof | undefined,
    idempotencyKey: string | undefined,
  ): Promise<TransferReceipt>;
  /**
   * 予約取消 with the step-up (unless the bank's configuration asks none, M5b), until the day
   * before the value date (M6).
   */
  cancelScheduledTransfer(
    actor: CustomerActor,
    transferId: string,
    proof: StepUpProof | undefined,
  ): Promise<TransferView>;
  /** The user's own transfers, newest first, a page at a time (limit 1 … 500, default 100). */
  listTransfers(actor: CustomerActor, opts?: TransferListQuery): Promise<TransferPage>;
  getTransfer(actor: CustomerActor, transferId: string): Promise<TransferView>;
  /** M6: the job: posts scheduled transfers whose value date has come; idempotent, multi-process safe. */
  runScheduledTransfers(now?: number): Promise<ScheduledRun>;

  /** M5: the bank's ceiling, the contract's and each user's limits and privileges (administrator). */
  getLimits(actor: CustomerActor): Promise<LimitsView>;
  /** M5: ご契約先限度額変更 and per-user limits, within the bank's ceiling; contract PIN (R2). */
  setLimits(actor: CustomerActor, input: LimitsInput): Promise<LimitsView>;
  /** M5: 利用権限 of one user; contract PIN (R2). */
  setUserPrivileges(
    actor: CustomerActor,
    userId: string,
    input: { privileges: unknown; contractPin: string },
  ): Promise<UserLimitsView>;
  /** M5: 契約限度額 of one contract (the back office); null: the configured default. */
  setBankLimits(
    actor: OperatorActor,
    contractNumber: string,
    limits: ProposedLimits | null,
  ): Promise<LayerLimits>;

  /** M5a: the contract's approval setting (administrator). */
  getApprovalSettings(actor: CustomerActor): Promise<ApprovalSettingsRecord>;
  setApprovalSettings(
    actor: CustomerActor,
    input: { mode: unknown; approverMustDiffer: unknown; contractPin: string },
  ): Promise<ApprovalSettingsRecord>;
  /** M5a: the inbox (what the caller may approve or return) or the caller's own requests. */
  listApprovals(actor: CustomerActor, opts?: { box?: 'inbox' | 'mine' }): Promise<ApprovalView[]>;
  /** M5a: 承認 / 差戻し / 承認取消 / 引戻し; the OTP where M5b asks for it (承認 by default). */
  actOnApproval(
    actor: CustomerActor,
    approvalId: string,
    action: ApprovalUserAction,
    proof: StepUpProof | undefined,
  ): Promise<ApprovalView>;

  /** 事前登録, the user's own list and 最近10回 (M8). */
  listPayees(actor: CustomerActor): Promise<PayeeList>;
  savePayee(actor: CustomerActor, input: PayeeInput, idempotencyKey: string | undefined): Promise<PayeeView>;
  removeSavedPayee(actor: CustomerActor, payeeId: string): Promise<void>;
  /** M8: banks by code prefix, name or kana, for the names shown while a payee is typed. */
  searchBanks(actor: CustomerActor, query: string): Promise<DirectoryEntry[]>;
  /** M8: a bank's branches by code prefix, name or kana; this bank's from the back office's list. */
  searchBranches(actor: CustomerActor, bankCode: string, query: string): Promise<DirectoryEntry[]>;

  /** B1: 事前登録 from the customer's written form. */
  registerWrittenPayee(
    actor: OperatorActor,
    contractNumber: string,
    input: PayeeInput,
    idempotencyKey: string | undefined,
  ): Promise<PayeeView>;
  listWrittenPayees(actor: OperatorActor, contractNumber: string): Promise<PayeeView[]>;
  removeWrittenPayee(actor: OperatorActor, contractNumber: string, payeeId: string): Promise<void>;
  /** The day's outbound items for the Zengin network (operator, or the CLI as the system). */
  listOutbound(actor: OperatorActor | { kind: 'system' }, date: string): Promise<OutboundItem[]>;
  exportOutbound(
    actor: OperatorActor | { kind: 'system' },
    date: string,
    format: OutboundFormat,
  ): Promise<OutboundExport>;
}
