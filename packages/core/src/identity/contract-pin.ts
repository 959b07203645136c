import { KinkoError } from '../errors.ts';
import type { ContractRecord } from '../ports.ts';
import { type Rejection, reject, type Tx } from '../use-case.ts';
import type { CustomerActor } from './actors.ts';
import { isSecretInput } from './policy.ts';
import { verifySecret } from './secrets.ts';

/**
 * ご契約先確認暗証番号: authorises every administrative change (R2, A2). Wrong PINs count
 * towards a lock (A4) that only the bank lifts (A3). Returns null when the PIN is right, or the
 * Rejection to return from the use case so the counter and audit commit before it is thrown.
 */
export async function checkContractPin(
  tx: Tx,
  actor: CustomerActor,
  contract: ContractRecord,
  pin: unknown,
): Promise<Rejection | null> {
  if (!isSecretInput(pin)) throw new KinkoError('request.invalid', 'contract PIN required');
  if (contract.contractPinLocked) {
    // L1: a try against a locked PIN is still a security event (someone is guessing), as a
    // try at a locked login is (login.locked); the PIN itself is not looked at.
    tx.audit({ actor, action: 'contract_pin.locked', outcome: 'failure', detail: { attempt: true } });
    return reject('pin.locked', 'the contract PIN is locked; the bank restores it (A3)');
  }
  if (await verifySecret(contract.contractPinHash, pin)) {
    // A4 counts consecutive failures, so a right PIN starts the count again.
    if (contract.contractPinFailures > 0)
      await tx.store.contracts.update(contract.id, { contractPinFailures: 0 });
    return null;
  }
  const max = tx.deps.config.maxPinFailures;
  const result = await tx.store.contracts.recordPinFailure(contract.id, max);
  tx.audit({
    actor,
    action: 'contract_pin.failure',
    outcome: 'failure',
    detail: { failures: result.failures },
  });
  if (result.locked) {
    tx.audit({ actor, action: 'contract_pin.locked', outcome: 'failure' });
    return reject('pin.locked', 'the contract PIN is locked; the bank restores it (A3)');
  }
  return reject('pin.invalid', 'wrong contract PIN', {
    remainingAttempts: Math.max(0, max - result.failures),
  });
}
