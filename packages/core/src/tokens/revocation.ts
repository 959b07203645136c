import { KinkoError } from '../errors.ts';
import type { Actor, OperatorActor } from '../identity/actors.ts';
import { requireOperator } from '../identity/operators.ts';
import { parseSerial } from '../otp/index.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { isInUse } from './effective.ts';

/**
 * T7/R5: a token that was replaced or unregistered and no longer serves anyone in the contract
 * is revoked, so a lost or handed-down phone cannot be registered again by mistake. Call after
 * the links have been changed in this transaction.
 */
export async function revokeUnused(
  tx: Tx,
  actor: Actor,
  contractId: string,
  tokenIds: readonly (string | null)[],
  reason: string,
): Promise<void> {
  const contract = await tx.store.contracts.get(contractId);
  if (!contract) return;
  for (const id of new Set(tokenIds)) {
    if (id === null) continue;
    const token = await tx.store.tokens.get(id);
    if (!token || token.status === 'revoked' || token.contractId !== contractId) continue;
    if (await isInUse(tx.store, contract, id)) continue;
    await tx.store.tokens.update(id, { status: 'revoked', revokedAt: tx.now });
    tx.audit({ actor, action: 'token.revoked', subject: token.serial, contractId, detail: { reason } });
  }
}

/** B1: the bank revokes a token (lost phone reported at the branch); it stops serving at once. */
export function revokeToken(deps: KinkoDeps, actor: OperatorActor, serial: string): Promise<void> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const token = await tx.store.tokens.getBySerial(parseSerial(serial));
    if (!token) throw new KinkoError('token.not_found');
    if (token.status === 'revoked') throw new KinkoError('token.revoked');
    await tx.store.tokens.update(token.id, { status: 'revoked', revokedAt: tx.now });
    const users = await tx.store.users.listByToken(token.id);
    for (const u of users) await tx.store.users.update(u.id, { tokenId: null });
    if (token.contractId !== null) {
      const contract = await tx.store.contracts.get(token.contractId);
      if (contract?.sharedTokenId === token.id)
        await tx.store.contracts.update(contract.id, { sharedTokenId: null });
    }
    tx.audit({
      actor,
      action: 'token.revoked',
      subject: token.serial,
      contractId: token.contractId,
      detail: { reason: 'bank', users: users.length },
    });
  });
}
