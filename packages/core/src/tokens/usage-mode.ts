import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireAdmin } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import type { ContractView } from '../identity/views.ts';
import { contractTokens, toContractView } from '../identity/views.ts';
import type { UsageMode } from '../ports.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';

const modes: readonly UsageMode[] = ['individual', 'shared'];

/**
 * 利用形態設定 (R3). Registrations of the other mode are kept, dormant: switching back brings
 * them into force again, so a mistaken switch costs no re-registration.
 */
export function setUsageMode(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { mode: UsageMode; contractPin: string },
): Promise<ContractView> {
  if (!modes.includes(input?.mode))
    throw new KinkoError('request.invalid', 'mode must be individual or shared');
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    if (contract.usageMode !== input.mode) {
      await tx.store.contracts.update(contract.id, { usageMode: input.mode });
      tx.audit({
        actor,
        action: 'contract.usage_mode_set',
        detail: { from: contract.usageMode, to: input.mode },
      });
    }
    return toContractView(
      { ...contract, usageMode: input.mode },
      await contractTokens(tx.store, contract.id),
    );
  });
}
