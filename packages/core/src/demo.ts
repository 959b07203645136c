import type { KinkoApi } from './api.ts';
import type { CustomerActor, OperatorActor } from './identity/actors.ts';
import { createOperator } from './identity/operators.ts';
import type { Kek, LoginMethod, Store } from './ports.ts';
import type { CardPosition } from './tokens/proof.ts';
import { type KinkoDeps, runUseCase } from './use-case.ts';

/** The demo bank's fixed names and secrets: printed by `kinko demo`, never used by a real bank. */
export const demoBank = {
  branches: [
    { code: '001', name: '本店営業部' },
    { code: '002', name: '駅前支店' },
    { code: '003', name: '港町支店' },
  ],
  operator: { loginId: 'bank-admin', name: '金庫 太郎', password: 'bankadmin1' },
  contract: { contractNumber: '12345678901', name: 'カブシキガイシャ キンコショウジ', branchCode: '001' },
  contractPin: '246810', // ご契約先確認暗証番号
  admin: { loginId: 'admin', name: '管理者 花子', password: 'adminpass1' },
  users: [
    { loginId: 'user1', name: '利用者 一郎', password: 'user1pass1', confirmPin: '1111' },
    { loginId: 'user2', name: '利用者 二郎', password: 'user2pass1', confirmPin: '2222' },
  ],
  /** The contract's accounts with balances (SPEC §4), and one outside IB at another branch to pay. */
  accounts: [
    {
      contract: true,
      branchCode: '001',
      type: 'ordinary',
      holderKana: 'ｶ)ｷﾝｺｼﾖｳｼﾞ',
      openingDeposit: 12_345_678,
    },
    {
      contract: true,
      branchCode: '001',
      type: 'current',
      holderKana: 'ｶ)ｷﾝｺｼﾖｳｼﾞ',
      openingDeposit: 3_000_000,
      overdraftLimit: 1_000_000,
    },
    { contract: false, branchCode: '002', type: 'ordinary', holderKana: 'ﾔﾏﾀﾞ ﾀﾛｳ', openingDeposit: 50_000 },
  ],
} as const;

interface DemoLogin {
  realm: 'bank' | 'customer';
  role: 'operator' | 'admin' | 'user';
  contractNumber: string | null;
  loginId: string;
  password: string;
  /** 利用者確認暗証番号 (users). */
  confirmPin?: string;
  /** The legacy ア～ク card, only on the run that issued it (it is shown once). */
  card?: Record<CardPosition, string>;
}

export interface DemoSeed {
  contractNumber: string;
  contractPin: string;
  logins: DemoLogin[];
}

const system: OperatorActor['clientAddress'] = 'demo';

/**
 * Creates the demo bank, idempotently: running it again adds only what is missing. Goes through
 * the use cases (so every step is audited, L1) except for what has no use case (branches, the
 * first operator).
 */
export async function seedDemo(
  kinko: KinkoApi,
  store: Store,
  deps: Pick<KinkoDeps, 'clock' | 'random' | 'config' | 'auditKey'>,
  opts: { loginMethod?: LoginMethod } = {},
): Promise<DemoSeed> {
  // Seeding branches and the first operator seals nothing; whatever seals goes through kinko.
  const full: KinkoDeps = { ...deps, store, kek: noKek };
  const d = demoBank;
  await runUseCase(full, async (tx) => {
    for (const b of d.branches) {
      if (await tx.store.branches.get(b.code)) continue;
      await tx.store.branches.insert(b);
      tx.audit({
        actor: { kind: 'system' },
        action: 'branch.created',
        subject: b.code,
        detail: { name: b.name },
      });
    }
  });

  const existing = await store.operators.getByLogin(d.operator.loginId);
  const operatorId = existing ? existing.id : (await createOperator(full, d.operator)).id;
  const operator: OperatorActor = { kind: 'operator', operatorId, clientAddress: system };

  if (!(await store.contracts.getByNumber(d.contract.contractNumber))) {
    await kinko.openContract(operator, {
      ...d.contract,
      loginMethod: opts.loginMethod ?? 'id_password',
      contractPin: d.contractPin,
      admin: d.admin,
    });
  }
  const contract = await store.contracts.getByNumber(d.contract.contractNumber);
  const adminUser = contract ? await store.users.getByLogin(contract.id, d.admin.loginId) : null;
  if (!contract || !adminUser) throw new Error('demo: the contract or its administrator is missing');
  const admin: CustomerActor = {
    kind: 'customer',
    userId: adminUser.id,
    contractId: contract.id,
    role: 'admin',
    clientAddress: system,
  };

  // M1: opened through the ledger, so the deposits come from vault cash and the ledger verifies.
  if ((await store.accounts.listByContract(contract.id)).length === 0) {
    for (const { contract: inContract, ...a } of d.accounts) {
      await kinko.openAccount(operator, {
        ...a,
        contractNumber: inContract ? contract.contractNumber : null,
      });
    }
  }

  const logins: DemoLogin[] = [
    { realm: 'bank', role: 'operator', contractNumber: null, ...pick(d.operator) },
    { realm: 'customer', role: 'admin', contractNumber: contract.contractNumber, ...pick(d.admin) },
  ];
  for (const u of d.users) {
    const login: DemoLogin = {
      realm: 'customer',
      role: 'user',
      contractNumber: contract.contractNumber,
      ...pick(u),
      confirmPin: u.confirmPin,
    };
    if (!(await store.users.getByLogin(contract.id, u.loginId))) {
      const created = await kinko.createUser(admin, { ...pick(u), name: u.name, contractPin: d.contractPin });
      await kinko.setConfirmPin(admin, created.id, { confirmPin: u.confirmPin, contractPin: d.contractPin });
      login.card = await kinko.issueCard(admin, created.id, { contractPin: d.contractPin });
    }
    logins.push(login);
  }
  return { contractNumber: contract.contractNumber, contractPin: d.contractPin, logins };
}

const noKek: Kek = {
  seal: () => {
    throw new Error('demo seeding does not seal');
  },
  open: () => {
    throw new Error('demo seeding does not open');
  },
};

function pick(u: { loginId: string; password: string }): { loginId: string; password: string } {
  return { loginId: u.loginId, password: u.password };
}
