/**
 * Test fixture for core's use-case tests (not exported by the package): a bank on a real store
 * (each backend of @kinko/store/testing), a clock the test sets, real crypto randomness, a test
 * KEK and argon2 at a low cost so the suite stays fast.
 */
import { randomBytes } from 'node:crypto';
import type {
  AnonymousActor,
  Clock,
  CustomerActor,
  KinkoApi,
  KinkoDeps,
  OperatorActor,
  Random,
} from '@kinko/core';
import {
  type BankConfig,
  clientActivationKeys,
  createAesGcmKek,
  createAuditKey,
  createKinko,
  createOperator,
  makeConfig,
  totp,
} from '@kinko/core';
import { type TestBackend, type TestStore, testBackends } from '@kinko/store/testing';
import { testCa } from './ca.ts';

export { type TestBackend, testBackends };

export class FakeClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const realRandom: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };

/** Tuesday 2025-01-07 10:00:00 JST, at the start of a 30-second step. */
export const T0 = Date.UTC(2025, 0, 7, 1, 0, 0);

export const pins = { contract: '246810', wrong: '999999', other: '1357' } as const;
export const passwords = { operator: 'operator1', admin: 'adminpass1', user: 'userpass1' } as const;

export interface TestBank {
  store: TestStore;
  clock: FakeClock;
  deps: KinkoDeps;
  kinko: KinkoApi;
  anon: AnonymousActor;
  operator: OperatorActor;
  contractNumber: string;
  admin: CustomerActor;
  /** Users added by addUser, by login id. */
  users: Record<string, CustomerActor>;
  addUser(loginId: string): Promise<CustomerActor>;
  /** Activates a token as the app does (T5) and returns its serial and a code generator. */
  activate(): Promise<TestToken>;
  /** A second contract (PIN `pins.other`), for the checks that one contract never reaches another. */
  openOtherContract(): Promise<{ contractId: string; admin: CustomerActor }>;
  cleanup(): Promise<void>;
}

export interface TestToken {
  serial: string;
  seed: Uint8Array;
  /** The code the app shows now (plus `steps` steps). */
  code(steps?: number): string;
}

export const testConfig = (overrides: Partial<BankConfig> = {}): BankConfig =>
  makeConfig({ ...overrides, argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } });

export async function openBank(backend: TestBackend, overrides: Partial<BankConfig> = {}): Promise<TestBank> {
  const store = await backend.open();
  const clock = new FakeClock(T0);
  const deps: KinkoDeps = {
    store,
    clock,
    random: realRandom,
    kek: createAesGcmKek(new Uint8Array(randomBytes(32)), realRandom),
    auditKey: createAuditKey(new Uint8Array(randomBytes(32))),
    config: testConfig(overrides),
    ca: await testCa(),
  };
  const kinko = createKinko(deps);
  const anon: AnonymousActor = { kind: 'anonymous', clientAddress: '192.0.2.1' };
  await store.transaction((tx) => tx.branches.insert({ code: '001', name: '本店営業部' }));
  const op = await createOperator(deps, {
    loginId: 'bank-admin',
    name: '金庫 太郎',
    password: passwords.operator,
  });
  const operator: OperatorActor = { kind: 'operator', operatorId: op.id, clientAddress: '192.0.2.9' };
  const contract = await kinko.openContract(operator, {
    branchCode: '001',
    name: 'テスト商事',
    loginMethod: 'certificate',
    contractPin: pins.contract,
    admin: { loginId: 'admin', name: '管理者', password: passwords.admin },
  });
  const adminUser = await store.users.getByLogin(contract.id, 'admin');
  if (!adminUser) throw new Error('no admin');
  const customer = (userId: string, role: 'admin' | 'user'): CustomerActor => ({
    kind: 'customer',
    userId,
    contractId: contract.id,
    role,
    clientAddress: '198.51.100.7',
  });
  const admin = customer(adminUser.id, 'admin');
  const users: Record<string, CustomerActor> = {};
  return {
    store,
    clock,
    deps,
    kinko,
    anon,
    operator,
    contractNumber: contract.contractNumber,
    admin,
    users,
    async addUser(loginId) {
      clock.advance(1); // users are listed in the order they were added
      const view = await kinko.createUser(admin, {
        loginId,
        name: `利用者 ${loginId}`,
        password: passwords.user,
        contractPin: pins.contract,
      });
      users[loginId] = customer(view.id, 'user');
      return users[loginId];
    },
    async activate() {
      const keys = await clientActivationKeys();
      const r = await kinko.activateToken(anon, keys.publicKey);
      const seed = await keys.deriveSeed(r.serverPublicKey, r.serial);
      return { serial: r.serial, seed, code: (steps = 0) => totp(seed, clock.now() + steps * 30_000) };
    },
    async openOtherContract() {
      const other = await kinko.openContract(operator, {
        branchCode: '001',
        name: '他社',
        loginMethod: 'id_password',
        contractPin: pins.other,
        admin: { loginId: 'admin', name: '他社管理者', password: passwords.admin },
      });
      const otherAdmin = await store.users.getByLogin(other.id, 'admin');
      if (!otherAdmin) throw new Error('no admin');
      return { contractId: other.id, admin: { ...admin, userId: otherAdmin.id, contractId: other.id } };
    },
    cleanup: () => store.cleanup(),
  };
}

/** A six-digit code that is not `code` (for wrong-OTP tests). */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
