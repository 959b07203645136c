/**
 * M1, M3 across crashes: a `kinko serve` process under a bounded loopback load of 振替 between
 * the demo contract's own accounts is killed with SIGKILL at a random moment, three times. After
 * each restart every request that was not answered is sent again with its Idempotency-Key; at
 * the end the ledger verifies, every acknowledged transfer is there and posted once, every retry
 * answered the first result, and no key posted twice.
 *
 * Each transfer has its own user with its own token and session (written through the Store, as
 * the benchmarks do), because a token accepts one OTP per 30 s step (T2).
 */
import { randomInt } from 'node:crypto';
import { demoBank, totp } from '@kinko/core';
import { openStore } from '@kinko/store';
import { afterAll, describe, expect, test } from 'vitest';
import { benchValueDate, lateCutoff, type TransferUser, transferUsers } from '../bench/transfers.ts';
import {
  type Backend,
  backendNames,
  kinkoCli,
  kinkoRun,
  makeBackend,
  type RunningServer,
  startServer,
} from './harness.ts';

const ROUNDS = 3;
const PER_ROUND = 150;
const WORKERS = 8;
/** A pause between a worker's requests, so that a round's load outlasts the kill (≤ 800 ms). */
const PAUSE_MS = 10;

interface Job {
  n: number;
  user: TransferUser;
  enterKey: string;
  confirmKey: string;
  body: { fromAccountId: string; to: { kind: 'own'; accountId: string }; amount: number; valueDate: string };
  state: 'untouched' | 'started';
  /** The answers the client saw before the crash (acknowledged), or null. */
  entered: { transfer: { id: string } } | null;
  confirmed: Receipt | null;
  /** The answers to the retries after the restart. */
  retriedEnter: { transfer: { id: string } } | null;
  retriedConfirm: Receipt | null;
}

interface Receipt {
  receiptNumber: string;
  transfer: { id: string; status: string; amount: number };
}

class Down extends Error {}

