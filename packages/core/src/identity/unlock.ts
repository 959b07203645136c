import { KinkoError } from '../errors.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { CustomerActor } from './actors.ts';
import { requireAdminOver } from './authz.ts';
import { checkContractPin } from './contract-pin.ts';
import type { UserView } from './views.ts';
import { userView } from './views.ts';

/**
 * A2: 利用中止解除. The administrator lifts a user's suspension (and a password lockout) with the
 * contract PIN. An administrator's own lockout is the bank's to lift (A3), never their own.
 */
export function unlockUser(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { contractPin: string },
): Promise<UserView> {
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    if (target.role === 'admin') {
      throw new KinkoError('user.is_administrator', "an administrator's lockout is lifted by the bank (A3)");
    }
    if (!target.suspended && !target.loginLocked) throw new KinkoError('user.not_suspended');
    const pinFailure = await checkContractPin(tx, actor, contract, input?.contractPin);
    if (pinFailure) return pinFailure;
    await tx.store.users.update(target.id, {
      suspended: false,
      loginLocked: false,
      otpFailures: 0,
      passwordFailures: 0,
      confirmPinFailures: 0,
    });
    tx.audit({
      actor,
      action: 'user.unlocked',
      subject: target.id,
      detail: { suspended: target.suspended, loginLocked: target.loginLocked },
    });
    const user = await tx.store.users.get(target.id);
    if (!user) throw new Error('invariant: the unlocked user is readable');
    return userView(tx.store, user, contract);
  });
}
