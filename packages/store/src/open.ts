/** Opening a store from a URL, and running its migrations. */
import { resolve } from 'node:path';
import type { Store } from '@kinko/core/ports';
import { Kysely, Migrator, sql } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import { KinkoPostgresDialect, openPostgresPool } from './postgres.ts';
import type { Database, Kind } from './schema.ts';
import { KinkoSqliteDialect, openSqliteFile } from './sqlite.ts';
import { createStore } from './store.ts';

export type KinkoStore = Store & {
  kind: Kind;
  /**
   * Applies pending migrations, up to and including `to` when given (a test that starts from an
   * older schema); returns their names (empty when up to date).
   */
  migrate(to?: string): Promise<string[]>;
  /** The URL the store was opened with (it may carry a password: do not log it). */
  url: string;
};

export interface OpenOptions {
  /** PostgreSQL: live in this schema (created if missing) rather than the default. Ignored by SQLite. */
  pgSchema?: string;
  /** Run pending migrations on open; default true. */
  migrate?: boolean;
  /** A development check (store.ts StoreOptions); default: on unless NODE_ENV=production. */
  checkTransactionUse?: boolean;
}

/** How each open store was opened, so that a test can open a second one on the same data. */
const openedWith = new WeakMap<KinkoStore, OpenOptions>();

/**
 * `sqlite:PATH` (relative to the working directory, or absolute), `sqlite::memory:`, or
 * `postgres://…` / `postgresql://…`.
 */
export async function openStore(url: string, opts: OpenOptions = {}): Promise<KinkoStore> {
  const { kind, db, migrationSchema } = await connect(url, opts);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await db.destroy();
  };
  const store: KinkoStore = {
    ...createStore(db, kind, close, { checkTransactionUse: opts.checkTransactionUse }),
    kind,
    url,
    migrate: (to) => runMigrations(db, kind, migrationSchema, to),
  };
  openedWith.set(store, { ...opts });
  if (opts.migrate ?? true) {
    try {
      await store.migrate();
    } catch (err) {
      await close();
      throw err;
    }
  }
  return store;
}

/** For `kinko db migrate`: opens, applies pending migrations, closes; returns their names. */
export async function migrateOnly(url: string, opts: Omit<OpenOptions, 'migrate'> = {}): Promise<string[]> {
  const store = await openStore(url, { ...opts, migrate: false });
  try {
    return await store.migrate();
  } finally {
    await store.close();
  }
}

/** A second, independent store (own connection or pool) on the same database and schema. */
export function openTwin(store: KinkoStore): Promise<KinkoStore> {
  const opts = openedWith.get(store);
  if (!opts) throw new Error('store: not opened by openStore');
  if (store.url === 'sqlite::memory:') throw new Error('store: an in-memory database has no twin');
  return openStore(store.url, { ...opts, migrate: false });
}

interface Connection {
  kind: Kind;
  db: Kysely<Database>;
  /** Where Kysely's own migration tables live (PostgreSQL); see runMigrations. */
  migrationSchema: string | undefined;
}

async function connect(url: string, opts: OpenOptions): Promise<Connection> {
  if (url.startsWith('sqlite:')) {
    // pgSchema is ignored here: the CLI passes KINKO_PG_SCHEMA whatever the URL.
    const db = new Kysely<Database>({ dialect: new KinkoSqliteDialect(openSqliteFile(sqlitePath(url))) });
    return { kind: 'sqlite', db, migrationSchema: undefined };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = await openPostgresPool(url, opts.pgSchema || undefined); // '' = unset variable
    const db = new Kysely<Database>({ dialect: new KinkoPostgresDialect(pool) });
    try {
      const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
      const schema = rows[0]?.schema;
      if (!schema) throw new Error('postgres: no current schema (is the search_path empty?)');
      return { kind: 'postgres', db, migrationSchema: schema };
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  throw new Error(`store: unsupported database URL (expected sqlite:PATH or postgres://…)`);
}

function sqlitePath(url: string): string {
  // Also accept the sqlite:///abs/path and sqlite://rel/path spellings other tools use.
  const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (rest === '') throw new Error('store: sqlite URL without a path');
  return rest === ':memory:' ? rest : resolve(rest);
}

/** Retries after losing a race with another process migrating the same database. */
const MIGRATION_ATTEMPTS = 3;

async function runMigrations(
  db: Kysely<Database>,
  kind: Kind,
  schema: string | undefined,
  to?: string,
): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(kind),
    // Kysely looks its tables up across all schemas; pin them to ours, or a database with
    // several Kinko schemas (tests) would find another schema's migration table.
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await (to === undefined ? migrator.migrateToLatest() : migrator.migrateTo(to));
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // The loser of a concurrent run rolled back whole (see postgres.ts); look again.
    if (attempt >= MIGRATION_ATTEMPTS) {
      throw new Error(`store: migration failed: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
  }
}
