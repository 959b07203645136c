import { describe, expect, it } from 'vitest';
import { DEFAULT_OTP_OPERATIONS } from '../config.ts';
import { isErrorCode } from '../errors.ts';
import { type ApprovalContext, transition } from './flow.ts';
import { needsOtp } from './otp.ts';
import {
  APPROVAL_ACTIONS,
  APPROVAL_MODES,
  APPROVAL_STATES,
  type ApprovalAction,
  type ApprovalMark,
  type ApprovalMode,
  type ApprovalRefusalCode,
  type ApprovalState,
  type ApproverRights,
  NO_RIGHTS,
} from './states.ts';

const ALL: ApproverRights = { approver: true, firstApprover: true, finalApprover: true };
const FIRST = (userId: string): ApprovalMark => ({ userId, step: 'first', at: 10 });
const FINAL = (userId: string): ApprovalMark => ({ userId, step: 'final', at: 20 });
const SINGLE = (userId: string): ApprovalMark => ({ userId, step: 'single', at: 10 });

function ctx(over: Partial<ApprovalContext> = {}): ApprovalContext {
  return {
    actorUserId: 'req',
    actorRights: ALL,
    requesterUserId: 'req',
    now: 1_000,
    expiresAt: 2_000,
    mode: 'single',
    approverMustDiffer: true,
    approvals: [],
    ...over,
  };
}

/** The natural actor of each action in the table: who would do it on the screen. */
const ACTOR: Record<ApprovalAction, { actorUserId: string; actorRights: ApproverRights; now?: number }> = {
  submit: { actorUserId: 'req', actorRights: NO_RIGHTS },
  approve: { actorUserId: 'a3', actorRights: ALL },
  withdraw: { actorUserId: 'req', actorRights: NO_RIGHTS },
  return: { actorUserId: 'a3', actorRights: ALL },
  cancel_approval: { actorUserId: 'a1', actorRights: ALL }, // a1 gave the first approval, if any
  expire: { actorUserId: 'system', actorRights: NO_RIGHTS, now: 2_000 }, // at expiresAt
  process: { actorUserId: 'system', actorRights: NO_RIGHTS },
};

// A next state, or a refusal: X approval.invalid_state, NA approval.not_allowed, EXP approval.expired.
type Cell = ApprovalState | 'X' | 'NA' | 'EXP';
const X: Cell[] = ['X', 'X', 'X', 'X', 'X', 'X', 'X'];
const EXP: Cell[] = ['EXP', 'EXP', 'EXP', 'EXP', 'EXP', 'EXP', 'EXP'];
const DONE = { processed: X, withdrawn: X, returned: X, approval_cancelled: X, expired: EXP };
const APPROVED: Cell[] = ['X', 'X', 'X', 'X', 'approval_cancelled', 'X', 'processed'];

//                  submit              approve             withdraw     return      cancel_approval       expire     process
const TABLE: Record<ApprovalMode, Record<ApprovalState, Cell[]>> = {
  none: {
    draft: ['approved', 'X', 'X', 'X', 'X', 'X', 'X'],
    pending_approval: X, // unreachable in 'none'
    first_approved: X,
    approved: ['X', 'X', 'X', 'X', 'NA', 'X', 'processed'], // nobody approved, nobody can cancel
    ...DONE,
    withdrawn: X,
    returned: X,
    approval_cancelled: X,
    expired: X,
  },
  single: {
    draft: ['pending_approval', 'X', 'X', 'X', 'X', 'X', 'X'],
    pending_approval: ['X', 'approved', 'withdrawn', 'returned', 'NA', 'expired', 'X'],
    first_approved: X, // ordered double only
    approved: APPROVED,
    ...DONE,
  },
  double_ordered: {
    draft: ['pending_approval', 'X', 'X', 'X', 'X', 'X', 'X'],
    pending_approval: ['X', 'first_approved', 'withdrawn', 'returned', 'NA', 'expired', 'X'],
    first_approved: ['X', 'approved', 'withdrawn', 'returned', 'approval_cancelled', 'expired', 'X'],
    approved: APPROVED,
    ...DONE,
  },
  double_unordered: {
    draft: ['pending_approval', 'X', 'X', 'X', 'X', 'X', 'X'],
    pending_approval: ['X', 'pending_approval', 'withdrawn', 'returned', 'NA', 'expired', 'X'],
    first_approved: X, // ordered double only
    approved: APPROVED,
    ...DONE,
  },
};
/** double_unordered, 承認待ち after a1's approval: the second approval completes it. */
const UNORDERED_ONE_APPROVAL: Cell[] = [
  'X',
  'approved',
  'withdrawn',
  'returned',
  'approval_cancelled',
  'expired',
  'X',
];

