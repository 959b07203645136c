import { KinkoError } from '../errors.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import type { OperatorActor } from './actors.ts';
import { findContract } from './contract-lookup.ts';
import { requireOperator } from './operators.ts';
import { assertPassword, assertPin } from './policy.ts';
import { hashSecret } from './secrets.ts';
import type { ContractView } from './views.ts';
import { contractTokens, toContractView } from './views.ts';

/**
 * A3: an administrator who cannot log on (forgotten password, own lockout, locked contract PIN)
 * is restored by a bank operator: a new password and/or contract PIN, and every lockout of the
 * administrator and of the contract PIN cleared. Each act is audited.
 */
export async function restoreAdministrator(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
  input: { newPassword?: string; newContractPin?: string },
): Promise<ContractView> {
  if (input?.newPassword !== undefined) assertPassword(input.newPassword);
  if (input?.newContractPin !== undefined) assertPin(input.newContractPin, 'contract PIN');
  const passwordHash =
    input?.newPassword === undefined ? undefined : await hashSecret(deps, input.newPassword);
  const contractPinHash =
    input?.newContractPin === undefined ? undefined : await hashSecret(deps, input.newContractPin);

  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const contract = await findContract(tx, contractNumber);
    const admin = (await tx.store.users.listByContract(contract.id)).find((u) => u.role === 'admin');
    if (!admin) throw new KinkoError('user.not_found', 'the contract has no administrator');
    await tx.store.users.update(admin.id, {
      ...(passwordHash !== undefined ? { passwordHash } : {}),
      passwordFailures: 0,
      loginLocked: false,
      otpFailures: 0,
      confirmPinFailures: 0,
      suspended: false,
    });
    // Whoever held the old password no longer holds a session.
    if (passwordHash !== undefined) await tx.store.sessions.deleteBySubject(admin.id);
    await tx.store.contracts.update(contract.id, {
      ...(contractPinHash !== undefined ? { contractPinHash } : {}),
      contractPinFailures: 0,
      contractPinLocked: false,
    });
    tx.audit({
      actor,
      action: 'admin.restored',
      subject: admin.id,
      contractId: contract.id,
      detail: {
        newPassword: passwordHash !== undefined,
        newContractPin: contractPinHash !== undefined,
        wasLoginLocked: admin.loginLocked,
        wasSuspended: admin.suspended,
        wasContractPinLocked: contract.contractPinLocked,
      },
    });
    const restored = await tx.store.contracts.get(contract.id);
    if (!restored) throw new Error('invariant: the restored contract is readable');
    return toContractView(restored, await contractTokens(tx.store, contract.id));
  });
}
