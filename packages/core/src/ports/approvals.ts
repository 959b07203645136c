// --- approvals (M5a)

export type ApprovalModeRecord = 'none' | 'single' | 'double_ordered' | 'double_unordered';
/** One approval given: 'single' (シングル承認), or 'first' then 'final' (ダブル承認). */
export const APPROVAL_STEPS = ['single', 'first', 'final'] as const;
type ApprovalStep = (typeof APPROVAL_STEPS)[number];

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
  approvals: { userId: string; step: ApprovalStep; at: number }[];
  expiresAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface ApprovalsStore {
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
}
