import { revokeHolderCertificates } from '../certificates/index.ts';
import { KinkoError } from '../errors.ts';
import type { UserRecord } from '../ports.ts';
import { revokeUnused } from '../tokens/revocation.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { CustomerActor } from './actors.ts';
import { requireAdmin, requireAdminOver } from './authz.ts';
import { checkContractPin } from './contract-pin.ts';
import { isUniqueViolation } from './errors.ts';
import { newId } from './ids.ts';
import { assertLoginId, assertPassword, normaliseName } from './policy.ts';
import { hashSecret } from './secrets.ts';
import type { UserView } from './views.ts';
import { contractWithUsers, userView } from './views.ts';

type NewUserFields = Pick<
  UserRecord,
  'id' | 'contractId' | 'loginId' | 'name' | 'role' | 'passwordHash' | 'createdAt'
>;

/** A user as first stored, administrator or not: no failures, locks, PINs, card or token yet. */
export function newUserRecord(fields: NewUserFields): UserRecord {
  return {
    ...fields,
    passwordFailures: 0,
    loginLocked: false,
    otpFailures: 0,
    confirmPinFailures: 0,
    suspended: false,
    confirmPinHash: null,
    cardCiphertext: null,
    tokenId: null,
    cardChallenge: null,
    removed: false,
  };
}

/** 利用者情報登録／変更: the administrator's list of users with their token state (R5). */
export function listUsers(deps: KinkoDeps, actor: CustomerActor) {
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    return contractWithUsers(tx.store, contract);
  });
}

export async function createUser(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { loginId: string; name: string; password: string; contractPin: string },
): Promise<UserView> {
  assertLoginId(input.loginId);
  const name = normaliseName(input.name);
  assertPassword(input.password);
  // Hashed before the transaction: argon2 must not hold the write lock.
  const passwordHash = await hashSecret(deps, input.password);
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    // DOMAIN §1.2: at most 99 users per contract, the administrator included.
    if ((await tx.store.users.countByContract(contract.id)) >= deps.config.maxUsersPerContract) {
      throw new KinkoError('contract.user_limit');
    }
    if (await tx.store.users.getByLogin(contract.id, input.loginId))
      throw new KinkoError('user.login_id_taken');
    const id = newId(deps.random);
    try {
      await tx.store.users.insert(
        newUserRecord({
          id,
          contractId: contract.id,
          loginId: input.loginId,
          name,
          role: 'user',
          passwordHash,
          createdAt: tx.now,
        }),
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new KinkoError('user.login_id_taken');
      throw e;
    }
    tx.audit({ actor, action: 'user.created', subject: id, detail: { loginId: input.loginId } });
    const user = await tx.store.users.get(id);
    if (!user) throw new Error('invariant: the inserted user is readable');
    return userView(tx.store, user, contract);
  });
}

/** A password set by the administrator also lifts a password lockout (DOMAIN §1.10). */
export async function updateUser(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { name?: string; password?: string; contractPin: string },
): Promise<UserView> {
  const name = input.name === undefined ? undefined : normaliseName(input.name);
  if (input.password !== undefined) assertPassword(input.password);
  const passwordHash = input.password === undefined ? undefined : await hashSecret(deps, input.password);
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    const fields: string[] = [];
    if (name !== undefined) {
      await tx.store.users.update(target.id, { name });
      fields.push('name');
    }
    if (passwordHash !== undefined) {
      await tx.store.users.update(target.id, { passwordHash, passwordFailures: 0, loginLocked: false });
      // Sessions opened with the old password end, except the administrator's own current one.
      if (target.id !== actor.userId) await tx.store.sessions.deleteBySubject(target.id);
      fields.push('password');
    }
    tx.audit({ actor, action: 'user.updated', subject: target.id, detail: { fields } });
    const user = await tx.store.users.get(target.id);
    if (!user) throw new Error('invariant: the updated user is readable');
    return userView(tx.store, user, contract);
  });
}

/** R5: removing a user ends their sessions and revokes a token left serving no one (T7). */
export function removeUser(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { contractPin: string },
): Promise<void> {
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    if (target.role === 'admin') throw new KinkoError('user.is_administrator');
    const pinFailure = await checkContractPin(tx, actor, contract, input?.contractPin);
    if (pinFailure) return pinFailure;
    await tx.store.users.update(target.id, { removed: true, tokenId: null, cardChallenge: null });
    await tx.store.sessions.deleteBySubject(target.id);
    tx.audit({ actor, action: 'user.removed', subject: target.id, detail: { loginId: target.loginId } });
    await revokeUnused(tx, actor, contract.id, [target.tokenId], 'user_removed');
    await revokeHolderCertificates(tx, actor, contract.id, target.id);
  });
}
