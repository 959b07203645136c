/**
 * OTP checks per second over HTTP: a real `kinko serve` process on SQLite and on PostgreSQL,
 * loaded by autocannon on loopback with a bounded number of requests. Every request is a
 * step-up with a fresh, valid OTP for its own user and token (a token accepts one code per
 * 30 s step, T2), so each one is two durable commits: the session touch and the OTP step with
 * its audit record. The fixtures (users, tokens, sessions) are written straight through the
 * Store, because argon2 for thousands of logins would dominate the run.
 */
import { totp } from '@kinko/core';
import autocannon from 'autocannon';
import { backendNames, kinkoCli, makeBackend, startServer } from '../e2e/harness.ts';
import { type TransferUser, transferUsers } from './transfers.ts';

const USERS = 3000;

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
    const users = await transferUsers(backend, { count: USERS, prefix: 'bench' });
    const server = await startServer(backend, { NODE_ENV: 'production' }); // as deployed (README)
    try {
      let next = 0;
      // Timed here: autocannon's duration is counted in whole sampling intervals (1 s).
      const span = { first: Number.POSITIVE_INFINITY, last: 0 };
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
              span.first = Math.min(span.first, performance.now());
              const u = users[next++ % users.length] as TransferUser;
              req.headers = {
                'content-type': 'application/json',
                cookie: u.cookie,
                'x-csrf-token': u.csrf,
              };
              req.body = JSON.stringify({ otp: totp(u.seed, Date.now()) });
              return req;
            },
            onResponse: () => {
              span.last = performance.now();
            },
          },
        ],
      });
      return {
        backend: name,
        requests: result.requests.total,
        perSecond: Math.round(result.requests.total / ((span.last - span.first) / 1000 || 1)),
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
