/**
 * OTP-authorised transfers per second over HTTP (M3: enter + confirm, durable commits): a real
 * `kinko serve` process on SQLite and on PostgreSQL, loaded by autocannon on loopback with a
 * bounded number of requests. Every transfer is two requests of its own user: POST
 * /api/v1/transfers (入力) and POST /api/v1/transfers/:id/confirm (確認・実行) with a fresh, valid
 * OTP of the user's own token (a token accepts one code per 30 s step, T2), each with its own
 * Idempotency-Key. The transfer is a 振替 between the user's own two accounts, so that no two
 * transfers share an account row. The fixtures (users, tokens, sessions, accounts) are written
 * straight through the Store and the ledger's openAccount, because argon2 for thousands of
 * logins would dominate the run.
 *
 * Knobs for looking closer: KINKO_BENCH_BACKENDS=sqlite (or postgres) runs one half,
 * KINKO_BENCH_TRANSFERS=N another count, KINKO_PROFILE_DIR=/tmp/prof makes the server write a
 * V8 CPU profile (e2e/harness.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  type BankAccountView,
  createAesGcmKek,
  createAuditKey,
  createKinko,
  demoBank,
  isBusinessDay,
  jstDate,
  makeConfig,
  type OperatorActor,
  totp,
} from '@kinko/core';
import { openStore } from '@kinko/store';
import autocannon from 'autocannon';
import { type Backend, backendNames, kinkoCli, makeBackend, startServer } from '../e2e/harness.ts';
import type { Ceilings } from './ceiling.ts';

export const TRANSFERS = benchCount(process.env.KINKO_BENCH_TRANSFERS, 1500);
const CONNECTIONS = 16;
const random = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

/** One user of the demo contract with an active token and a logged-in session. */
export interface TransferUser {
  userId: string;
  cookie: string;
  csrf: string;
  seed: Uint8Array;
  /** The user's own pair of accounts (only when asked for). */
  from?: string;
  to?: string;
}

/** The same-day cut-off moved to the end of the day, so that a run at any hour posts today. */
export const lateCutoff = { sameDayCutoff: '23:59' };

/**
 * Value date for the runs: today (JST) on a business day, else the next business day (the
 * transfers are then scheduled, not posted).
 */
export function benchValueDate(now = Date.now()): { date: string; sameDay: boolean } {
  const today = jstDate(now);
  if (isBusinessDay(today)) return { date: today, sameDay: true };
  let d = today;
  do d = jstDate(Date.parse(`${d}T12:00:00+09:00`) + 86_400_000);
  while (!isBusinessDay(d));
  return { date: d, sameDay: false };
}

/**
 * `count` users of the demo contract (seeded by `kinko demo --no-serve`), each with a registered
 * token and a session, written through the Store. With `accounts`, each also gets two accounts
 * of the contract opened through the ledger (openAccount, the first with `deposit`).
 */
