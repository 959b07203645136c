/**
 * M5a: the approval state machine (承認, DOMAIN §1.7). Pure: the caller loads the state, the
 * approvals given so far and the contract's setting, passes the time in, and stores what comes
 * back (the next state and a record for the history and audit log) in the same transaction.
 *
 *   draft ─submit→ pending_approval ─approve→ approved ─process→ processed
 *   ('none': draft ─submit→ approved;  double_ordered: pending ─一次承認→ first_approved ─最終承認→ approved;
 *    double_unordered: pending ─approve→ pending ─approve (another person)→ approved)
 *   pending / first_approved ─withdraw (requester)→ withdrawn
 *                            ─return (an approver)→ returned
 *                            ─expire (at expiresAt)→ expired
 *   first_approved / approved (or pending with an approval given) ─cancel_approval (who approved)→ approval_cancelled
 *
 * Withdrawn, returned, cancelled and expired requests are final: a corrected request is a new
 * one, so that approvals never carry over to changed data. The double modes always need two
 * different people (one person approving twice is not a double approval); approverMustDiffer
 * also keeps the requester from approving or returning their own request (DOMAIN §1.7: a bank
 * may make approval by another user mandatory).
 */
import {
  type ApprovalAction,
  type ApprovalMark,
  type ApprovalMode,
  type ApprovalRefusalCode,
  type ApprovalState,
  type ApprovalStep,
  type ApproverRights,
  awaitsApproval,
  isReachable,
  requiredApprovals,
} from './states.ts';

export interface ApprovalContext {
  actorUserId: string;
  actorRights: ApproverRights;
  requesterUserId: string;
  now: number;
  /** 承認期限 (epoch ms); from it on, a request waiting for approval is expired. null: none. */
  expiresAt: number | null;
  mode: ApprovalMode;
  approverMustDiffer: boolean;
  /** The approvals given so far, in order. */
  approvals: readonly ApprovalMark[];
}

/** What happened, for the request's history and the audit log (L1). */
interface ApprovalRecord {
  action: ApprovalAction;
  from: ApprovalState;
  to: ApprovalState;
  actorUserId: string;
  at: number;
  /** For an approval: the mark to append to the request's approvals. */
  approval: ApprovalMark | null;
}

export interface Transitioned {
  next: ApprovalState;
  record: ApprovalRecord;
}

export type TransitionResult =
  | ({ ok: true } & Transitioned)
  | {
      ok: false;
      code: ApprovalRefusalCode;
      message: string;
      /**
       * Set when the refusal is because the request has just expired: the caller stores this
       * expiry (and commits it) while refusing the action, as the 'expire' job would have.
       */
      expiry: Transitioned | null;
    };

type Refusal = Extract<TransitionResult, { ok: false }>;

function refuse(code: ApprovalRefusalCode, message: string, expiry: Transitioned | null = null): Refusal {
  return { ok: false, code, message, expiry };
}

function move(
  state: ApprovalState,
  action: ApprovalAction,
  ctx: ApprovalContext,
  next: ApprovalState,
  approval: ApprovalMark | null = null,
): Transitioned {
  return {
    next,
    record: { action, from: state, to: next, actorUserId: ctx.actorUserId, at: ctx.now, approval },
  };
}

function isDue(ctx: ApprovalContext): boolean {
  return ctx.expiresAt !== null && ctx.now >= ctx.expiresAt;
}

function invalid(state: ApprovalState, action: ApprovalAction): Refusal {
  return refuse('approval.invalid_state', `A request that is ${state} cannot be given '${action}'.`);
}

/** M5a: one step of the approval state machine. */
export function transition(
  state: ApprovalState,
  action: ApprovalAction,
  ctx: ApprovalContext,
): TransitionResult {
  if (!isReachable(state, ctx.mode)) {
    return refuse('approval.invalid_state', `A request cannot be ${state} in '${ctx.mode}' mode.`);
  }
  if (state === 'expired') return refuse('approval.expired', 'The approval deadline (承認期限) has passed.');
  // Past the deadline a request waiting for approval is expired, whatever is tried (M5a 期限切れ).
  if (awaitsApproval(state) && isDue(ctx) && action !== 'expire') {
    return refuse(
      'approval.expired',
      'The approval deadline (承認期限) has passed.',
      move(state, 'expire', ctx, 'expired'),
    );
  }
  switch (action) {
    case 'submit':
      return submit(state, ctx);
    case 'approve':
      return approve(state, ctx);
    case 'withdraw':
      if (!awaitsApproval(state)) return invalid(state, action);
      if (ctx.actorUserId !== ctx.requesterUserId)
        return refuse('approval.not_allowed', 'Only the requester can withdraw a request (引戻し).');
      return ok(move(state, action, ctx, 'withdrawn'));
    case 'return':
      return returnRequest(state, ctx);
    case 'cancel_approval':
      if (!awaitsApproval(state) && state !== 'approved') return invalid(state, action);
      if (!ctx.approvals.some((a) => a.userId === ctx.actorUserId))
        return refuse(
          'approval.not_allowed',
          'Only an approver who approved can cancel the approval (承認取消).',
        );
      return ok(move(state, action, ctx, 'approval_cancelled'));
    case 'expire':
      if (!awaitsApproval(state)) return invalid(state, action);
      if (!isDue(ctx)) return refuse('approval.not_allowed', 'The approval deadline has not passed yet.');
      return ok(move(state, action, ctx, 'expired'));
    case 'process':
      if (state !== 'approved') return invalid(state, action);
      // An invariant of the data the caller passes: never process short of the approvals needed.
      if (distinctApprovers(ctx.approvals) < requiredApprovals(ctx.mode))
        return refuse('approval.invalid_state', 'The request lacks the approvals its mode needs.');
      return ok(move(state, action, ctx, 'processed'));
  }
}

