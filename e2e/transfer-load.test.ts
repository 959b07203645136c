/**
 * Hardening defect 4: with 16 users making transfers at once (no kills), 4 of 64 failed with
 * `500 server.internal` on PostgreSQL: `deadlock detected` between a transfer's INSERT (whose foreign-key
 * check share-locks the account rows it references) and another transfer's `SELECT … FOR UPDATE`
 * of the same accounts in id order. Here 64 振替 between the demo contract's two accounts, both
 * ways, by 64 users (one OTP each, T2) on 16 connections to two `kinko serve` processes: every
 * request answers 2xx and the ledger verifies.
 */
import { demoBank, totp } from '@kinko/core';
import { openStore } from '@kinko/store';
import { afterAll, describe, expect, test } from 'vitest';
import { benchValueDate, lateCutoff, transferUsers } from '../bench/transfers.ts';
import {
  type Backend,
  backendNames,
  kinkoCli,
  makeBackend,
  type RunningServer,
  startServer,
} from './harness.ts';

const TRANSFERS = 64;
const CONNECTIONS = 16;

describe.each(backendNames())('%s: a concurrent transfer load', (name) => {
  let backend: Backend;
  let servers: RunningServer[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await backend?.cleanup();
  });

  test('M1 M3: 64 transfers by 16 concurrent clients between the same two accounts, both ways → 0 non-2xx, no deadlock', async () => {
    backend = await makeBackend(name, lateCutoff);
    await kinkoCli(backend, ['demo', '--no-serve']);
    const users = await transferUsers(backend, { count: TRANSFERS, prefix: 'load' });
    const store = await openStore(backend.env.KINKO_DB ?? '', { pgSchema: backend.env.KINKO_PG_SCHEMA });
    const contract = await store.contracts.getByNumber(demoBank.contract.contractNumber);
    const accounts = contract ? await store.accounts.listByContract(contract.id) : [];
    await store.close();
    const ordinary = accounts.find((a) => a.type === 'ordinary');
    const current = accounts.find((a) => a.type === 'current');
    if (!ordinary || !current) throw new Error('demo accounts missing');
    servers = await Promise.all([startServer(backend), startServer(backend)]);

    const { date } = benchValueDate();
    const failures: string[] = [];
    let next = 0;
    const post = async (
      base: string,
      u: (typeof users)[number],
      path: string,
      key: string,
      body: unknown,
    ) => {
      const res = await fetch(base + path, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: u.cookie,
          'x-csrf-token': u.csrf,
          'idempotency-key': key,
        },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { transfer?: { id: string }; code?: string };
      if (res.status >= 300) failures.push(`${path} ${res.status} ${answer.code}`);
      return answer;
    };
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async (_, c) => {
        const base = servers[c % servers.length]?.url ?? '';
        for (let n = next++; n < TRANSFERS; n = next++) {
          const u = users[n];
          if (!u) break;
          const [from, to] = n % 2 ? [current, ordinary] : [ordinary, current];
          const e = await post(base, u, '/api/v1/transfers', `load-enter-${n}`, {
            fromAccountId: from.id,
            to: { kind: 'own', accountId: to.id },
            amount: 1_000 + n,
            valueDate: date,
          });
          if (!e.transfer) continue;
          await post(base, u, `/api/v1/transfers/${e.transfer.id}/confirm`, `load-confirm-${n}`, {
            otp: totp(u.seed, Date.now()),
          });
        }
      }),
    );
    expect(failures).toEqual([]);
    const verified = await kinkoCli(backend, ['ledger', 'verify']);
    expect(verified.stdout).toMatch(/ledger/i);
  });
});
