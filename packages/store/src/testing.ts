/**
 * Helpers for tests in every package: the same test runs on each database this machine offers
 * (SQLite always; PostgreSQL when KINKO_TEST_PG holds a URL), each store on fresh, private data.
 *
 *   describe.each(testBackends())('$name', ({ open }) => { … })
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@kinko/core/ports';
import pg from 'pg';
import { type KinkoStore, type OpenOptions, openStore, openTwin } from './open.ts';

/** A transfer record for tests of any package, as the store holds it (any field overridable). */
export { transfer as transferRecord } from './conformance/fixtures.ts';

export type TestStore = KinkoStore & {
  /** Closes the store and its twins, and deletes its data (temp file or schema). */
  cleanup(): Promise<void>;
};

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  /** With migrate: false, the schema is left for the test to migrate (e.g. to an older version). */
  open(opts?: Pick<OpenOptions, 'migrate'>): Promise<TestStore>;
}

/** Twins opened for a test store, closed by its cleanup. */
const twins = new WeakMap<KinkoStore, KinkoStore[]>();

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'sqlite', open: openSqliteTestStore }];
  // Only listed when configured, so a run without PostgreSQL shows no skipped tests.
  const pgUrl = process.env.KINKO_TEST_PG;
  if (pgUrl) backends.push({ name: 'postgres', open: (opts) => openPostgresTestStore(pgUrl, opts) });
  return backends;
}

/**
 * A second store on the same database (SQLite file or PostgreSQL schema) with its own
 * connection or pool: what a second server process would see. Closed by the first store's
 * cleanup if it came from testBackends, else by the caller.
 */
/** Every record of every audit chain (L1): the sum of the chains' heads. */
export async function auditRecordCount(store: Store): Promise<number> {
  let n = 0;
  let afterChain: string | undefined;
  for (;;) {
    const heads = await store.audit.heads({
      limit: 500,
      ...(afterChain === undefined ? {} : { afterChain }),
    });
    for (const h of heads) n += h.seq;
    if (heads.length < 500) return n;
    afterChain = heads.at(-1)?.chain;
  }
}

export async function openTestStoreTwin(store: KinkoStore): Promise<KinkoStore> {
  const twin = await openTwin(store);
  const list = twins.get(store);
  if (list) list.push(twin);
  return twin;
}

async function openSqliteTestStore(opts: Pick<OpenOptions, 'migrate'> = {}): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), 'kinko-store-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'kinko.db')}`, opts);
    return withCleanup(store, () => rm(dir, { recursive: true, force: true }));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function openPostgresTestStore(
  url: string,
  opts: Pick<OpenOptions, 'migrate'> = {},
): Promise<TestStore> {
  const schema = `kinko_t_${randomBytes(6).toString('hex')}`;
  const dropSchema = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  };
  try {
    const store = await openStore(url, { ...opts, pgSchema: schema });
    return withCleanup(store, dropSchema);
  } catch (err) {
    await dropSchema();
    throw err;
  }
}

function withCleanup(store: KinkoStore, removeData: () => Promise<void>): TestStore {
  const list: KinkoStore[] = [];
  twins.set(store, list);
  const cleanup = async () => {
    await Promise.all(list.map((t) => t.close()));
    await store.close();
    await removeData();
  };
  const testStore: TestStore = Object.assign(store, { cleanup });
  return testStore;
}
