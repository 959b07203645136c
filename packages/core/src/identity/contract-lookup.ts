import { KinkoError } from '../errors.ts';
import type { ContractRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';
import { isContractNumber } from './policy.ts';

/** The contract a bank operator names by its ご契約先ID; a malformed number is simply not found. */
export async function findContract(tx: Tx, contractNumber: unknown): Promise<ContractRecord> {
  const contract = isContractNumber(contractNumber)
    ? await tx.store.contracts.getByNumber(contractNumber)
    : null;
  if (!contract) throw new KinkoError('contract.not_found');
  return contract;
}
