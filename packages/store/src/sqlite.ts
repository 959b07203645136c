/**
 * SQLite through better-sqlite3: opening the file with a bank's durability, and the Kysely
 * dialect whose driver (sqlite-driver.ts) takes writes with BEGIN IMMEDIATE and group commit.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type Driver, SqliteAdapter, SqliteDialect } from 'kysely';
import { ImmediateDriver } from './sqlite-driver.ts';
import { BUSY_TIMEOUT_MS } from './sqlite-statements.ts';

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
