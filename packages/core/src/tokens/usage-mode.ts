import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireAdmin } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import type { ContractView } from '../identity/views.ts';
import { contractTokens, toContractView } from '../identity/views.ts';
import type { ContractRecord, Store, UsageMode } from '../ports.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import { effectiveTokenId, isActive } from './effective.ts';

const modes: readonly UsageMode[] = ['individual', 'shared'];

/** One user whose token in force would change with a switch of 利用形態 (R3). */
export interface UsageModeChange {
  userId: string;
  loginId: string;
  name: string;
  /** The serial in force now, or null. */
  serialBefore: string | null;
  /** The serial in force after the switch (a dormant registration of the other mode), or null. */
  serialAfter: string | null;
}

/**
 * What a switch to `mode` does to the users' registrations, so the administrator is told before
 * it happens (issue 9.3). `released`: users whose registered token stops being in force (it is
 * kept, dormant, and comes back with a switch back; until then the user has no token, or the
 * other mode's token); `restored`: users whose dormant registration of that mode comes back.
 */
export interface UsageModeImpact {
  from: UsageMode;
  to: UsageMode;
  released: UsageModeChange[];
  restored: UsageModeChange[];
}

function assertMode(mode: unknown): asserts mode is UsageMode {
  if (!modes.includes(mode as UsageMode))
    throw new KinkoError('request.invalid', 'mode must be individual or shared');
}

async function impactOf(store: Store, contract: ContractRecord, to: UsageMode): Promise<UsageModeImpact> {
  const tokens = await contractTokens(store, contract.id);
  const after = { ...contract, usageMode: to };
  const serial = (id: string | null) => {
    const token = id === null ? undefined : tokens.get(id);
    return isActive(token) ? token.serial : null;
  };
  const released: UsageModeChange[] = [];
  const restored: UsageModeChange[] = [];
  for (const u of await store.users.listByContract(contract.id)) {
    const serialBefore = serial(effectiveTokenId(contract, u));
    const serialAfter = serial(effectiveTokenId(after, u));
    if (serialBefore === serialAfter) continue;
    const change = { userId: u.id, loginId: u.loginId, name: u.name, serialBefore, serialAfter };
    if (serialBefore !== null) released.push(change);
    else restored.push(change);
  }
  return { from: contract.usageMode, to, released, restored };
}

/** 利用形態設定 (R3), before the switch: whose registration it releases or brings back. */
export async function usageModeImpact(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { mode: UsageMode },
): Promise<UsageModeImpact> {
  assertMode(input?.mode);
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    return impactOf(tx.store, contract, input.mode);
  });
}

/**
 * 利用形態設定 (R3). Registrations of the other mode are kept, dormant: switching back brings
 * them into force again, so a mistaken switch costs no re-registration. A switch that takes a
 * registered token out of force for any user needs `confirmed: true` (the administrator was
 * shown usageModeImpact), so that no client releases registrations by accident; it is refused
 * before the PIN is checked, so the refusal costs no PIN attempt.
 */
export async function setUsageMode(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { mode: UsageMode; contractPin: string; confirmed?: boolean },
): Promise<ContractView> {
  assertMode(input?.mode);
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const impact = contract.usageMode === input.mode ? null : await impactOf(tx.store, contract, input.mode);
    if (impact && impact.released.length > 0 && input.confirmed !== true) {
      const names = impact.released.map((c) => `${c.loginId} (${c.serialBefore})`).join(', ');
      throw new KinkoError(
        'token.usage_mode_unconfirmed',
        `Switching to ${input.mode} mode takes the registered token out of force for ${impact.released.length} user(s): ${names}. Show them to the administrator (GET /api/v1/admin/usage-mode/impact) and send confirmed: true.`,
        { released: impact.released.length },
      );
    }
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    if (impact) {
      await tx.store.contracts.update(contract.id, { usageMode: input.mode });
      tx.audit({
        actor,
        action: 'contract.usage_mode_set',
        detail: {
          from: contract.usageMode,
          to: input.mode,
          releasedUserIds: impact.released.map((c) => c.userId),
          restoredUserIds: impact.restored.map((c) => c.userId),
        },
      });
    }
    return toContractView(
      { ...contract, usageMode: input.mode },
      await contractTokens(tx.store, contract.id),
    );
  });
}
