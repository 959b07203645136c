import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireAdmin, requireContractUser } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import type { ContractView, UserView } from '../identity/views.ts';
import { contractWithUsers } from '../identity/views.ts';
import { isOtpFormat, parseSerial } from '../otp/index.ts';
import type { ContractRecord, TokenRecord, UserRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { checkOtp, otpFailed, otpReplayed } from './otp-check.ts';
import { revokeUnused } from './revocation.ts';

const PURPOSE = 'token.registration';

/**
 * 利用登録 (R1–R3, T7): the administrator registers a token by its serial, a code it shows now
 * (proof of possession, which consumes the step, T2) and the contract PIN. Individual mode
 * links it to the chosen users; shared mode makes it the contract's one token, in force for
 * every user including later ones. A token this replaces that serves no one else is revoked.
 */
export async function registerToken(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { serial: string; otp: string; contractPin: string; userIds?: string[] },
): Promise<{ contract: ContractView; users: UserView[] }> {
  // T4: the check character catches a mistyped serial before any lookup.
  const serial = parseSerial(input?.serial);
  if (typeof input.otp !== 'string' || !isOtpFormat(input.otp))
    throw new KinkoError(
      'otp.malformed',
      'A one-time password is exactly 6 digits (0–9), as the token shows it (full-width digits, spaces and hyphens are read as typed); no letters or other characters.',
    );
  return runUseCase(deps, async (tx) => {
    const { user: admin, contract } = await requireAdmin(tx, actor);
    const targets = await targetUsers(tx, contract, input.userIds);
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    const token = assertRegistrable(await tx.store.tokens.getBySerial(serial), contract, tx.now);
    if (admin.suspended) throw new KinkoError('otp.user_suspended');

    // A2: a wrong code here is the administrator's OTP failure, like any other.
    const check = await checkOtp(tx, token, input.otp);
    if (check.kind === 'replayed') return otpReplayed(tx, actor, token, check.step, PURPOSE);
    if (check.kind === 'invalid') return otpFailed(tx, actor, admin, token, PURPOSE);
    await tx.store.users.resetFailures(admin.id, 'otp');

    if (token.status !== 'registered') {
      await tx.store.tokens.update(token.id, {
        status: 'registered',
        contractId: contract.id,
        registeredAt: tx.now,
      });
    }
    let replaced: (string | null)[];
    if (contract.usageMode === 'shared') {
      replaced = [contract.sharedTokenId];
      await tx.store.contracts.update(contract.id, { sharedTokenId: token.id });
    } else {
      replaced = targets.map((u) => u.tokenId);
      for (const u of targets) await tx.store.users.update(u.id, { tokenId: token.id });
    }
    tx.audit({
      actor,
      action: 'token.registered',
      subject: token.serial,
      detail: { mode: contract.usageMode, userIds: targets.map((u) => u.id), step: check.step },
    });
    // T7: the old serial is revoked when the new one is registered.
    await revokeUnused(
      tx,
      actor,
      contract.id,
      replaced.filter((id) => id !== token.id),
      'replaced',
    );
    return contractWithUsers(tx.store, await reread(tx, contract.id));
  });
}

/** R3: individual mode names the users (one token may serve several); shared mode names none. */
async function targetUsers(tx: Tx, contract: ContractRecord, userIds: unknown): Promise<UserRecord[]> {
  const given = Array.isArray(userIds) ? [...new Set(userIds)] : [];
  if (contract.usageMode === 'shared') {
    if (given.length > 0)
      throw new KinkoError('token.usage_mode_mismatch', 'shared mode registers for all users');
    return [];
  }
  if (given.length === 0)
    throw new KinkoError('token.usage_mode_mismatch', 'individual mode needs the users');
  if (given.length > tx.deps.config.maxUsersPerContract)
    throw new KinkoError('request.invalid', 'too many users');
  const users: UserRecord[] = [];
  for (const id of given) users.push(await requireContractUser(tx, contract, id));
  return users;
}

/**
 * R2: a token can be registered while it is freshly activated (not yet expired, T5) or already
 * registered to this same contract; never one that is revoked or belongs to another contract.
 */
function assertRegistrable(token: TokenRecord | null, contract: ContractRecord, now: number): TokenRecord {
  if (!token) throw new KinkoError('token.not_found');
  if (token.status === 'revoked') throw new KinkoError('token.revoked');
  if (token.status === 'expired' || (token.status === 'activated' && token.expiresAt <= now)) {
    throw new KinkoError('token.expired', 'activate the app again for a new serial');
  }
  if (token.contractId !== null && token.contractId !== contract.id)
    throw new KinkoError('token.not_registrable');
  return token;
}

/**
 * R5: removes a user's registration (individual) or the contract's shared one (no userId). A
 * token left serving no one is revoked: a removal usually means a lost or replaced phone (T7).
 */
export function removeTokenRegistration(
  deps: KinkoDeps,
  actor: CustomerActor,
  input: { userId?: string; contractPin: string },
): Promise<void> {
  return runUseCase(deps, async (tx) => {
    const { contract } = await requireAdmin(tx, actor);
    const target = input?.userId === undefined ? null : await requireContractUser(tx, contract, input.userId);
    const tokenId = target ? target.tokenId : contract.sharedTokenId;
    if (tokenId === null) throw new KinkoError('token.not_found', 'nothing is registered there');
    const pinFailure = await checkContractPin(tx, actor, contract, input.contractPin);
    if (pinFailure) return pinFailure;
    if (target) await tx.store.users.update(target.id, { tokenId: null });
    else await tx.store.contracts.update(contract.id, { sharedTokenId: null });
    const token = await tx.store.tokens.get(tokenId);
    tx.audit({
      actor,
      action: 'token.unregistered',
      subject: token?.serial ?? null,
      detail: { userId: target?.id ?? null, mode: target ? 'individual' : 'shared' },
    });
    await revokeUnused(tx, actor, contract.id, [tokenId], 'unregistered');
  });
}

async function reread(tx: Tx, contractId: string): Promise<ContractRecord> {
  const contract = await tx.store.contracts.get(contractId);
  if (!contract) throw new Error('invariant: the contract is readable');
  return contract;
}