export async function transferUsers(
  backend: Backend,
  opts: { count: number; prefix: string; accounts?: { deposit: number } },
): Promise<TransferUser[]> {
  const env = backend.env;
  const store = await openStore(env.KINKO_DB ?? '', { pgSchema: env.KINKO_PG_SCHEMA });
  try {
    const kek = createAesGcmKek(new Uint8Array(Buffer.from(env.KINKO_KEK ?? '', 'base64')), random);
    const contract = await store.contracts.getByNumber(demoBank.contract.contractNumber);
    if (!contract) throw new Error('demo contract missing');
    const now = Date.now();
    const out: TransferUser[] = [];
    const batch = 250;
    for (let start = 0; start < opts.count; start += batch) {
      await store.transaction(async (tx) => {
        for (let i = start; i < Math.min(opts.count, start + batch); i++) {
          const seed = random.bytes(20);
          const tokenId = `${opts.prefix}-token-${i}`;
          const userId = `${opts.prefix}-user-${i}`;
          await tx.tokens.insert({
            id: tokenId,
            serial: `${opts.prefix.toUpperCase()}${i}`, // never looked up by serial here
            seedCiphertext: kek.seal(seed, `seed:${tokenId}`),
            status: 'registered',
            lastStep: -1,
            drift: 0,
            contractId: contract.id,
            createdAt: now,
            expiresAt: now + 86_400_000,
            registeredAt: now,
            revokedAt: null,
          });
          await tx.users.insert({
            id: userId,
            contractId: contract.id,
            loginId: `${opts.prefix}${i}`,
            name: `${opts.prefix} ${i}`,
            role: 'user',
            passwordHash: 'unused',
            passwordFailures: 0,
            loginLocked: false,
            otpFailures: 0,
            confirmPinFailures: 0,
            suspended: false,
            confirmPinHash: null,
            cardCiphertext: null,
            tokenId,
            cardChallenge: null,
            removed: false,
            createdAt: now,
          });
          const cookie = randomBytes(32).toString('base64url');
          const csrf = randomBytes(32).toString('base64url');
          await tx.sessions.insert({
            id: createHash('sha256').update(cookie).digest('hex'),
            realm: 'customer',
            subjectId: userId,
            contractId: contract.id,
            csrfToken: csrf,
            createdAt: now,
            lastSeenAt: now,
            expiresAt: now + 3_600_000,
          });
          out.push({ userId, cookie: `kinko_session=${cookie}`, csrf, seed });
        }
      });
    }
    if (opts.accounts) {
      // M1: opened through the ledger, so the deposits come from vault cash and the ledger verifies.
      const kinko = createKinko({
        store,
        clock: { now: () => Date.now() },
        random,
        kek,
        auditKey: createAuditKey(new Uint8Array(Buffer.from(env.KINKO_AUDIT_KEY ?? '', 'base64'))),
        config: makeConfig({}),
      });
      const op = await store.operators.getByLogin(demoBank.operator.loginId);
      if (!op) throw new Error('demo operator missing');
      const operator: OperatorActor = { kind: 'operator', operatorId: op.id, clientAddress: '127.0.0.1' };
      const open = (deposit: number): Promise<BankAccountView> =>
        kinko.openAccount(operator, {
          contractNumber: contract.contractNumber,
          branchCode: '001',
          type: 'ordinary',
          holderKana: 'ｶ)ｷﾝｺｼﾖｳｼﾞ',
          openingDeposit: deposit,
        });
      const deposit = opts.accounts.deposit;
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let u = out[next++]; u; u = out[next++]) {
            u.from = (await open(deposit)).id;
            u.to = (await open(0)).id;
          }
        }),
      );
    }
    return out;
  } finally {
    await store.close();
  }
}

export interface TransferFigures {
  backend: 'sqlite' | 'postgres';
  transfers: number;
  perSecond: number;
  /** Per HTTP request (enter or confirm), from autocannon. */
  p50: number;
  p99: number;
  /** Per transfer (enter sent → confirm answered). */
  transferP50: number;
  transferP99: number;
  non2xx: number;
  sameDay: boolean;
  /** CPU (user + system) of the kinko serve process per transfer, in ms; null off Linux. */
  serverCpuMs: number | null;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux, USER_HZ = 100). */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

interface Ctx {
  user?: TransferUser;
  transferId?: string;
  t0?: number;
}

