/**
 * A1: the one way a contract number, login ID and password are looked up, for the login and for
 * the certificate pickup (A5), so that both answer every wrong part alike and neither reveals
 * which part was wrong. The argon2 check stays with the caller, outside its transaction.
 */
import { isStorableText } from '../audit/record.ts';
import type { ContractRecord, UserRecord } from '../ports.ts';
import type { KinkoDeps } from '../use-case.ts';
import { isContractNumber, isSecretInput } from './policy.ts';

/** A1: one answer for every wrong login, whichever part was wrong. */
export const INVALID_CREDENTIALS = 'The contract number, login ID or password is not correct.';

export interface LoginCandidate {
  contract: ContractRecord | null;
  /** The user the login ID names, unless there is none or they were removed. */
  known: UserRecord | null;
  /** The password as given, or '' when it is not a string a password could be. */
  secret: string;
}

export async function findLoginCandidate(
  deps: KinkoDeps,
  contractNumber: unknown,
  loginId: unknown,
  password: unknown,
): Promise<LoginCandidate> {
  const contract = isContractNumber(contractNumber)
    ? await deps.store.contracts.getByNumber(contractNumber)
    : null;
  // A login ID no database could store (a lone surrogate, NUL) matches no user; it is not looked up.
  const found =
    contract && typeof loginId === 'string' && isStorableText(loginId)
      ? await deps.store.users.getByLogin(contract.id, loginId)
      : null;
  const known = found && !found.removed ? found : null;
  return { contract, known, secret: isSecretInput(password) ? password : '' };
}
