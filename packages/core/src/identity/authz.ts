import { KinkoError } from '../errors.ts';
import type { ContractRecord, UserRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import type { CustomerActor } from './actors.ts';

export interface CustomerContext {
  user: UserRecord;
  contract: ContractRecord;
  /** contract.id, the key of the contract's own rows (idempotency keys, payees, transfers). */
  contractId: string;
}

/**
 * Every customer call is authorised from the stored user, not from what the session claims: the
 * user must still exist in the actor's contract, and a stopped contract (A6) refuses everything.
 */
export async function requireCustomer(tx: Tx, actor: CustomerActor): Promise<CustomerContext> {
  if (actor?.kind !== 'customer') throw new KinkoError('auth.required');
  const user = await tx.store.users.get(actor.userId);
  if (!user || user.removed || user.contractId !== actor.contractId) throw new KinkoError('auth.required');
  const contract = await tx.store.contracts.get(user.contractId);
  if (!contract) throw new KinkoError('auth.required');
  if (contract.stopped) throw new KinkoError('contract.stopped');
  return { user, contract, contractId: contract.id };
}

/** R1: administrative changes (ご契約先管理情報変更) are the administrator's alone. */
export async function requireAdmin(tx: Tx, actor: CustomerActor): Promise<CustomerContext> {
  const ctx = await requireCustomer(tx, actor);
  if (ctx.user.role !== 'admin') throw new KinkoError('auth.forbidden', 'administrator only');
  return ctx;
}

/**
 * A user of this contract. A user of another contract is reported exactly like a missing one,
 * so an administrator cannot learn that it exists.
 */
export async function requireContractUser(
  tx: Tx,
  contract: ContractRecord,
  userId: unknown,
): Promise<UserRecord> {
  const user = typeof userId === 'string' ? await tx.store.users.get(userId) : null;
  if (!user || user.removed || user.contractId !== contract.id) throw new KinkoError('user.not_found');
  return user;
}

/** The administrator acting on one user of their own contract (R1, R5, A2). */
export async function requireAdminOver(
  tx: Tx,
  actor: CustomerActor,
  userId: unknown,
): Promise<CustomerContext & { target: UserRecord }> {
  const ctx = await requireAdmin(tx, actor);
  return { ...ctx, target: await requireContractUser(tx, ctx.contract, userId) };
}