async function run(name: 'sqlite' | 'postgres'): Promise<TransferFigures> {
  const backend = await makeBackend(name, lateCutoff);
  try {
    await kinkoCli(backend, ['demo', '--no-serve']);
    const users = await transferUsers(backend, {
      count: TRANSFERS,
      prefix: 'tb',
      accounts: { deposit: 1_000_000 },
    });
    const { date, sameDay } = benchValueDate();
    const server = await startServer(backend, { NODE_ENV: 'production' }); // as deployed (README)
    try {
      let next = 0;
      let done = 0;
      let failed = 0;
      const perTransfer: number[] = [];
      const headers = (u: TransferUser, key: string) => ({
        'content-type': 'application/json',
        cookie: u.cookie,
        'x-csrf-token': u.csrf,
        'idempotency-key': key,
      });
      // The span from the first request to the last answer, timed here: autocannon's own
      // duration is counted in whole sampling intervals (1 s), far too coarse for a run of seconds.
      const span = { first: Number.POSITIVE_INFINITY, last: 0 };
      const cpu0 = cpuSeconds(server.pid);
      const result = await autocannon({
        url: server.url,
        connections: CONNECTIONS,
        amount: 2 * users.length,
        timeout: 20,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/transfers',
            setupRequest: (req, context) => {
              const ctx = context as Ctx;
              const u = users[next++ % users.length] as TransferUser;
              ctx.user = u;
              ctx.transferId = undefined;
              ctx.t0 = performance.now();
              span.first = Math.min(span.first, ctx.t0);
              req.headers = headers(u, `enter-${u.userId}`);
              req.body = JSON.stringify({
                fromAccountId: u.from,
                to: { kind: 'own', accountId: u.to },
                amount: 1_000,
                valueDate: date,
              });
              return req;
            },
            onResponse: (status, body, context) => {
              if (status === 201)
                (context as Ctx).transferId = (JSON.parse(body) as { transfer: { id: string } }).transfer.id;
            },
          },
          {
            method: 'POST',
            setupRequest: (req, context) => {
              const ctx = context as Ctx;
              const u = ctx.user as TransferUser;
              // An enter that failed still sends its confirm (to an id that does not exist), so
              // that every connection keeps its two-step rhythm; it counts as non-2xx.
              req.path = `/api/v1/transfers/${ctx.transferId ?? 'none'}/confirm`;
              req.headers = headers(u, `confirm-${u.userId}`);
              req.body = JSON.stringify({ otp: totp(u.seed, Date.now()) });
              return req;
            },
            onResponse: (status, _body, context) => {
              const ctx = context as Ctx;
              span.last = performance.now();
              if (status === 200) {
                done++;
                perTransfer.push(performance.now() - (ctx.t0 ?? 0));
              } else failed++;
            },
          },
        ],
      });
      const cpu1 = cpuSeconds(server.pid);
      perTransfer.sort((a, b) => a - b);
      if (failed > 0) console.warn(`  ${name}: ${failed} confirmations failed`);
      return {
        backend: name,
        transfers: done,
        perSecond: Math.round(done / ((span.last - span.first) / 1000 || 1)),
        p50: result.latency.p50,
        p99: result.latency.p99,
        transferP50: Math.round(percentile(perTransfer, 50) * 10) / 10,
        transferP99: Math.round(percentile(perTransfer, 99) * 10) / 10,
        non2xx: result.non2xx,
        sameDay,
        serverCpuMs:
          cpu0 === null || cpu1 === null || done === 0
            ? null
            : Math.round(((cpu1 - cpu0) * 1000 * 100) / done) / 100,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await backend.cleanup();
  }
}

function benchCount(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1 || n > 100_000)
    throw new Error(`KINKO_BENCH_TRANSFERS: 1 … 100000, not ${text}`);
  return n;
}

/** The databases to run on: both, or KINKO_BENCH_BACKENDS=sqlite (or postgres), e.g. under a profiler. */
export function benchBackends(): ('sqlite' | 'postgres')[] {
  const only = process.env.KINKO_BENCH_BACKENDS?.split(',');
  const names = (process.env.KINKO_TEST_PG ? backendNames() : (['sqlite', 'postgres'] as const)).filter(
    (n) => !only || only.includes(n),
  );
  if (!process.env.KINKO_TEST_PG) process.env.KINKO_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';
  return names;
}

export async function benchTransfers(ceiling: Ceilings): Promise<TransferFigures[]> {
  const names = benchBackends();
  const figures: TransferFigures[] = [];
  for (const n of names) figures.push(await run(n));
  const commits = (b: string) => (b === 'sqlite' ? ceiling.sqliteCommits : ceiling.pgCommits16);
  console.log(
    `\nOTP-authorised transfers over HTTP (enter + confirm, one kinko serve process, autocannon, ${CONNECTIONS} connections, ${TRANSFERS} transfers, each its own user, token and OTP)`,
  );
  console.table(
    figures.map((f) => ({
      backend: f.backend,
      'transfers/s': f.perSecond,
      'request p50 ms': f.p50,
      'request p99 ms': f.p99,
      'transfer p50 ms': f.transferP50,
      'transfer p99 ms': f.transferP99,
      'non-2xx': f.non2xx,
      posted: f.sameDay ? 'same day' : 'scheduled (not a business day)',
      'server CPU ms/transfer': f.serverCpuMs ?? 'n/a',
      'of durable commits/s': `${((100 * f.perSecond) / commits(f.backend)).toFixed(0)}%`,
    })),
  );
  return figures;
}
