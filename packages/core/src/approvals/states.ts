/**
 * M5a: the states, actions and graph of approval (承認, DOMAIN §1.7), per contract setting.
 * The transitions themselves are approval-flow.ts; which actions ask for the OTP, approval-otp.ts.
 */

/** The contract's approval setting (承認なし / シングル承認 / ダブル承認 順序あり・順序なし). */
export type ApprovalMode = 'none' | 'single' | 'double_ordered' | 'double_unordered';

export const APPROVAL_MODES: readonly ApprovalMode[] = [
  'none',
  'single',
  'double_ordered',
  'double_unordered',
];

export type ApprovalState =
  | 'draft' // 作成中: entered by the requester, not yet submitted
  | 'pending_approval' // 承認待ち (in double_unordered, also after the first of two approvals)
  | 'first_approved' // 一次承認済: double_ordered only, waiting for the 最終承認者
  | 'approved' // 承認済: may be processed
  | 'processed' // 処理済
  | 'withdrawn' // 引戻し: pulled back by the requester before approval
  | 'returned' // 差戻し: returned by an approver
  | 'approval_cancelled' // 承認取消: an approver took the approval back before processing
  | 'expired'; // 期限切れ: the 承認期限 passed before approval

export const APPROVAL_STATES = [
  'draft',
  'pending_approval',
  'first_approved',
  'approved',
  'processed',
  'withdrawn',
  'returned',
  'approval_cancelled',
  'expired',
] as const satisfies readonly ApprovalState[];

export type ApprovalAction =
  | 'submit' // 承認依頼 (the requester); in 'none' mode this is the execution itself
  | 'approve' // 承認 (an approver; one step of two in the double modes)
  | 'withdraw' // 引戻し (the requester)
  | 'return' // 差戻し (an approver)
  | 'cancel_approval' // 承認取消 (an approver who approved)
  | 'expire' // 期限切れ (the system, at expiresAt)
  | 'process'; // 処理 (the system, once approved)

export const APPROVAL_ACTIONS: readonly ApprovalAction[] = [
  'submit',
  'approve',
  'withdraw',
  'return',
  'cancel_approval',
  'expire',
  'process',
];

/** The codes of a refused transition (errors.ts). */
export type ApprovalRefusalCode =
  | 'approval.not_allowed' // the actor lacks the role or privilege for this action
  | 'approval.same_person' // the requester approving where they must differ, or one approver twice
  | 'approval.wrong_order' // double_ordered: a 最終承認者 at the first step, or the reverse
  | 'approval.expired' // the 承認期限 has passed
  | 'approval.invalid_state'; // no such action from this state

/** The privileges of the acting user that approval cares about (DOMAIN §1.5, 承認権限). */
export interface ApproverRights {
  /** May approve in 'single' and 'double_unordered' mode. */
  approver: boolean;
  /** 一次承認者: may take the first step in 'double_ordered' mode. */
  firstApprover: boolean;
  /** 最終承認者: may take the second step in 'double_ordered' mode. */
  finalApprover: boolean;
}

export const NO_RIGHTS: ApproverRights = { approver: false, firstApprover: false, finalApprover: false };

/** Which approval a mark records: the only one ('single'), or the first or last of two. */
export type ApprovalStep = 'single' | 'first' | 'final';

/** One approval given, kept by the caller in order (the `approval` of a transition's record). */
export interface ApprovalMark {
  userId: string;
  step: ApprovalStep;
  at: number;
}

/** How many distinct approvers a mode needs before processing. */
export function requiredApprovals(mode: ApprovalMode): 0 | 1 | 2 {
  if (mode === 'none') return 0;
  return mode === 'single' ? 1 : 2;
}

/** The states an action can still change; the others are final. */
export function isTerminal(state: ApprovalState): boolean {
  return (
    state === 'processed' ||
    state === 'withdrawn' ||
    state === 'returned' ||
    state === 'approval_cancelled' ||
    state === 'expired'
  );
}

/** Waiting for an approver: the 承認期限 applies. */
export function awaitsApproval(state: ApprovalState): boolean {
  return state === 'pending_approval' || state === 'first_approved';
}

/** Whether a state can occur under a mode ('none': submit approves at once; 一次承認済 only when ordered). */
export function isReachable(state: ApprovalState, mode: ApprovalMode): boolean {
  if (mode === 'none') return state === 'draft' || state === 'approved' || state === 'processed';
  if (state === 'first_approved') return mode === 'double_ordered';
  return true;
}

/** Every edge of the graph, over all modes: a transition never takes another. */
export const APPROVAL_EDGES: Readonly<Record<ApprovalState, readonly ApprovalState[]>> = {
  draft: ['pending_approval', 'approved'],
  // pending → pending: the first of two approvals in double_unordered.
  pending_approval: [
    'pending_approval',
    'first_approved',
    'approved',
    'withdrawn',
    'returned',
    'approval_cancelled',
    'expired',
  ],
  first_approved: ['approved', 'withdrawn', 'returned', 'approval_cancelled', 'expired'],
  approved: ['processed', 'approval_cancelled'],
  processed: [],
  withdrawn: [],
  returned: [],
  approval_cancelled: [],
  expired: [],
};
