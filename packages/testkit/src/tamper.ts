/**
 * Test helper for L1: changes the database behind a store's back, as an attacker with database
 * access would (the store offers no way to do it, by design). SQLite: the file, opened with
 * better-sqlite3. PostgreSQL: the test schema, found by a marker this store writes first.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from '@kinko/core/ports';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

export async function tamper(store: Store & { url: string }, statement: string): Promise<void> {
  if (store.url.startsWith('sqlite:')) {
    const db = new BetterSqlite3(store.url.slice('sqlite:'.length).replace(/^\/\//, ''));
    try {
      db.exec(statement);
    } finally {
      db.close();
    }
    return;
  }
  const marker = randomBytes(16).toString('hex');
  await store.settings.put('test.tamper_marker', marker);
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `select nspname from pg_namespace where nspname like 'kinko_t_%'`,
    );
    for (const { nspname } of rows) {
      const schema = `"${nspname.replace(/"/g, '')}"`;
      const found = await client
        .query(`select 1 from ${schema}.settings where key = 'test.tamper_marker' and value = $1`, [marker])
        .catch(() => ({ rowCount: 0 }));
      if (found.rowCount === 1) {
        await client.query(`set search_path to ${schema}`);
        await client.query(statement);
        return;
      }
    }
    throw new Error('tamper: no schema holds this store');
  } finally {
    await client.end();
  }
}
