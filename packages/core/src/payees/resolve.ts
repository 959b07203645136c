/**
 * Where a transfer goes (M3 step 1): one of the contract's own accounts (振替), a payee from a
 * list, or a payee typed now (都度指定); and where that payee stands for M4.
 */

import { KinkoError } from '../errors.ts';
import type { CustomerContext } from '../identity/authz.ts';
import { requireUsableAccount } from '../ledger/access.ts';
import type { CustomerAccountRecord, PayeeStandingRecord, TransferKind } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { lookupBank, type OwnBankBranches } from '../zengin/index.ts';
import { type Destination, toDestination } from './destination.ts';
import type { TransferDestinationInput } from './views.ts';

export interface ResolvedDestination {
  kind: TransferKind;
  destination: Destination;
  /** This bank's account to credit; null for another bank. */
  toAccountId: string | null;
  payeeId: string | null;
  standing: PayeeStandingRecord;
}

export async function ownBank(tx: Tx): Promise<OwnBankBranches> {
  return { ownBankCode: tx.deps.config.ownBankCode, ownBranches: await tx.store.branches.list() };
}

export async function resolveDestination(
  tx: Tx,
  ctx: CustomerContext,
  to: TransferDestinationInput,
  from: CustomerAccountRecord,
): Promise<ResolvedDestination> {
  if (to === null || typeof to !== 'object') throw new KinkoError('request.invalid', 'to is required');
  const ownBankCode = tx.deps.config.ownBankCode;
  switch (to.kind) {
    case 'own': {
      const account = await requireUsableAccount(tx, ctx, to.accountId);
      return ownAccount(tx, ownBankCode, account, from);
    }
    case 'payee': {
      const p = typeof to.payeeId === 'string' ? await tx.store.payees.get(to.payeeId) : null;
      // A payee of another contract, or another user's own list, is reported as missing.
      const visible =
        p &&
        !p.removed &&
        p.contractId === ctx.contract.id &&
        (p.kind === 'registered' || p.ownerUserId === ctx.user.id);
      if (!p || !visible) throw new KinkoError('payee.not_found');
      const destination: Destination = {
        bankCode: p.bankCode,
        bankName: p.bankName,
        branchCode: p.branchCode,
        branchName: p.branchName,
        accountType: p.accountType,
        accountNumber: p.accountNumber,
        name: p.name,
      };
      return typed(tx, ctx, ownBankCode, destination, from, p.id);
    }
    case 'typed':
      // Only a typed destination needs this bank's branch list (to check a branch code).
      return typed(tx, ctx, ownBankCode, toDestination(to, await ownBank(tx)), from, null);
    default:
      throw new KinkoError('request.invalid', "to.kind is 'own', 'payee' or 'typed'");
  }
}

async function typed(
  tx: Tx,
  ctx: CustomerContext,
  ownBankCode: string,
  destination: Destination,
  from: CustomerAccountRecord,
  payeeId: string | null,
): Promise<ResolvedDestination> {
  let toAccountId: string | null = null;
  if (destination.bankCode === ownBankCode) {
    const account = await tx.store.accounts.getByNumber(destination.branchCode, destination.accountNumber);
    if (!account || account.type !== destination.accountType || account.status === 'closed') {
      throw new KinkoError(
        'payee.account_not_found',
        'No account of this bank has that branch, type and number.',
      );
    }
    // 振替 by another route: the contract's own account is never a "first-time payee".
    if (account.contractId === ctx.contract.id) return ownAccount(tx, ownBankCode, account, from);
    toAccountId = account.id;
  }
  // M4: an account registered in writing counts as registered however the user picked it.
  const registered = await tx.store.payees.findRegistered(ctx.contract.id, destination);
  const standing: PayeeStandingRecord = registered
    ? 'registered'
    : (await tx.store.transfers.paidBefore(ctx.contract.id, destination))
      ? 'paid_before'
      : 'first_time';
  return {
    kind: toAccountId === null ? 'other_bank' : 'same_bank',
    destination,
    toAccountId,
    payeeId: registered?.id ?? payeeId,
    standing,
  };
}

async function ownAccount(
  tx: Tx,
  ownBankCode: string,
  account: CustomerAccountRecord,
  from: CustomerAccountRecord,
): Promise<ResolvedDestination> {
  if (account.id === from.id) {
    throw new KinkoError('transfer.same_account', 'The payer and payee accounts are the same account.');
  }
  const branch = await tx.store.branches.get(account.branchCode);
  return {
    kind: 'own',
    destination: {
      bankCode: ownBankCode,
      bankName: lookupBank(ownBankCode).name,
      branchCode: account.branchCode,
      branchName: branch?.name ?? '',
      accountType: account.type,
      accountNumber: account.number,
      name: account.holderKana,
    },
    toAccountId: account.id,
    payeeId: null,
    standing: 'own_account',
  };
}