async function send<T>(
  base: string,
  user: TransferUser,
  path: string,
  key: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(base + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: user.cookie,
        'x-csrf-token': user.csrf,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    text = await res.text();
  } catch (e) {
    throw new Down(String(e)); // the process died with the request in flight, or before it
  }
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(backendNames())('%s: a server killed under load', (name) => {
  let backend: Backend;
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.stop('SIGKILL');
    await backend?.cleanup();
  });

  test('M1 M3: a server killed with SIGKILL under load loses no acknowledged transfer and posts no key twice', async () => {
    backend = await makeBackend(name, lateCutoff);
    await kinkoCli(backend, ['demo', '--no-serve']);
    const users = await transferUsers(backend, { count: ROUNDS * PER_ROUND, prefix: 'crash' });

    // The demo contract's own accounts: 普通 and 当座.
    const store = await openStore(backend.env.KINKO_DB ?? '', { pgSchema: backend.env.KINKO_PG_SCHEMA });
    const contract = await store.contracts.getByNumber(demoBank.contract.contractNumber);
    if (!contract) throw new Error('demo contract missing');
    const accounts = await store.accounts.listByContract(contract.id);
    await store.close();
    const ordinary = accounts.find((a) => a.type === 'ordinary');
    const current = accounts.find((a) => a.type === 'current');
    if (!ordinary || !current) throw new Error('demo accounts missing');
    const opening = new Map<string, number>([
      [ordinary.id, ordinary.balance],
      [current.id, current.balance],
    ]);

    const { date, sameDay } = benchValueDate();
    const jobs: Job[] = users.map((user, n) => ({
      n,
      user,
      enterKey: `crash-enter-${n}`,
      confirmKey: `crash-confirm-${n}`,
      body: {
        fromAccountId: (n % 2 ? current : ordinary).id,
        to: { kind: 'own', accountId: (n % 2 ? ordinary : current).id },
        amount: 1_000 + n,
        valueDate: date,
      },
      state: 'untouched',
      entered: null,
      confirmed: null,
      retriedEnter: null,
      retriedConfirm: null,
    }));

    server = await startServer(backend);
    const kills: {
      afterMs: number;
      acknowledged: number;
      unanswered: number;
      /** Unanswered, yet committed before the kill: the answers the retries must replay. */
      committed: { entered: number; confirmed: number };
    }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const mine = jobs.slice(round * PER_ROUND, (round + 1) * PER_ROUND);
      const base = server.url;
      let down = false;
      let next = 0;
      const worker = async () => {
        while (!down) {
          const job = mine[next++];
          if (!job) return;
          job.state = 'started';
          try {
            const e = await send<{ transfer: { id: string } }>(
              base,
              job.user,
              '/api/v1/transfers',
              job.enterKey,
              job.body,
            );
            expect(e.status, JSON.stringify(e.body)).toBe(201);
            job.entered = e.body;
            await sleep(PAUSE_MS);
            const c = await send<Receipt>(
              base,
              job.user,
              `/api/v1/transfers/${e.body.transfer.id}/confirm`,
              job.confirmKey,
              { otp: totp(job.user.seed, Date.now()) },
            );
            expect(c.status, JSON.stringify(c.body)).toBe(200);
            job.confirmed = c.body;
            await sleep(PAUSE_MS);
          } catch (err) {
            if (!(err instanceof Down)) throw err;
            down = true;
          }
        }
      };
      const load = Promise.all(Array.from({ length: WORKERS }, worker));
      load.catch(() => {}); // awaited below, after the kill
      const afterMs = randomInt(100, 801);
      await sleep(afterMs);
      await server.stop('SIGKILL');
      down = true;
      await load;
      const started = mine.filter((j) => j.state === 'started');
      kills.push({
        afterMs,
        acknowledged: started.filter((j) => j.confirmed).length,
        unanswered: started.filter((j) => !j.confirmed).length,
        committed: await committedUnanswered(backend, contract.id, started),
      });
      // Killed under load: the round had not run out of work.
      expect(started.length).toBeLessThan(PER_ROUND);

      server = await startServer(backend);
      for (const job of started) await retry(server.url, job);
    }

    await server.stop();
    server = undefined;
    console.log(`${name}: ${JSON.stringify(kills)}`);

    // M1: the ledger recomputed from the journal verifies.
    const verify = await kinkoRun(backend, ['ledger', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/ledger verified/);

    const check = await openStore(backend.env.KINKO_DB ?? '', { pgSchema: backend.env.KINKO_PG_SCHEMA });
    try {
      const transfers = await check.transfers.listByContract(contract.id, { limit: 10_000 });
      const entries = new Map<string, string[]>();
      for (let afterId: string | undefined; ; ) {
        const page = await check.journal.listEntries({ afterId, limit: 500 });
        for (const { entry } of page) {
          if (entry.reference === null) continue;
          entries.set(entry.reference, [...(entries.get(entry.reference) ?? []), entry.id]);
        }
        if (page.length < 500) break;
        afterId = page.at(-1)?.entry.id;
      }
      // No key posted twice: no transfer has more than one entry.
      for (const [ref, ids] of entries) expect(ids.length, ref).toBe(1);

      const byUser = new Map<string, typeof transfers>();
      for (const t of transfers) byUser.set(t.userId, [...(byUser.get(t.userId) ?? []), t]);
      const expected = new Map(opening);
      for (const job of jobs) {
        const theirs = byUser.get(job.user.userId) ?? [];
        if (job.state === 'untouched') {
          expect(theirs).toEqual([]);
          continue;
        }
        // One enter key, one transfer, however often it was sent.
        expect(theirs, `job ${job.n}`).toHaveLength(1);
        const t = theirs[0];
        if (!t) continue;
        const first = job.confirmed ?? job.retriedConfirm;
        expect(first?.transfer.id).toBe(t.id);
        // The receipt the client holds (acknowledged before the crash, or answered to the retry)
        // is the one the bank recorded: the first result.
        expect(first?.receiptNumber).toBe(t.receiptNumber);
        expect(t.status).toBe(sameDay ? 'completed' : 'scheduled');
        if (job.entered) expect(job.entered.transfer.id).toBe(t.id);
        if (job.retriedEnter) expect(job.retriedEnter.transfer.id).toBe(t.id);
        if (sameDay) {
          expect(entries.get(t.id), `job ${job.n} posted once`).toEqual([t.entryId]);
          expected.set(t.fromAccountId, (expected.get(t.fromAccountId) ?? 0) - t.amount - t.fee);
          if (t.toAccountId) expected.set(t.toAccountId, (expected.get(t.toAccountId) ?? 0) + t.amount);
        } else {
          expect(entries.get(t.id)).toBeUndefined();
        }
      }
      for (const [id, balance] of expected) expect((await check.accounts.get(id))?.balance, id).toBe(balance);
    } finally {
      await check.close();
    }
  }, 90_000);
});

/** What the database holds, after the kill, of the started jobs the client got no answer for. */
async function committedUnanswered(
  backend: Backend,
  contractId: string,
  started: Job[],
): Promise<{ entered: number; confirmed: number }> {
  const store = await openStore(backend.env.KINKO_DB ?? '', { pgSchema: backend.env.KINKO_PG_SCHEMA });
  try {
    const all = await store.transfers.listByContract(contractId, { limit: 10_000 });
    const out = { entered: 0, confirmed: 0 };
    for (const job of started) {
      const t = all.find((x) => x.userId === job.user.userId);
      if (!t) continue;
      if (!job.entered) out.entered++;
      if (!job.confirmed && t.status !== 'pending') out.confirmed++;
    }
    return out;
  } finally {
    await store.close();
  }
}

/**
 * After the restart: every step not answered is sent again with its key (M3). The confirm
 * carries a fresh OTP (the proof is not part of the request's identity): a confirmation that
 * committed before the crash answers its first receipt without looking at it. An acknowledged
 * confirmation is sent once more too, and must answer exactly what it answered before.
 */
async function retry(base: string, job: Job): Promise<void> {
  let id = job.entered?.transfer.id;
  if (!job.entered) {
    const e = await send<{ transfer: { id: string } }>(
      base,
      job.user,
      '/api/v1/transfers',
      job.enterKey,
      job.body,
    );
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    job.retriedEnter = e.body;
    id = e.body.transfer.id;
  }
  const c = await send<Receipt>(base, job.user, `/api/v1/transfers/${id}/confirm`, job.confirmKey, {
    otp: totp(job.user.seed, Date.now()),
  });
  expect(c.status, JSON.stringify(c.body)).toBe(200);
  if (job.confirmed) expect(c.body).toEqual(job.confirmed);
  else job.retriedConfirm = c.body;
}
