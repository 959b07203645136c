/**
 * M5a settings and lists: the contract's approval setting (the administrator, contract PIN,
 * audited), the approvals inbox (what the caller may act on) and the requester's own requests.
 */

import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireAdmin } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import { privilegesOf } from '../identity/privileges.ts';
import type { ApprovalSettingsRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import { APPROVAL_MODES, type ApprovalMode, type ApprovalState, awaitsApproval } from './approval-states.ts';
import { approvalSettingsOf, approvalView, rightsOf } from './approvals.ts';
import { transferContext } from './enter.ts';
import type { ApprovalView } from './views.ts';

export function getApprovalSettings(deps: KinkoDeps, actor: CustomerActor): Promise<ApprovalSettingsRecord> {
  return runUseCase(deps, async (tx) => approvalSettingsOf(tx, (await requireAdmin(tx, actor)).contract.id));
}

/** M5a: none / single / double (ordered or unordered), optionally "approver must differ". */
export async function setApprovalSettings(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { mode: unknown; approverMustDiffer: unknown; contractPin: string },
): Promise<ApprovalSettingsRecord> {
  const mode = input?.mode;
  if (!(APPROVAL_MODES as readonly unknown[]).includes(mode) || typeof input.approverMustDiffer !== 'boolean')
    throw new KinkoError('request.invalid', `mode must be one of ${APPROVAL_MODES.join(', ')}`);
  const next: ApprovalSettingsRecord = {
    mode: mode as ApprovalMode,
    approverMustDiffer: input.approverMustDiffer,
  };
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    const before = await approvalSettingsOf(tx, contract.id);
    // Requests already submitted keep the setting they were made under (approval_requests.mode).
    await tx.store.approvals.putSettings(contract.id, next, tx.now);
    tx.audit({
      actor,
      action: 'approval.settings_set',
      subject: contract.id,
      detail: { before, after: next },
    });
    return next;
  });
}

/**
 * M5a: 'inbox' lists the requests waiting for an approval the caller may give (the state machine
 * decides at the action; this is the screen's list); 'mine' the caller's own requests.
 */
export function listApprovals(
  deps: KinkoDeps,
  actor: CustomerActor,
  opts: { box?: 'inbox' | 'mine' } = {},
): Promise<ApprovalView[]> {
  return runUseCase(deps, async (tx) => {
    const ctx = await transferContext(tx, actor);
    const me = ctx.user.id;
    const all = await tx.store.approvals.listByContract(ctx.contract.id, { limit: 200 });
    if (opts.box === 'mine')
      return Promise.all(all.filter((r) => r.requesterId === me).map((r) => approvalView(tx, r)));
    const rights = rightsOf(await privilegesOf(tx, me));
    const mayAct = (r: (typeof all)[number]) => {
      const state = r.state as ApprovalState;
      // 承認取消: the approver's own approval, while waiting for the other or until processed.
      if (r.approvals.some((a) => a.userId === me)) return awaitsApproval(state) || state === 'approved';
      if (!awaitsApproval(state)) return false;
      if (r.approverMustDiffer && r.requesterId === me) return false;
      if (r.mode !== 'double_ordered') return rights.approver;
      return r.state === 'pending_approval' ? rights.firstApprover : rights.finalApprover;
    };
    return Promise.all(all.filter(mayAct).map((r) => approvalView(tx, r)));
  });
}