function ok(t: Transitioned): TransitionResult {
  return { ok: true, ...t };
}

function distinctApprovers(approvals: readonly ApprovalMark[]): number {
  return new Set(approvals.map((a) => a.userId)).size;
}

function submit(state: ApprovalState, ctx: ApprovalContext): TransitionResult {
  if (state !== 'draft') return invalid(state, 'submit');
  if (ctx.actorUserId !== ctx.requesterUserId)
    return refuse('approval.not_allowed', 'Only the requester can submit the request.');
  if (isDue(ctx)) return refuse('approval.expired', 'The approval deadline (承認期限) has already passed.');
  return ok(move(state, 'submit', ctx, ctx.mode === 'none' ? 'approved' : 'pending_approval'));
}

/** The step an approval now would take, or null where no approval is possible. */
function stepNow(state: ApprovalState, ctx: ApprovalContext): ApprovalStep | null {
  switch (ctx.mode) {
    case 'none':
      return null;
    case 'single':
      return state === 'pending_approval' ? 'single' : null;
    case 'double_unordered':
      if (state !== 'pending_approval') return null;
      return ctx.approvals.length === 0 ? 'first' : 'final';
    case 'double_ordered':
      if (state === 'pending_approval') return 'first';
      return state === 'first_approved' ? 'final' : null;
  }
}

/** Whether the actor holds the privilege for this step; 'wrong_order' for the other ordered step. */
function rightFor(step: ApprovalStep, ctx: ApprovalContext): 'yes' | 'no' | 'wrong_order' {
  const r = ctx.actorRights;
  if (ctx.mode !== 'double_ordered') return r.approver ? 'yes' : 'no';
  const mine = step === 'first' ? r.firstApprover : r.finalApprover;
  const other = step === 'first' ? r.finalApprover : r.firstApprover;
  if (mine) return 'yes';
  return other ? 'wrong_order' : 'no';
}

function approve(state: ApprovalState, ctx: ApprovalContext): TransitionResult {
  const step = stepNow(state, ctx);
  if (step === null) return invalid(state, 'approve');
  const right = rightFor(step, ctx);
  if (right === 'no') return refuse('approval.not_allowed', 'The user has no approval privilege (承認権限).');
  if (right === 'wrong_order') {
    return refuse(
      'approval.wrong_order',
      step === 'first'
        ? 'The 一次承認者 must approve before the 最終承認者.'
        : 'This request waits for the 最終承認者.',
    );
  }
  if (ctx.approverMustDiffer && ctx.actorUserId === ctx.requesterUserId)
    return refuse('approval.same_person', 'The approver must be someone other than the requester.');
  if (ctx.approvals.some((a) => a.userId === ctx.actorUserId))
    return refuse('approval.same_person', 'A double approval needs two different approvers.');
  let next: ApprovalState = 'approved';
  if (step === 'first') next = ctx.mode === 'double_ordered' ? 'first_approved' : 'pending_approval';
  return ok(move(state, 'approve', ctx, next, { userId: ctx.actorUserId, step, at: ctx.now }));
}

function returnRequest(state: ApprovalState, ctx: ApprovalContext): TransitionResult {
  const step = stepNow(state, ctx);
  if (step === null) return invalid(state, 'return');
  const r = ctx.actorRights;
  const mayApprove = ctx.mode === 'double_ordered' ? r.firstApprover || r.finalApprover : r.approver;
  if (!mayApprove) return refuse('approval.not_allowed', 'Only an approver can return a request (差戻し).');
  if (ctx.approverMustDiffer && ctx.actorUserId === ctx.requesterUserId)
    return refuse(
      'approval.same_person',
      'The requester cannot return their own request; withdraw it instead.',
    );
  return ok(move(state, 'return', ctx, 'returned'));
}
