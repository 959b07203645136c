/** B1: the bank opens a deposit account (口座開設), with an opening deposit posted from vault cash. */

import { KinkoError } from '../errors.ts';
import type { OperatorActor } from '../identity/actors.ts';
import { findContract } from '../identity/contract-lookup.ts';
import { newId, randomDigits } from '../identity/ids.ts';
import { requireOperator } from '../identity/operators.ts';
import type { AccountType, CustomerAccountRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { accountLabel, isAccountType, isBranchCode } from './accounts.ts';
import { normaliseHolderKana } from './holder-kana.ts';
import { post } from './post.ts';
import type { BankAccountView } from './views.ts';
import { branchNames, toAccountView } from './views.ts';
import { amountFrom, yen, ZERO_YEN } from './yen.ts';

export interface OpenAccountInput {
  /** The internet-banking contract, or null for an account outside IB. */
  contractNumber: string | null;
  branchCode: string;
  type: AccountType;
  holderKana: string;
  openingDeposit: number;
  /** 当座貸越: how far below 0 the account may go; default 0. */
  overdraftLimit?: number;
}

export async function openAccount(
  deps: KinkoDeps,
  actor: OperatorActor,
  input: OpenAccountInput,
): Promise<BankAccountView> {
  if (!isAccountType(input?.type))
    throw new KinkoError('request.invalid', 'type is ordinary, current or savings');
  if (!isBranchCode(input.branchCode)) throw new KinkoError('branch.not_found');
  const holderKana = normaliseHolderKana(input.holderKana);
  const openingDeposit = amountFrom(input.openingDeposit, 'opening deposit', 0);
  const overdraftLimit =
    input.overdraftLimit === undefined ? ZERO_YEN : amountFrom(input.overdraftLimit, 'overdraft limit', 0);

  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    if (!(await tx.store.branches.get(input.branchCode))) throw new KinkoError('branch.not_found');
    const contract = input.contractNumber === null ? null : await findContract(tx, input.contractNumber);
    const account: CustomerAccountRecord = {
      id: newId(deps.random),
      internal: null,
      branchCode: input.branchCode,
      type: input.type,
      number: '',
      holderKana,
      contractId: contract?.id ?? null,
      overdraftLimit,
      balance: ZERO_YEN,
      lastSeq: 0,
      status: 'active',
      createdAt: tx.now,
    };
    account.number = await insertWithFreeNumber(tx, account);
    tx.audit({
      actor,
      action: 'account.opened',
      subject: accountLabel(account),
      contractId: account.contractId,
      detail: { accountId: account.id, openingDeposit, overdraftLimit },
    });
    if (openingDeposit > 0) {
      // M1: the deposit comes from somewhere: vault cash, which goes negative by what customers hold.
      const vault = await tx.store.accounts.getInternal('vault_cash');
      await post(tx, {
        actor,
        kind: 'deposit',
        memo: '開設入金',
        reference: account.id,
        lines: [
          { accountId: vault.id, amount: yen(-openingDeposit) },
          { accountId: account.id, amount: openingDeposit },
        ],
      });
    }
    const opened = await tx.store.accounts.get(account.id);
    if (opened?.internal !== null) throw new Error('ledger: the account just opened is missing');
    const view = toAccountView(opened, await branchNames(tx.store));
    return { ...view, contractNumber: contract?.contractNumber ?? null };
  });
}

/**
 * 口座番号: 7 random digits, unique per branch (checked here, enforced by the store's unique
 * constraint). Random rather than sequential so that a number says nothing about how many
 * customers a branch has or when the account was opened.
 */
/**
 * A random free 7-digit number for the branch. Looked up first (the common case costs no failed
 * insert), and the insert itself refuses a number that a concurrent opening took meanwhile, in
 * which case another is drawn: two operators opening accounts at once never meet a 500.
 */
async function insertWithFreeNumber(tx: Tx, account: CustomerAccountRecord): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const n = randomDigits(tx.deps.random, 7);
    if (n === '0000000') continue;
    if (await tx.store.accounts.getByNumber(account.branchCode, n)) continue;
    if (await tx.store.accounts.insert({ ...account, number: n })) return n;
  }
  throw new Error('no free account number after 20 attempts');
}
