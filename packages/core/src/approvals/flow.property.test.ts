/**
 * M5a as a property: random sequences of actions by random actors, under a random contract
 * setting and random privileges, never leave the graph, never process a request without the
 * approvals its mode needs (distinct people, in order, with the privilege for their step), and
 * with approverMustDiffer never let the requester approve.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from './flow.ts';
import {
  APPROVAL_ACTIONS,
  APPROVAL_EDGES,
  APPROVAL_MODES,
  APPROVAL_STATES,
  type ApprovalAction,
  type ApprovalMark,
  type ApprovalMode,
  type ApprovalState,
  type ApproverRights,
  isReachable,
  isTerminal,
  requiredApprovals,
} from './states.ts';

const USERS = ['req', 'u1', 'u2', 'u3'] as const;
const rights: fc.Arbitrary<ApproverRights> = fc.record({
  approver: fc.boolean(),
  firstApprover: fc.boolean(),
  finalApprover: fc.boolean(),
});
const setting = fc.record({
  mode: fc.constantFrom(...APPROVAL_MODES),
  approverMustDiffer: fc.boolean(),
  expiresAt: fc.option(fc.integer({ min: 1, max: 1_500 })),
  rights: fc.tuple(rights, rights, rights, rights),
});
const step = fc.record({
  // Weighted towards the way forward, so that many sequences reach 処理済 in every mode.
  action: fc.oneof(
    { arbitrary: fc.constantFrom(...APPROVAL_ACTIONS), weight: 1 },
    { arbitrary: fc.constantFrom<ApprovalAction>('submit', 'approve', 'approve', 'process'), weight: 4 },
  ),
  actor: fc.integer({ min: 0, max: USERS.length - 1 }),
  dt: fc.integer({ min: 0, max: 30 }),
});

type Setting = { mode: ApprovalMode; expiresAt: number | null };

function expectComplete(
  s: Setting,
  approvals: readonly ApprovalMark[],
  rightsOf: (userId: string) => ApproverRights,
): void {
  const need = requiredApprovals(s.mode);
  expect(approvals).toHaveLength(need);
  expect(new Set(approvals.map((a) => a.userId)).size).toBe(need);
  const steps = {
    none: [],
    single: ['single'],
    double_ordered: ['first', 'final'],
    double_unordered: ['first', 'final'],
  };
  expect(approvals.map((a) => a.step)).toEqual(steps[s.mode]);
  for (const a of approvals) {
    const r = rightsOf(a.userId);
    if (s.mode !== 'double_ordered') expect(r.approver).toBe(true);
    else expect(a.step === 'first' ? r.firstApprover : r.finalApprover).toBe(true);
  }
  const times = approvals.map((a) => a.at);
  expect(times).toEqual([...times].sort((x, y) => x - y));
  if (s.expiresAt !== null) for (const t of times) expect(t).toBeLessThan(s.expiresAt);
}

describe('M5a: properties over random sequences of actions by random actors', () => {
  it('M5a: the state stays in the graph, and processing needs the right approvals by the right people', () => {
    const processed: Record<ApprovalMode, number> = {
      none: 0,
      single: 0,
      double_ordered: 0,
      double_unordered: 0,
    };
    fc.assert(
      fc.property(setting, fc.array(step, { maxLength: 40, size: 'max' }), (s, steps) => {
        const rightsOf = (userId: string) => s.rights[USERS.indexOf(userId as (typeof USERS)[number])]!;
        let state: ApprovalState = 'draft';
        const approvals: ApprovalMark[] = [];
        let now = 0;
        for (const { action, actor, dt } of steps) {
          now += dt;
          const actorUserId = USERS[actor]!;
          const r = transition(state, action, {
            actorUserId,
            actorRights: s.rights[actor]!,
            requesterUserId: 'req',
            now,
            expiresAt: s.expiresAt,
            mode: s.mode,
            approverMustDiffer: s.approverMustDiffer,
            approvals,
          });
          const moved = r.ok ? r : r.expiry;
          if (!moved) continue;
          expect(isTerminal(state)).toBe(false);
          expect(APPROVAL_EDGES[state]).toContain(moved.next);
          expect(isReachable(moved.next, s.mode)).toBe(true);
          expect(moved.record).toMatchObject({ from: state, to: moved.next, at: now });
          if (moved.record.approval) approvals.push(moved.record.approval);
          state = moved.next;
          if (s.approverMustDiffer) expect(approvals.map((a) => a.userId)).not.toContain('req');
          expect(approvals.length).toBeLessThanOrEqual(requiredApprovals(s.mode));
          // Approved (and so processed) only with the approvals the mode needs.
          if (state === 'approved' || state === 'processed') expectComplete(s, approvals, rightsOf);
        }
        if (state === 'processed') processed[s.mode]++;
      }),
      { numRuns: 2_000 },
    );
    // The sequences reached the interesting end in every mode.
    for (const mode of APPROVAL_MODES) expect(processed[mode]).toBeGreaterThan(0);
  });

  it('M5a: every refusal carries a stable code; only an expiry comes with a state to store', () => {
    fc.assert(
      fc.property(setting, fc.constantFrom(...APPROVAL_STATES), step, (s, state, st) => {
        const r = transition(state, st.action, {
          actorUserId: USERS[st.actor]!,
          actorRights: s.rights[st.actor]!,
          requesterUserId: 'req',
          now: st.dt * 20,
          expiresAt: s.expiresAt,
          mode: s.mode,
          approverMustDiffer: s.approverMustDiffer,
          approvals: [],
        });
        if (r.ok) return;
        expect(r.code).toMatch(/^approval\.(not_allowed|same_person|wrong_order|expired|invalid_state)$/);
        if (r.expiry) {
          expect(r.code).toBe('approval.expired');
          expect(r.expiry.next).toBe('expired');
        }
      }),
    );
  });
});
