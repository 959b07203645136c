/**
 * The peer of the HTTP transfer figure: the same transfers (入力 + 確認・実行, each with its own
 * Idempotency-Key and a fresh OTP, 16 at a time) through core and the store in this process,
 * with no HTTP, no session and no JSON. What is left is Kinko's own work per transfer and the
 * database's; the CPU this process spends per transfer says how far one core goes.
 */
import { randomBytes } from 'node:crypto';
import {
  type CustomerActor,
  createAesGcmKek,
  createAuditKey,
  createKinko,
  demoBank,
  makeConfig,
  type TransferInput,
  totp,
} from '@kinko/core';
import { openStore } from '@kinko/store';
import { kinkoCli, makeBackend } from '../e2e/harness.ts';
import type { Ceilings } from './ceiling.ts';
import { benchBackends, benchValueDate, lateCutoff, TRANSFERS, transferUsers } from './transfers.ts';

const CONCURRENCY = 16;

export interface InProcessFigures {
  backend: 'sqlite' | 'postgres';
  perSecond: number;
  /** CPU (user + system) of this process per transfer, in ms. */
  cpuMs: number;
}

async function inProcessTransfers(name: 'sqlite' | 'postgres', count: number): Promise<InProcessFigures> {
  const backend = await makeBackend(name, lateCutoff);
  try {
    await kinkoCli(backend, ['demo', '--no-serve']);
    const users = await transferUsers(backend, { count, prefix: 'ip', accounts: { deposit: 1_000_000 } });
    const env = backend.env;
    // As deployed (README: NODE_ENV=production): without the development check of the store.
    const store = await openStore(env.KINKO_DB ?? '', {
      pgSchema: env.KINKO_PG_SCHEMA,
      checkTransactionUse: false,
    });
    try {
      const random = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };
      const kek = createAesGcmKek(new Uint8Array(Buffer.from(env.KINKO_KEK ?? '', 'base64')), random);
      const kinko = createKinko({
        store,
        clock: { now: () => Date.now() },
        random,
        kek,
        auditKey: createAuditKey(new Uint8Array(Buffer.from(env.KINKO_AUDIT_KEY ?? '', 'base64'))),
        config: makeConfig(lateCutoff),
      });
      const contract = await store.contracts.getByNumber(demoBank.contract.contractNumber);
      if (!contract) throw new Error('demo contract missing');
      const { date } = benchValueDate();
      let next = 0;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let u = users[next++]; u; u = users[next++]) {
            const actor: CustomerActor = {
              kind: 'customer',
              userId: u.userId,
              contractId: contract.id,
              role: 'user',
              clientAddress: '127.0.0.1',
            };
            const input: TransferInput = {
              fromAccountId: u.from ?? '',
              to: { kind: 'own', accountId: u.to ?? '' },
              amount: 1_000,
              valueDate: date,
            };
            const pending = await kinko.enterTransfer(actor, input, `enter-${u.userId}`);
            const otp = { otp: totp(u.seed, Date.now()) };
            await kinko.confirmTransfer(actor, pending.transfer.id, otp, `confirm-${u.userId}`);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      return {
        backend: name,
        perSecond: Math.round(users.length / seconds),
        cpuMs: Math.round(((cpu.user + cpu.system) / 1000 / users.length) * 100) / 100,
      };
    } finally {
      await store.close();
    }
  } finally {
    await backend.cleanup();
  }
}

export async function benchInProcess(ceiling: Ceilings): Promise<InProcessFigures[]> {
  const figures: InProcessFigures[] = [];
  for (const n of benchBackends()) figures.push(await inProcessTransfers(n, TRANSFERS));
  const commits = (b: string) => (b === 'sqlite' ? ceiling.sqliteCommits : ceiling.pgCommits16);
  console.log(
    `\nThe same transfers in one process, without HTTP (core + store, ${TRANSFERS} transfers, ${CONCURRENCY} at a time)`,
  );
  console.table(
    figures.map((f) => ({
      backend: f.backend,
      'transfers/s': f.perSecond,
      'CPU ms/transfer': f.cpuMs,
      'of durable commits/s': `${((100 * f.perSecond) / commits(f.backend)).toFixed(0)}%`,
    })),
  );
  return figures;
}
