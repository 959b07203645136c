/**
 * M5a settings and lists: the contract's approval setting (the administrator, contract PIN,
 * audited), the approvals inbox (what the caller may act on) and the requester's own requests.
 */

import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireAdmin } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import type { ApprovalSettingsRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { ApproverRights } from './states.ts';
import { APPROVAL_MODES, type ApprovalMode } from './states.ts';

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

export async function approvalSettingsOf(tx: Tx, contractId: string): Promise<ApprovalSettingsRecord> {
  return (await tx.store.approvals.getSettings(contractId)) ?? { mode: 'none', approverMustDiffer: false };
}

export function rightsOf(privileges: readonly string[]): ApproverRights {
  return {
    approver: privileges.includes('approve'),
    firstApprover: privileges.includes('first_approve'),
    finalApprover: privileges.includes('final_approve'),
  };
}
