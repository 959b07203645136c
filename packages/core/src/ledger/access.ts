/**
 * Which accounts a customer may see and use. A single place, so that per-user account
 * privileges (M5, DOMAIN §1.5: 利用口座 set by the administrator) land here and nowhere else.
 */

import { KinkoError } from '../errors.ts';
import type { CustomerContext } from '../identity/authz.ts';
import type { CustomerAccountRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { zenginTypeCode } from './accounts.ts';

/**
 * The contract's accounts the user may use. For now every user may use all of the contract's
 * accounts; per-user privileges (M5) filter here.
 */
export async function usableAccounts(tx: Tx, ctx: CustomerContext): Promise<CustomerAccountRecord[]> {
  const accounts = await tx.store.accounts.listByContract(ctx.contract.id);
  // As on a passbook list: by branch, then 預金種目 (普通 1, 当座 2, 貯蓄 4), then number.
  return accounts
    .filter((a) => a.status !== 'closed' && mayUse(ctx, a))
    .sort(
      (x, y) =>
        x.branchCode.localeCompare(y.branchCode) ||
        zenginTypeCode[x.type] - zenginTypeCode[y.type] ||
        x.number.localeCompare(y.number),
    );
}

/**
 * One of the user's usable accounts. Another contract's account, an internal account, a closed
 * one and an unknown id are all 'account.not_found', so that nobody learns another customer's
 * account exists.
 */
export async function requireUsableAccount(
  tx: Tx,
  ctx: CustomerContext,
  accountId: unknown,
): Promise<CustomerAccountRecord> {
  const account =
    typeof accountId === 'string' && accountId.length <= 64 ? await tx.store.accounts.get(accountId) : null;
  if (
    !account ||
    account.internal !== null ||
    account.contractId !== ctx.contract.id ||
    account.status === 'closed' ||
    !mayUse(ctx, account)
  ) {
    throw new KinkoError(
      'account.not_found',
      'No such account: the id is one of the open accounts of the contract that this user may use (GET /api/v1/accounts lists them).',
    );
  }
  return account;
}

/** The per-user hook (M5): today every user of the contract may use each of its accounts. */
function mayUse(_ctx: CustomerContext, _account: CustomerAccountRecord): boolean {
  return true;
}
