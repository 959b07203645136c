/**
 * The bank and branch names shown while a payee is typed (M8): a read for a logged-in customer,
 * answered from the directory (bank-directory.ts); this bank's branches from the back office's list.
 */
import type { CustomerActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import { type DirectoryEntry, searchBanks, searchBranches } from '../zengin/index.ts';
import { ownBank } from './resolve.ts';

export function searchBankDirectory(
  deps: KinkoDeps,
  actor: CustomerActor,
  query: string,
): Promise<DirectoryEntry[]> {
  return runUseCase(deps, async (tx) => {
    await requireCustomer(tx, actor);
    return searchBanks(query);
  });
}

export function searchBranchDirectory(
  deps: KinkoDeps,
  actor: CustomerActor,
  bankCode: string,
  query: string,
): Promise<DirectoryEntry[]> {
  return runUseCase(deps, async (tx) => {
    await requireCustomer(tx, actor);
    return searchBranches(bankCode, query, await ownBank(tx));
  });
}
