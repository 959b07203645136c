/**
 * The connection-level pieces under the SQLite driver (sqlite-driver.ts): a statement cache
 * per connection, the FIFO mutex that hands out the writer and the reader, and the
 * asynchronous wait for SQLite's locks.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type BetterSqlite3 from 'better-sqlite3';
import type { QueryResult } from 'kysely';

export const BUSY_TIMEOUT_MS = 5000;

/** Prepared statements kept per SQL text; Kysely compiles the same few hundred texts again and again. */
const STATEMENT_CACHE_SIZE = 500;

export class Statements {
  readonly db: BetterSqlite3.Database;
  readonly #cache = new Map<string, BetterSqlite3.Statement>();
  constructor(db: BetterSqlite3.Database) {
    this.db = db;
  }

  prepare(sql: string): BetterSqlite3.Statement {
    let stmt = this.#cache.get(sql);
    if (stmt) return stmt;
    stmt = this.db.prepare(sql);
    // DDL changes what a prepared statement means; only DML and queries are kept.
    if (/^\s*(insert|update|delete|select|with)\b/i.test(sql)) {
      // Not a true LRU: when full, the oldest text goes; the working set is far below the bound.
      if (this.#cache.size >= STATEMENT_CACHE_SIZE) {
        const oldest = this.#cache.keys().next().value;
        if (oldest !== undefined) this.#cache.delete(oldest);
      }
      this.#cache.set(sql, stmt);
    }
    return stmt;
  }

  isReadonly(sql: string): boolean {
    return this.prepare(sql).readonly;
  }

  run<R>(sql: string, params: unknown[]): QueryResult<R> {
    const stmt = this.prepare(sql);
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes } = stmt.run(params);
    return { numAffectedRows: BigInt(changes), rows: [] };
  }
}

export function queryOnly(db: BetterSqlite3.Database, on: boolean): void {
  if (db.open) db.pragma(`query_only = ${on ? 1 : 0}`);
}

/** A FIFO promise mutex. */
export class Mutex {
  #locked = false;
  readonly #waiters: (() => void)[] = [];
  async acquire(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }
  release(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/**
 * Waits for a lock like busy_timeout would, but without blocking the event loop:
 * better-sqlite3's busy handler sleeps inside the synchronous call, so a process would freeze
 * (every request stalls), and a second connection in the same process (a test's "second
 * process") would wait on a lock holder that cannot run until the wait ends. The connections run
 * with busy_timeout 0 and a failed attempt is retried after an asynchronous sleep; a statement
 * that failed with SQLITE_BUSY changed nothing, so retrying it is safe. The first attempt is
 * synchronous: the common case costs no timer.
 */
export function retryBusy<T>(attempt: () => T): T | Promise<T> {
  try {
    return attempt();
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
  return (async () => {
    const deadline = Date.now() + BUSY_TIMEOUT_MS;
    for (let delay = 1; ; delay = Math.min(delay * 2, 25)) {
      await sleep(delay);
      try {
        return attempt();
      } catch (err) {
        if (!isBusy(err) || Date.now() >= deadline) throw err;
      }
    }
  })();
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
