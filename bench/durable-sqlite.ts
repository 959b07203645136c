import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Runs fn on a fresh SQLite file with Kinko's durability (WAL, synchronous FULL), then deletes it. */
export function withDurableSqlite<T>(fn: (db: Database.Database) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'kinko-bench-'));
  const db = new Database(join(dir, 'bench.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    return fn(db);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
