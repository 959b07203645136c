/**
 * OTP checks per second over HTTP: a real `kinko serve` process on SQLite and on PostgreSQL,
 * loaded by autocannon on loopback with a bounded number of requests. Every request is a
 * step-up with a fresh, valid OTP for its own user and token (a token accepts one code per
 * 30 s step, T2), so each one is two durable commits: the session touch and the OTP step with
 * its audit record. The fixtures (users, tokens, sessions) are written straight through the
 * Store, because argon2 for thousands of logins would dominate the run.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createAesGcmKek, demoBank, totp } from '@kinko/core';
import { openStore } from '@kinko/store';
import autocannon from 'autocannon';
import { type Backend, backendNames, kinkoCli, makeBackend, startServer } from '../e2e/harness.ts';

const USERS = 3000;
const random = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

interface Fixture {
  cookie: string;
  csrf: string;
  seed: Uint8Array;
}

async function fixtures(backend: Backend): Promise<Fixture[]> {
  const env = backend.env;
  const store = await openStore(env.KINKO_DB ?? '', { pgSchema: env.KINKO_PG_SCHEMA });
  const kek = createAesGcmKek(new Uint8Array(Buffer.from(env.KINKO_KEK ?? '', 'base64')), random);
  const contract = await store.contracts.getByNumber(demoBank.contract.contractNumber);
  if (!contract) throw new Error('demo contract missing');
  const now = Date.now();
  const out: Fixture[] = [];
  const batch = 250;
  for (let start = 0; start < USERS; start += batch) {
    await store.transaction(async (tx) => {
      for (let i = start; i < Math.min(USERS, start + batch); i++) {
        const seed = random.bytes(20);
        const tokenId = `bench-token-${i}`;
        const userId = `bench-user-${i}`;
        await tx.tokens.insert({
          id: tokenId,
          serial: `BENCH${i}`, // never looked up by serial here
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
          loginId: `bench${i}`,
          name: `bench ${i}`,
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
        out.push({ cookie: `kinko_session=${cookie}`, csrf, seed });
      }
    });
  }
  await store.close();
  return out;
}

export interface HttpFigures {
  backend: string;
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function run(name: 'sqlite' | 'postgres'): Promise<HttpFigures> {
  const backend = await makeBackend(name);
  try {
    await kinkoCli(backend, ['demo', '--no-serve']);
    const users = await fixtures(backend);
    const server = await startServer(backend);
    try {
      let next = 0;
      const result = await autocannon({
        url: server.url,
        connections: 16,
        amount: users.length,
        timeout: 20,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/step-up',
            setupRequest: (req) => {
              const u = users[next++ % users.length] as Fixture;
              req.headers = {
                'content-type': 'application/json',
                cookie: u.cookie,
                'x-csrf-token': u.csrf,
              };
              req.body = JSON.stringify({ otp: totp(u.seed, Date.now()) });
              return req;
            },
          },
        ],
      });
      return {
        backend: name,
        requests: result.requests.total,
        perSecond: Math.round(result.requests.total / (result.duration || 1)),
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await backend.cleanup();
  }
}

export async function benchHttp(): Promise<HttpFigures[]> {
  const names = process.env.KINKO_TEST_PG ? backendNames() : (['sqlite', 'postgres'] as const);
  if (!process.env.KINKO_TEST_PG) process.env.KINKO_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';
  const figures: HttpFigures[] = [];
  for (const n of names) figures.push(await run(n));
  console.log(
    `\nOTP step-ups over HTTP (one kinko serve process, autocannon, 16 connections, ${USERS} requests, each a fresh valid OTP)`,
  );
  console.table(
    figures.map((f) => ({
      backend: f.backend,
      'requests/s': f.perSecond,
      'p50 ms': f.p50,
      'p99 ms': f.p99,
      'non-2xx': f.non2xx,
    })),
  );
  return figures;
}
