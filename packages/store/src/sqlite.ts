/**
 * SQLite through better-sqlite3, behind a small Kysely driver of our own. Kysely's built-in
 * SqliteDriver opens transactions with a plain (deferred) BEGIN: two processes that both read
 * and then try to write would find their read snapshots stale and fail with SQLITE_BUSY. Every
 * transaction here is BEGIN IMMEDIATE instead: a writer takes the write lock up front, so
 * writers queue rather than deadlock.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3 from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  SqliteDialect,
  type TransactionSettings,
} from 'kysely';

const BUSY_TIMEOUT_MS = 5000;

/** Opens the file (creating its folder) with the durability a bank needs (SPEC §5). */
export function openSqliteFile(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  try {
    // First, so that the pragmas below wait for a process that is opening the same file.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // WAL: readers never block the writer. An in-memory database reports 'memory'.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && path !== ':memory:') throw new Error(`sqlite: journal_mode is ${String(mode)}`);
    // FULL: a committed OTP step (T2) or lockout count (A2) survives a power cut.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

export class KinkoSqliteDialect extends SqliteDialect {
  readonly #db: BetterSqlite3.Database;
  constructor(db: BetterSqlite3.Database) {
    super({ database: db });
    this.#db = db;
  }
  override createDriver(): Driver {
    return new ImmediateDriver(this.#db);
  }
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlAdapter();
  }
}

/**
 * SQLite has transactional DDL; Kysely's adapter says it has not, which would let the Migrator
 * leave a half-applied migration behind. With this, each migration run is one BEGIN IMMEDIATE
 * transaction, which also serialises two processes migrating the same file.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/** One connection per file; a promise mutex hands it to one Kysely operation at a time. */
class ImmediateDriver implements Driver {
  readonly #db: BetterSqlite3.Database;
  readonly #connection: SqliteConnection;
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
    this.#connection = new SqliteConnection(db);
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    return this.#connection;
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  async beginTransaction(_connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // A read-only transaction (Store.snapshot) takes no write lock: a deferred BEGIN, whose
    // first read fixes a WAL snapshot that writers in other processes do not disturb.
    if (settings.accessMode === 'read only') {
      this.#db.exec('begin');
      return;
    }
    await withoutBlocking(this.#db, () => this.#db.exec('begin immediate'));
  }
  async commitTransaction(): Promise<void> {
    this.#db.exec('commit');
  }
  async rollbackTransaction(): Promise<void> {
    // SQLite may already have rolled back on its own (e.g. SQLITE_FULL); nothing left to undo.
    if (this.#db.inTransaction) this.#db.exec('rollback');
  }
  async destroy(): Promise<void> {
    if (this.#db.open) this.#db.close();
  }
}

class SqliteConnection implements DatabaseConnection {
  readonly #db: BetterSqlite3.Database;
  constructor(db: BetterSqlite3.Database) {
    this.#db = db;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#db.prepare(query.sql);
    // better-sqlite3 binds no booleans; this is the one place SQLite's 0/1 is produced.
    const params = query.parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    const run = (): QueryResult<R> => {
      if (stmt.reader) return { rows: stmt.all(params) as R[] };
      const { changes } = stmt.run(params);
      return { numAffectedRows: BigInt(changes), rows: [] };
    };
    // A write outside a transaction (an autocommit UPDATE such as consumeStep) may have to wait
    // for another connection's write lock. Inside a transaction we already hold it.
    if (this.#db.inTransaction || stmt.readonly) return run();
    return withoutBlocking(this.#db, run);
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by this store
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('sqlite: streaming queries are not supported');
  }
}

/**
 * Waits for the write lock like busy_timeout would, but without blocking the event loop:
 * better-sqlite3's busy handler sleeps inside the synchronous call, so a process would freeze
 * (every request stalls), and a second connection in the same process (a test's "second
 * process") would wait on a lock holder that cannot run until the wait ends. Each attempt runs
 * with busy_timeout 0 and failed attempts are retried after an asynchronous sleep; a statement
 * that failed with SQLITE_BUSY changed nothing, so retrying it is safe.
 */
async function withoutBlocking<T>(db: BetterSqlite3.Database, attempt: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  db.pragma('busy_timeout = 0');
  try {
    for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
      try {
        return attempt();
      } catch (err) {
        if (!isBusy(err) || Date.now() >= deadline) throw err;
      }
      await sleep(delay);
    }
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