function approvalsFor(mode: ApprovalMode, state: ApprovalState): ApprovalMark[] {
  if (state === 'first_approved') return [FIRST('a1')];
  if (state !== 'approved' || mode === 'none') return [];
  return mode === 'single' ? [SINGLE('a1')] : [FIRST('a1'), FINAL('a2')];
}

function outcome(state: ApprovalState, action: ApprovalAction, c: ApprovalContext): Cell {
  const r = transition(state, action, { ...c, ...ACTOR[action] });
  if (r.ok) return r.next;
  return (
    { 'approval.invalid_state': 'X', 'approval.not_allowed': 'NA', 'approval.expired': 'EXP' } as const
  )[r.code as 'approval.invalid_state'];
}

describe('M5a: the approval state machine, every state × action per mode', () => {
  const cells = APPROVAL_MODES.flatMap((mode) =>
    APPROVAL_STATES.flatMap((state) =>
      APPROVAL_ACTIONS.map((action, i) => [mode, state, action, TABLE[mode][state][i]] as const),
    ),
  );
  it.each(cells)('M5a: %s: %s × %s → %s', (mode, state, action, expected) => {
    expect(outcome(state, action, ctx({ mode, approvals: approvalsFor(mode, state) }))).toBe(expected);
  });

  it.each(APPROVAL_ACTIONS.map((a, i) => [a, UNORDERED_ONE_APPROVAL[i]] as const))(
    'M5a: double_unordered: pending_approval with one approval × %s → %s',
    (action, expected) => {
      const c = ctx({ mode: 'double_unordered', approvals: [FIRST('a1')] });
      expect(outcome('pending_approval', action, c)).toBe(expected);
    },
  );
});

