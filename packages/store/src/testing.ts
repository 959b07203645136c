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
import pg from 'pg';
import { type KinkoStore, openStore, openTwin } from './open.ts';

export type TestStore = KinkoStore & {
  /** Closes the store and its twins, and deletes its data (temp file or schema). */
  cleanup(): Promise<void>;
};

export interface TestBackend {
  name: 'sqlite' | 'postgres';
  open(): Promise<TestStore>;
}

/** Twins opened for a test store, closed by its cleanup. */
const twins = new WeakMap<KinkoStore, KinkoStore[]>();

export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [{ name: 'sqlite', open: openSqliteTestStore }];
  // Only listed when configured, so a run without PostgreSQL shows no skipped tests.
  const pgUrl = process.env.KINKO_TEST_PG;
  if (pgUrl) backends.push({ name: 'postgres', open: () => openPostgresTestStore(pgUrl) });
  return backends;
}

/**
 * A second store on the same database (SQLite file or PostgreSQL schema) with its own
 * connection or pool: what a second server process would see. Closed by the first store's
 * cleanup if it came from testBackends, else by the caller.
 */
export async function openTestStoreTwin(store: KinkoStore): Promise<KinkoStore> {
  const twin = await openTwin(store);
  const list = twins.get(store);
  if (list) list.push(twin);
  return twin;
}

async function openSqliteTestStore(): Promise<TestStore> {
  const dir = await mkdtemp(join(tmpdir(), 'kinko-store-'));
  try {
    const store = await openStore(`sqlite:${join(dir, 'kinko.db')}`);
    return withCleanup(store, () => rm(dir, { recursive: true, force: true }));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

async function openPostgresTestStore(url: string): Promise<TestStore> {
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
    const store = await openStore(url, { pgSchema: schema });
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
