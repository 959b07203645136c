import { KinkoError } from '../errors.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { CustomerActor } from './actors.ts';
import { requireCustomer } from './authz.ts';
import { recordPasswordFailure } from './login.ts';
import { assertPassword, isSecretInput } from './policy.ts';
import { hashSecret, verifySecret } from './secrets.ts';
import type { Me } from './views.ts';
import { meView } from './views.ts';

/** The signed-in user, their contract and any reused-OTP alerts for them (T2). */
export function me(deps: KinkoDeps, actor: CustomerActor): Promise<Me> {
  return runUseCase(deps, async (tx) => {
    const { user, contract } = await requireCustomer(tx, actor);
    return meView(tx.store, user, contract);
  });
}

/** A wrong current password counts towards the login lock like a wrong login (A4). */
export async function changePassword(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  assertPassword(input?.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw new KinkoError('request.invalid', 'the new password must differ from the current one');
  }
  const passwordHash = await hashSecret(deps, input.newPassword);
  return runUseCase(deps, async (tx) => {
    const { user } = await requireCustomer(tx, actor);
    const current = isSecretInput(input.currentPassword) ? input.currentPassword : '';
    if (current === '' || !(await verifySecret(user.passwordHash, current))) {
      return recordPasswordFailure(tx, actor, user);
    }
    await tx.store.users.update(user.id, { passwordHash, passwordFailures: 0 });
    tx.audit({ actor, action: 'password.changed', subject: user.id });
  });
}
