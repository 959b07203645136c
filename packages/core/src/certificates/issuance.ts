/**
 * A5, A3, B1: who issues 取得 codes. The administrator issues each user's of their own contract
 * (利用者の電子証明書発行, with the contract PIN); the bank issues the administrator's, at contract
 * (contracts.ts) and to restore an administrator who cannot log on (A3: expired certificate, lost
 * PC). Either way a code is shown once and replaces the user's earlier one.
 */
import { KinkoError } from '../errors.ts';
import type { CustomerActor, OperatorActor } from '../identity/actors.ts';
import { requireAdminOver } from '../identity/authz.ts';
import { findContract } from '../identity/contract-lookup.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import { requireOperator } from '../identity/operators.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';
import { type CertificateCode, issueCode } from './codes.ts';
import { requireCa } from './deliver.ts';

export function issueUserCertificateCode(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { contractPin: string },
): Promise<CertificateCode> {
  requireCa(deps);
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    if (target.role === 'admin') {
      throw new KinkoError(
        'user.is_administrator',
        "the administrator's certificate is issued by the bank (A5)",
      );
    }
    if (contract.loginMethod !== 'certificate') throw new KinkoError('certificate.login_method');
    const pinFailure = await checkContractPin(tx, actor, contract, input?.contractPin);
    if (pinFailure) return pinFailure;
    return issueCode(tx, actor, contract, target, 'issued_by_admin');
  });
}

export function issueAdministratorCertificateCode(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
): Promise<CertificateCode> {
  requireCa(deps);
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const contract = await findContract(tx, contractNumber);
    const admin = (await tx.store.users.listByContract(contract.id)).find((u) => u.role === 'admin');
    if (!admin) throw new KinkoError('user.not_found', 'the contract has no administrator');
    if (contract.loginMethod !== 'certificate') throw new KinkoError('certificate.login_method');
    return issueCode(tx, actor, contract, admin, 'restored');
  });
}
