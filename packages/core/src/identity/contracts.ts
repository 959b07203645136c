import { type CertificateCode, issueCode, requireCa } from '../certificates/index.ts';
import { KinkoError } from '../errors.ts';
import type { ContractRecord, LoginMethod } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import type { OperatorActor } from './actors.ts';
import { findContract } from './contract-lookup.ts';
import { newId, randomDigits } from './ids.ts';
import { requireOperator } from './operators.ts';
import { assertLoginId, assertPassword, assertPin, isContractNumber, normaliseName } from './policy.ts';
import { hashSecret } from './secrets.ts';
import { newUserRecord } from './users.ts';
import type { ContractView, UserView } from './views.ts';
import { contractWithUsers, toContractView } from './views.ts';

const loginMethods: readonly LoginMethod[] = ['id_password', 'certificate'];

/** B1: what the bank gives to open a contract. */
export interface OpenContractInput {
  branchCode: string;
  name: string;
  loginMethod: LoginMethod;
  contractPin: string;
  admin: { loginId: string; name: string; password: string };
  contractNumber?: string;
}

/** B1, A5: the contract opened, with the administrator's 取得 code under 電子証明書方式 (shown once). */
export type OpenedContract = ContractView & { certificateCode?: CertificateCode };

/** B1: the bank opens a contract with its administrator (管理者) and contract PIN. */
export async function openContract(
  deps: KinkoDeps,
  actor: OperatorActor,
  input: OpenContractInput,
): Promise<OpenedContract> {
  const name = normaliseName(input?.name, 'contract name');
  if (!loginMethods.includes(input.loginMethod))
    throw new KinkoError('request.invalid', 'unknown login method');
  if (input.contractNumber !== undefined && !isContractNumber(input.contractNumber)) {
    throw new KinkoError('request.invalid', 'contract number must be 11 digits');
  }
  assertPin(input.contractPin, 'contract PIN');
  assertLoginId(input.admin?.loginId);
  const adminName = normaliseName(input.admin.name, 'administrator name');
  assertPassword(input.admin.password);
  // A5: a 電子証明書方式 contract starts with the administrator's 取得 code, so it needs the CA.
  if (input.loginMethod === 'certificate') requireCa(deps);
  const contractPinHash = await hashSecret(deps, input.contractPin);
  const passwordHash = await hashSecret(deps, input.admin.password);

  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    if (typeof input.branchCode !== 'string' || !(await tx.store.branches.get(input.branchCode))) {
      throw new KinkoError('branch.not_found');
    }
    const contractNumber = input.contractNumber ?? (await freeContractNumber(tx));
    if (await tx.store.contracts.getByNumber(contractNumber)) {
      throw new KinkoError('request.invalid', 'contract number already in use');
    }
    const contract: ContractRecord = {
      id: newId(deps.random),
      contractNumber,
      name,
      branchCode: input.branchCode,
      loginMethod: input.loginMethod,
      usageMode: 'individual',
      sharedTokenId: null,
      contractPinHash,
      contractPinFailures: 0,
      contractPinLocked: false,
      stopped: false,
      createdAt: tx.now,
    };
    await tx.store.contracts.insert(contract);
    const adminId = newId(deps.random);
    const admin = newUserRecord({
      id: adminId,
      contractId: contract.id,
      loginId: input.admin.loginId,
      name: adminName,
      role: 'admin',
      passwordHash,
      createdAt: tx.now,
    });
    await tx.store.users.insert(admin);
    tx.audit({
      actor,
      action: 'contract.opened',
      subject: contractNumber,
      contractId: contract.id,
      detail: { branchCode: input.branchCode, loginMethod: input.loginMethod, adminId },
    });
    const view = toContractView(contract, new Map());
    if (contract.loginMethod !== 'certificate') return view;
    return { ...view, certificateCode: await issueCode(tx, actor, contract, admin, 'contract_opened') };
  });
}

/** DOMAIN §1.2: ご契約先ID is 11 digits, separate from any account number; random, unique. */
async function freeContractNumber(tx: Tx): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const n = randomDigits(tx.deps.random, 11);
    if (n.startsWith('0')) continue; // keeps the number readable as a number anywhere
    if (!(await tx.store.contracts.getByNumber(n))) return n;
  }
  throw new Error('no free contract number after 20 attempts');
}

export function listBranches(
  deps: KinkoDeps,
  actor: OperatorActor,
): Promise<{ code: string; name: string }[]> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const branches = await tx.store.branches.list();
    return branches.map((b) => ({ code: b.code, name: b.name }));
  });
}

export function listContracts(deps: KinkoDeps, actor: OperatorActor): Promise<ContractView[]> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const contracts = await tx.store.contracts.list();
    const views: ContractView[] = [];
    for (const c of contracts) {
      const shared = c.sharedTokenId === null ? null : await tx.store.tokens.get(c.sharedTokenId);
      views.push(toContractView(c, new Map(shared ? [[shared.id, shared]] : [])));
    }
    return views;
  });
}

export function getContract(
  deps: KinkoDeps,
  actor: OperatorActor,
  contractNumber: string,
): Promise<{ contract: ContractView; users: UserView[] }> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    return contractWithUsers(tx.store, await findContract(tx, contractNumber));
  });
}
