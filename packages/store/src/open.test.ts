/** Opening stores: URL forms, SQLite durability settings, migrations racing, PG isolation. */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type KinkoStore, migrateOnly, openStore } from './index.ts';
import { migrationProvider } from './migrations/index.ts';
import { openSqliteFile } from './sqlite.ts';
import { openTestStoreTwin } from './testing.ts';

/** Every migration, in name order: what a fresh database gets. */
const allMigrations = Object.keys(await migrationProvider('sqlite').getMigrations()).sort();

describe('opening SQLite', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kinko-open-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('SPEC §5: WAL, synchronous FULL, busy_timeout 5000 and foreign keys on every connection', () => {
    const db = openSqliteFile(join(dir, 'pragmas.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('the check for the root store inside its own transaction is on by default in tests, and can be turned off', async () => {
    const checked = await openStore(`sqlite:${join(dir, 'checked.db')}`);
    const unchecked = await openStore(`sqlite:${join(dir, 'unchecked.db')}`, { checkTransactionUse: false });
    try {
      await expect(checked.transaction(() => checked.settings.get('k'))).rejects.toThrow(
        /inside its own transaction/,
      );
      // Unchecked, a read through the root store runs outside the transaction, on the reader.
      await unchecked.settings.put('k', 'committed');
      const seen = await unchecked.transaction(async (tx) => {
        await tx.settings.put('k', 'uncommitted');
        return unchecked.settings.get('k');
      });
      expect(seen).toBe('committed');
      expect(await unchecked.settings.get('k')).toBe('uncommitted');
    } finally {
      await checked.close();
      await unchecked.close();
    }
  });

  it('creates missing parent folders and accepts the sqlite:///absolute spelling', async () => {
    const file = join(dir, 'nested', 'deeper', 'kinko.db');
    const store = await openStore(`sqlite://${file}`);
    await store.settings.put('k', 'v');
    await store.close();
    expect(existsSync(file)).toBe(true);
    const again = await openStore(`sqlite:${file}`);
    expect(again.kind).toBe('sqlite');
    expect(await again.settings.get('k')).toBe('v');
    await again.close();
    await again.close(); // closing twice is harmless
  });

  it('migrateOnly applies the migrations once, then nothing', async () => {
    const url = `sqlite:${join(dir, 'migrate-only.db')}`;
    expect(await migrateOnly(url)).toEqual(allMigrations);
    expect(await migrateOnly(url)).toEqual([]);
  });

  it('opening with migrate: false leaves a fresh database unmigrated until migrate()', async () => {
    const store = await openStore(`sqlite:${join(dir, 'lazy.db')}`, { migrate: false });
    await expect(store.settings.get('k')).rejects.toThrow(/no such table/);
    expect(await store.migrate()).toEqual(allMigrations);
    expect(await store.settings.get('k')).toBeNull();
    await store.close();
  });

  it('two processes migrating the same fresh file at once apply each migration once', async () => {
    const url = `sqlite:${join(dir, 'race.db')}`;
    const a = await openStore(url, { migrate: false });
    const b = await openStore(url, { migrate: false });
    const applied = await Promise.all([a.migrate(), b.migrate()]);
    expect(applied.flat().sort()).toEqual(allMigrations);
    await Promise.all([a.close(), b.close()]);
  });

  it('sqlite::memory: gives a throwaway store, which has no twin', async () => {
    const store = await openStore('sqlite::memory:');
    await store.settings.put('k', 'v');
    expect(await store.settings.get('k')).toBe('v');
    await expect(openTestStoreTwin(store)).rejects.toThrow(/in-memory/);
    await store.close();
  });

  it('refuses unknown URLs and schema names that are not plain identifiers', async () => {
    await expect(openStore('mysql://localhost/kinko')).rejects.toThrow(/unsupported database URL/);
    await expect(openStore('postgres://127.0.0.1:1/none', { pgSchema: 'a"; drop' })).rejects.toThrow(
      /plain identifier/,
    );
  });
});

// Only declared when PostgreSQL is configured, so a run without it shows no skipped tests.
const pgUrl = process.env.KINKO_TEST_PG;
if (pgUrl) {
  describe('opening PostgreSQL', () => {
    const schemas: string[] = [];
    const stores: KinkoStore[] = [];
    const fresh = async (migrate: boolean) => {
      const schema = `kinko_t_${randomBytes(6).toString('hex')}`;
      schemas.push(schema);
      const store = await openStore(pgUrl, { pgSchema: schema, migrate });
      stores.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(stores.splice(0).map((s) => s.close()));
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      for (const schema of schemas.splice(0)) await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    });

    it('two processes migrating the same fresh schema at once apply each migration once, without advisory locks', async () => {
      const a = await fresh(false);
      const b = await openTestStoreTwin(a);
      stores.push(b);
      const applied = await Promise.all([a.migrate(), b.migrate()]);
      expect(applied.flat().sort()).toEqual(allMigrations);
      expect(await b.audit.heads({ limit: 10 })).toEqual([]);
    });

    it('each schema is its own world, migration tables included', async () => {
      const a = await fresh(true);
      const b = await fresh(true);
      await a.settings.put('k', 'a');
      expect(await b.settings.get('k')).toBeNull();
      expect(await b.migrate()).toEqual([]);
    });

    it('int8 comes back as a number from our pools only; the global pg.types is untouched', async () => {
      const store = await fresh(true);
      await store.transaction(async (tx) => {
        await tx.audit.lockHeads(['bank']);
      });
      expect(typeof (await store.audit.head('bank'))?.seq).toBe('number');
      expect(pg.types.getTypeParser(20, 'text')('9007199254740993')).toBe('9007199254740993');
    });
  });
}
