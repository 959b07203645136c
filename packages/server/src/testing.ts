/**
 * Test fixture for the server's tests (not exported by the package): a real kinko on a real
 * store (each backend of @kinko/store/testing), a clock the test sets, a bank seeded through
 * the kinko API (one branch, one operator, one contract with its administrator), and a small
 * HTTP client over app.inject that keeps each party's cookie and CSRF token.
 */
import { randomBytes } from 'node:crypto';
import {
  type BankConfig,
  clientActivationKeys,
  createAesGcmKek,
  createAuditKey,
  createKinko,
  createOperator,
  type KinkoApi,
  type KinkoDeps,
  makeConfig,
  type OperatorActor,
  type Store,
  totp,
} from '@kinko/core';
import { auditRecordCount, type TestBackend, type TestStore } from '@kinko/store/testing';
import { FakeClock, realRandom, T0, testCa } from '@kinko/testkit';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type BuildServerOptions, buildServer } from './app.ts';
import { undocumentedProblem } from './documented-problems.ts';

// One fake clock and one test time for every package's tests (the test kit's).
export { T0 };

export const secrets = {
  operator: { loginId: 'bankop', password: 'operator1' },
  contractPin: '246810',
  admin: { loginId: 'admin', password: 'adminpass1' },
  user: { password: 'userpass1' },
} as const;

export interface Party {
  cookie: string;
  csrfToken: string;
}

export type Call = Omit<InjectOptions, 'method' | 'url' | 'cookies'> & { as?: Party; csrf?: string | null };

export interface TestServer {
  app: FastifyInstance;
  kinko: KinkoApi;
  store: TestStore;
  clock: FakeClock;
  operatorActor: OperatorActor;
  contractNumber: string;
  /** Another contract, for cross-contract tests. */
  otherContractNumber: string;
  request(method: InjectOptions['method'], url: string, opts?: Call): Promise<LightMyRequestResponse>;
  login(contractNumber: string, loginId: string, password: string): Promise<Party>;
  operatorLogin(): Promise<Party>;
  /** Activates a token over HTTP as the app does (T5); `code(n)` is the code n steps from now. */
  activate(): Promise<{ serial: string; seed: Uint8Array; code(steps?: number): string }>;
  /** Token rows inserted and audit records written so far. */
  counts(): Promise<{ tokens: number; audit: number }>;
  close(): Promise<void>;
}

/**
 * The Store has no "count tokens"; every token row goes through tokens.insert, so counting its
 * calls (inside transactions too) is a stricter "nothing written" than counting rows.
 */
function countingTokenInserts(store: Store, counter: { n: number }): Store {
  const wrap = (s: Store): Store => ({
    ...s,
    tokens: {
      ...s.tokens,
      insert: (t) => {
        counter.n++;
        return s.tokens.insert(t);
      },
    },
    transaction: (fn) => s.transaction((tx) => fn(wrap(tx))),
  });
  return wrap(store);
}

const testConfig = (overrides: Partial<BankConfig> = {}): BankConfig =>
  makeConfig({ ...overrides, argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 } });

function cookieFrom(res: LightMyRequestResponse, name: string): string {
  const c = res.cookies.find((x) => x.name === name);
  if (!c) throw new Error(`no ${name} cookie in ${res.statusCode} ${res.body}`);
  return `${name}=${c.value}`;
}

export async function startServer(
  backend: TestBackend,
  o: { config?: Partial<BankConfig>; server?: Partial<Omit<BuildServerOptions, 'kinko'>> } = {},
): Promise<TestServer> {
  const store = await backend.open();
  const tokenInserts = { n: 0 };
  const clock = new FakeClock(T0);
  const deps: KinkoDeps = {
    store: countingTokenInserts(store, tokenInserts),
    clock,
    random: realRandom,
    kek: createAesGcmKek(new Uint8Array(randomBytes(32)), realRandom),
    auditKey: createAuditKey(new Uint8Array(randomBytes(32))),
    config: testConfig(o.config),
    ca: await testCa(),
  };
  const kinko = createKinko(deps);
  await store.transaction((tx) => tx.branches.insert({ code: '001', name: '本店営業部' }));
  const op = await createOperator(deps, { name: '金庫 太郎', ...secrets.operator });
  const operatorActor: OperatorActor = { kind: 'operator', operatorId: op.id, clientAddress: '192.0.2.9' };
  const open = (name: string) =>
    kinko.openContract(operatorActor, {
      branchCode: '001',
      name,
      loginMethod: 'certificate',
      contractPin: secrets.contractPin,
      admin: { name: '管理者', ...secrets.admin },
    });
  const contract = await open('テスト商事');
  const other = await open('ヨソ物産');

  const app = await buildServer({ kinko, webRoot: '/nonexistent/kinko-web', ...o.server });

  const request: TestServer['request'] = async (method, url, opts = {}) => {
    const { as, csrf, headers, ...rest } = opts;
    const h: Record<string, string> = { ...(headers as Record<string, string>) };
    if (as) h.cookie = as.cookie;
    const token = csrf === undefined ? as?.csrfToken : csrf;
    if (token !== null && token !== undefined) h['x-csrf-token'] = token;
    const res = await app.inject({ method, url, headers: h, ...rest });
    // Every problem a test provokes must be one its operation documents (problem-schemas.ts).
    const undocumented = undocumentedProblem(app, String(method ?? 'GET'), url, res);
    if (undocumented) throw new Error(undocumented);
    return res;
  };

  return {
    app,
    kinko,
    store,
    clock,
    operatorActor,
    contractNumber: contract.contractNumber,
    otherContractNumber: other.contractNumber,
    request,
    async login(contractNumber, loginId, password) {
      const res = await request('POST', '/api/v1/session', {
        payload: { contractNumber, loginId, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${res.statusCode} ${res.body}`);
      return { cookie: cookieFrom(res, 'kinko_session'), csrfToken: res.json().csrfToken };
    },
    async operatorLogin() {
      const res = await request('POST', '/api/v1/bank/session', { payload: secrets.operator });
      if (res.statusCode !== 200) throw new Error(`operator login ${res.statusCode} ${res.body}`);
      return { cookie: cookieFrom(res, 'kinko_bank'), csrfToken: res.json().csrfToken };
    },
    async activate() {
      const keys = await clientActivationKeys();
      const res = await request('POST', '/api/v1/token/activations', {
        payload: { publicKey: keys.publicKey },
      });
      if (res.statusCode !== 201) throw new Error(`activation ${res.statusCode} ${res.body}`);
      const r = res.json();
      const seed = await keys.deriveSeed(r.serverPublicKey, r.serial);
      return { serial: r.serial, seed, code: (steps = 0) => totp(seed, clock.now() + steps * 30_000) };
    },
    async counts() {
      return { tokens: tokenInserts.n, audit: await auditRecordCount(store) };
    },
    async close() {
      await app.close();
      await store.cleanup();
    },
  };
}

/** A six-digit code that is not `code` (for wrong-OTP tests). */
export function wrongCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}
