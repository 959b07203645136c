import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { CustomerActor } from './actors.ts';
import { requireAdminOver } from './authz.ts';
import { checkContractPin } from './contract-pin.ts';
import { assertPin } from './policy.ts';
import { hashSecret } from './secrets.ts';

/** 利用者確認暗証番号: set by the administrator; authorises transactions until a token is active (M2). */
export async function setConfirmPin(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { confirmPin: string; contractPin: string },
): Promise<void> {
  assertPin(input?.confirmPin, 'confirmation PIN');
  const confirmPinHash = await hashSecret(deps, input.confirmPin);
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    await tx.store.users.update(target.id, { confirmPinHash, confirmPinFailures: 0 });
    tx.audit({ actor, action: 'user.confirm_pin_set', subject: target.id });
  });
}