describe('M5a: refusals and records', () => {
  it('M5a: approverMustDiffer refuses the requester as approver; without it the requester may approve', () => {
    const c = ctx({ actorUserId: 'req', actorRights: ALL });
    expect(transition('pending_approval', 'approve', c)).toMatchObject({
      ok: false,
      code: 'approval.same_person',
    });
    expect(transition('pending_approval', 'approve', { ...c, approverMustDiffer: false })).toMatchObject({
      ok: true,
      next: 'approved',
      record: { approval: { userId: 'req', step: 'single', at: 1_000 } },
    });
    expect(transition('pending_approval', 'return', c)).toMatchObject({ code: 'approval.same_person' });
  });

  it.each(['double_ordered', 'double_unordered'] as const)(
    'M5a: %s needs two different people, whatever approverMustDiffer says',
    (mode) => {
      const state = mode === 'double_ordered' ? 'first_approved' : 'pending_approval';
      const c = ctx({ mode, actorUserId: 'a1', approvals: [FIRST('a1')], approverMustDiffer: false });
      expect(transition(state, 'approve', c)).toMatchObject({ ok: false, code: 'approval.same_person' });
      expect(transition(state, 'approve', { ...c, actorUserId: 'a2' })).toMatchObject({
        ok: true,
        next: 'approved',
        record: { approval: { userId: 'a2', step: 'final' } },
      });
    },
  );

  it('M5a: double_ordered: 一次承認者 first, then 最終承認者', () => {
    const c = ctx({ mode: 'double_ordered', actorUserId: 'a1' });
    const finalOnly = { ...NO_RIGHTS, finalApprover: true };
    const firstOnly = { ...NO_RIGHTS, firstApprover: true };
    expect(transition('pending_approval', 'approve', { ...c, actorRights: finalOnly })).toMatchObject({
      code: 'approval.wrong_order',
    });
    expect(transition('pending_approval', 'approve', { ...c, actorRights: firstOnly })).toMatchObject({
      ok: true,
      next: 'first_approved',
    });
    const second = { ...c, actorUserId: 'a2', approvals: [FIRST('a1')] };
    expect(transition('first_approved', 'approve', { ...second, actorRights: firstOnly })).toMatchObject({
      code: 'approval.wrong_order',
    });
    expect(transition('first_approved', 'approve', { ...second, actorRights: finalOnly })).toMatchObject({
      ok: true,
      next: 'approved',
    });
    expect(
      transition('pending_approval', 'approve', { ...c, actorRights: { ...NO_RIGHTS, approver: true } }),
    ).toMatchObject({
      code: 'approval.not_allowed',
    });
  });

  it('M5a: only the requester submits and withdraws; only an approver returns; only who approved cancels', () => {
    expect(transition('draft', 'submit', ctx({ actorUserId: 'a1' }))).toMatchObject({
      code: 'approval.not_allowed',
    });
    expect(transition('pending_approval', 'withdraw', ctx({ actorUserId: 'a1' }))).toMatchObject({
      code: 'approval.not_allowed',
    });
    const noRights = ctx({ actorUserId: 'x', actorRights: NO_RIGHTS });
    expect(transition('pending_approval', 'return', noRights)).toMatchObject({
      code: 'approval.not_allowed',
    });
    expect(transition('pending_approval', 'approve', noRights)).toMatchObject({
      code: 'approval.not_allowed',
    });
    const approved = ctx({ actorUserId: 'a2', approvals: [SINGLE('a1')] });
    expect(transition('approved', 'cancel_approval', approved)).toMatchObject({
      code: 'approval.not_allowed',
    });
  });

  it('M5a: past the deadline any action on a waiting request is refused and the request expires', () => {
    for (const state of ['pending_approval', 'first_approved'] as const) {
      for (const action of APPROVAL_ACTIONS.filter((a) => a !== 'expire')) {
        const c = ctx({ mode: 'double_ordered', actorUserId: 'a3', now: 2_000, approvals: [FIRST('a1')] });
        expect(transition(state, action, c)).toEqual({
          ok: false,
          code: 'approval.expired',
          message: expect.any(String),
          expiry: {
            next: 'expired',
            record: {
              action: 'expire',
              from: state,
              to: 'expired',
              actorUserId: 'a3',
              at: 2_000,
              approval: null,
            },
          },
        });
      }
    }
  });

  it('M5a: expire before the deadline, and submit after it, are refused; no deadline never expires', () => {
    expect(transition('pending_approval', 'expire', ctx({ now: 1_999 }))).toMatchObject({
      code: 'approval.not_allowed',
    });
    expect(transition('draft', 'submit', ctx({ now: 2_000 }))).toMatchObject({
      code: 'approval.expired',
      expiry: null,
    });
    expect(transition('pending_approval', 'expire', ctx({ now: 9e12, expiresAt: null }))).toMatchObject({
      code: 'approval.not_allowed',
    });
  });

  it('M5a: an approved request is not processed short of the approvals its mode needs', () => {
    const c = ctx({ mode: 'double_unordered', actorUserId: 'system', approvals: [FIRST('a1'), FINAL('a1')] });
    expect(transition('approved', 'process', c)).toMatchObject({ code: 'approval.invalid_state' });
  });
});

it('M5a: every refusal code is an error code (errors.ts; its status: server problem.test.ts)', () => {
  const codes: ApprovalRefusalCode[] = [
    'approval.not_allowed',
    'approval.same_person',
    'approval.wrong_order',
    'approval.expired',
    'approval.invalid_state',
  ];
  expect(codes.filter((c) => !isErrorCode(c))).toEqual([]);
});

describe('M5b: which approval actions ask for the OTP is per-bank configuration', () => {
  it('M5b: by default the OTP is asked for approval and execution only', () => {
    const single = { mode: 'single' as const, otpOperations: DEFAULT_OTP_OPERATIONS };
    expect(APPROVAL_ACTIONS.filter((a) => needsOtp(a, single))).toEqual(['approve']);
    const none = { mode: 'none' as const, otpOperations: DEFAULT_OTP_OPERATIONS };
    expect(APPROVAL_ACTIONS.filter((a) => needsOtp(a, none))).toEqual(['submit', 'approve']); // submit executes
  });

  it("M5b: a bank's own set is read as given", () => {
    const config = {
      mode: 'single' as const,
      otpOperations: new Set(['transfer.submit', 'transfer.return'] as const),
    };
    expect(APPROVAL_ACTIONS.filter((a) => needsOtp(a, config))).toEqual(['submit', 'return']);
    expect(APPROVAL_ACTIONS.some((a) => needsOtp(a, { mode: 'none', otpOperations: new Set() }))).toBe(false);
  });
});
