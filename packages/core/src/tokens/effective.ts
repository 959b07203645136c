import type { CustomerContext } from '../identity/authz.ts';
import type { ContractRecord, Store, TokenRecord, UserRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';

/**
 * R3: the token in force for a user is the contract's shared token in shared mode, else the
 * user's own. Registrations of the other mode stay recorded but dormant.
 */
export function effectiveTokenId(contract: ContractRecord, user: UserRecord): string | null {
  return contract.usageMode === 'shared' ? contract.sharedTokenId : user.tokenId;
}

/** R4: only a registered token replaces the confirmation PIN and card. */
export function isActive(token: TokenRecord | null | undefined): token is TokenRecord {
  return token?.status === 'registered';
}

export async function loadEffectiveToken(
  store: Store,
  contract: ContractRecord,
  user: UserRecord,
): Promise<TokenRecord | null> {
  const id = effectiveTokenId(contract, user);
  if (id === null) return null;
  const token = await store.tokens.get(id);
  // A token always belongs to the contract it is registered in; anything else is not in force.
  return token && token.contractId === contract.id ? token : null;
}

/** T7/R5: a token still serves the contract while the shared slot or any user points at it. */
export async function isInUse(store: Store, contract: ContractRecord, tokenId: string): Promise<boolean> {
  if (contract.sharedTokenId === tokenId) return true;
  const users = await store.users.listByToken(tokenId);
  return users.some((u) => u.contractId === contract.id && !u.removed);
}

/** R4: the OTP authorises once the user's token is registered. */
export async function tokenActive(tx: Tx, ctx: CustomerContext): Promise<boolean> {
  return isActive(await loadEffectiveToken(tx.store, ctx.contract, ctx.user));
}
