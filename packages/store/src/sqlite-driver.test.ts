/**
 * The SQLite driver's group commit (sqlite-driver.ts, docs/decisions/0003): no caller is answered
 * before its work is durable, a failed member takes nothing of its neighbours, a failed COMMIT
 * (or SQLite rolling the group back on its own) fails every member and leaves nothing, nothing
 * uncommitted is shown to a reader, close() neither hangs nor keeps half a transaction. SQLite
 * only; the cross-database guarantees are the conformance tests' (conformance/commits.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '@kinko/core/ports';
import { Kysely, sql, type Transaction } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type KinkoStore, openStore, openTwin } from './open.ts';
import { KinkoSqliteDialect, openSqliteFile } from './sqlite.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo();
});

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kinko-driver-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'kinko.db');
}

async function open(url: string): Promise<KinkoStore> {
  const store = await openStore(url);
  cleanups.push(() => store.close());
  return store;
}

/** A promise and the function that resolves it. */
function latch(): { done: Promise<void>; open: () => void } {
  let open!: () => void;
  const done = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { done, open };
}

/** Lets every pending setImmediate (the scheduled group COMMIT) run. */
const nextTurns = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('group commit through the Store', () => {
  it('70 transactions of one turn (more than one group): each is readable, by this store and a twin, the moment it resolves; a failing one leaves nothing', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    const twin = await openTwin(store);
    cleanups.push(() => twin.close());
    const outcomes = await Promise.allSettled(
      Array.from({ length: 70 }, (_, i) =>
        store
          .transaction(async (tx) => {
            await tx.settings.put(`k${i}`, `v${i}`);
            await tx.settings.put(`other${i}`, 'x');
            if (i % 7 === 3) throw new Error(`refused ${i}`);
            return i;
          })
          .then(async (n) => [await store.settings.get(`k${n}`), await twin.settings.get(`k${n}`)]),
      ),
    );
    outcomes.forEach((o, i) => {
      if (i % 7 === 3) expect(o).toMatchObject({ status: 'rejected', reason: { message: `refused ${i}` } });
      else expect(o).toEqual({ status: 'fulfilled', value: [`v${i}`, `v${i}`] });
    });
    for (let i = 0; i < 70; i++) {
      const kept = i % 7 === 3 ? null : 'x';
      expect(await twin.settings.get(`other${i}`)).toBe(kept);
    }
  });

  it('a member that awaits a real timer keeps the writer: the others run after it, in call order, and all commit', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    await store.transaction((tx) => tx.settings.put('n', '0'));
    const log: string[] = [];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.transaction(async (tx) => {
          log.push(`start ${i}`);
          const n = Number(await tx.settings.get('n'));
          if (i === 2) await sleep(30); // a macrotask: the scheduled COMMIT fires meanwhile
          await tx.settings.put('n', String(n + 1));
          log.push(`end ${i}`);
          return n;
        }),
      ),
    );
    expect(log).toEqual(Array.from({ length: 8 }, (_, i) => [`start ${i}`, `end ${i}`]).flat());
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(await store.settings.get('n')).toBe('8');
  });

  it('nothing is shown before the COMMIT: a finished member waiting for its group is invisible to root reads, which do not block', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    const entered = latch();
    const gate = latch();
    let firstDone = false;
    const first = store
      .transaction((tx) => tx.settings.put('a', '1'))
      .then(() => {
        firstDone = true;
      });
    const second = store.transaction(async (tx) => {
      await tx.settings.put('b', '1');
      entered.open();
      await gate.done; // holds the group open
    });
    await entered.done;
    await nextTurns();
    expect(firstDone).toBe(false); // its COMMIT waits for the group
    expect(await store.settings.get('a')).toBeNull();
    expect(await store.settings.get('b')).toBeNull();
    expect(await store.snapshot((view) => view.settings.get('a'))).toBeNull();
    gate.open();
    await Promise.all([first, second]);
    expect(await store.settings.get('a')).toBe('1');
    expect(await store.settings.get('b')).toBe('1');
  });

  it('a snapshot keeps the view of its first read while groups commit', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    const twin = await openTwin(store);
    cleanups.push(() => twin.close());
    await store.transaction((tx) => tx.settings.put('a', 'old'));
    const reading = latch();
    const committed = latch();
    const view = store.snapshot(async (v) => {
      const before = await v.settings.get('a');
      reading.open();
      await committed.done;
      return [before, await v.settings.get('b'), await v.settings.get('c')];
    });
    await reading.done;
    await Promise.all([
      store.transaction((tx) => tx.settings.put('b', 'new')),
      twin.transaction((tx) => tx.settings.put('c', 'new')),
    ]);
    committed.open();
    expect(await view).toEqual(['old', null, null]);
    expect(await store.settings.get('b')).toBe('new');
    expect(await store.settings.get('c')).toBe('new');
  });

  it('nested Store.transaction joins the outer one: one commit, and an inner failure undoes both', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    await store.transaction(async (tx) => {
      await tx.settings.put('outer', '1');
      await tx.transaction((inner) => inner.settings.put('inner', '1'));
    });
    expect([await store.settings.get('outer'), await store.settings.get('inner')]).toEqual(['1', '1']);
    const failed = store.transaction(async (tx) => {
      await tx.settings.put('outer', '2');
      await tx.transaction(async (inner) => {
        await inner.settings.put('inner', '2');
        throw new Error('inner refused');
      });
    });
    await expect(failed).rejects.toThrow('inner refused');
    expect([await store.settings.get('outer'), await store.settings.get('inner')]).toEqual(['1', '1']);
  });

  it('twin stores (two processes) with groups in both: 2×50 read-modify-write increments end at exactly 100', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    const twin = await openTwin(store);
    cleanups.push(() => twin.close());
    await store.transaction((tx) => tx.settings.put('n', '0'));
    const increment = (s: Store) =>
      s.transaction(async (tx) => {
        const n = Number(await tx.settings.get('n'));
        await tx.settings.put('n', String(n + 1));
        return n;
      });
    const seen = await Promise.all(
      Array.from({ length: 50 }, () => [increment(store), increment(twin)]).flat(),
    );
    expect([...seen].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(await store.settings.get('n')).toBe('100');
    expect(await twin.settings.get('n')).toBe('100');
  });

  it('the in-memory database (no second connection): groups, a failing member, root reads and snapshots', async () => {
    const store = await open('sqlite::memory:');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        store
          .transaction(async (tx) => {
            await tx.settings.put(`k${i}`, `v${i}`);
            if (i % 4 === 1) throw new Error('refused');
          })
          .then(() => store.settings.get(`k${i}`)),
      ),
    );
    outcomes.forEach((o, i) => {
      expect(o.status).toBe(i % 4 === 1 ? 'rejected' : 'fulfilled');
      if (o.status === 'fulfilled') expect(o.value).toBe(`v${i}`);
    });
    for (let i = 0; i < 40; i++) expect(await store.settings.get(`k${i}`)).toBe(i % 4 === 1 ? null : `v${i}`);
    const pending = store.transaction((tx) => tx.settings.put('late', '1'));
    expect(await store.snapshot((view) => view.settings.get('k0'))).toBe('v0');
    await pending;
    expect(await store.snapshot((view) => view.settings.get('late'))).toBe('1');
    // A snapshot is read-only here too, as on a file (whose reader connection is read-only).
    await expect(store.snapshot((view) => view.settings.put('late', '2'))).rejects.toThrow(/readonly/);
    await store.transaction((tx) => tx.settings.put('late', '3'));
    expect(await store.settings.get('late')).toBe('3');
  });

  it('a snapshot on a file refuses writes', async () => {
    const store = await open(`sqlite:${tempFile()}`);
    await expect(store.snapshot((view) => view.settings.put('k', '1'))).rejects.toThrow(/readonly/);
    expect(await store.settings.get('k')).toBeNull();
  });
});

describe('close()', () => {
  it('right after transactions were called: each fails cleanly, nothing is kept, and later calls fail too', async () => {
    const file = tempFile();
    const store = await openStore(`sqlite:${file}`);
    const calls = Array.from({ length: 20 }, (_, i) =>
      store.transaction((tx) => tx.settings.put(`k${i}`, '1')),
    );
    await store.close();
    const outcomes = await Promise.allSettled(calls);
    await expect(store.transaction((tx) => tx.settings.put('after', '1'))).rejects.toThrow();
    await nextTurns(); // a COMMIT scheduled before close finds nothing to do
    const again = await open(`sqlite:${file}`);
    for (const [i, o] of outcomes.entries()) {
      expect(await again.settings.get(`k${i}`)).toBe(o.status === 'fulfilled' ? '1' : null);
    }
  });

  it('with a group waiting for its COMMIT, a member half done and more queued: the group is kept, the rest fail and keep nothing', async () => {
    const file = tempFile();
    const store = await openStore(`sqlite:${file}`);
    const entered = latch();
    const gate = latch();
    const grouped = Array.from({ length: 5 }, (_, i) =>
      store.transaction((tx) => tx.settings.put(`g${i}`, '1')),
    );
    const half = store.transaction(async (tx) => {
      await tx.settings.put('half-a', '1');
      entered.open();
      await gate.done;
      await tx.settings.put('half-b', '1');
    });
    const queued = Array.from({ length: 5 }, (_, i) =>
      store.transaction((tx) => tx.settings.put(`q${i}`, '1')),
    );
    await entered.done;
    await store.close();
    gate.open();
    expect((await Promise.allSettled(grouped)).map((o) => o.status)).toEqual(Array(5).fill('fulfilled'));
    await expect(half).rejects.toThrow();
    expect((await Promise.allSettled(queued)).map((o) => o.status)).toEqual(Array(5).fill('rejected'));
    await nextTurns();
    const again = await open(`sqlite:${file}`);
    for (let i = 0; i < 5; i++) {
      expect(await again.settings.get(`g${i}`)).toBe('1');
      expect(await again.settings.get(`q${i}`)).toBeNull();
    }
    expect(await again.settings.get('half-a')).toBeNull();
    expect(await again.settings.get('half-b')).toBeNull();
  });
});

/** Driver-level: our own tables, with a foreign key that SQLite checks only at COMMIT. */
interface Raw {
  parent: { id: number };
  child: { id: number; parent_id: number };
}

async function rawDb(): Promise<Kysely<Raw>> {
  const db = new Kysely<Raw>({ dialect: new KinkoSqliteDialect(openSqliteFile(tempFile())) });
  cleanups.push(() => db.destroy());
  await sql`create table parent (id integer primary key)`.execute(db);
  await sql`create table child (id integer primary key, parent_id integer not null
    references parent (id) deferrable initially deferred)`.execute(db);
  return db;
}

/** What Store.transaction does: run in the group, answer after the durable COMMIT. */
function member<T>(db: Kysely<Raw>, fn: (trx: Transaction<Raw>) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

const parentIds = async (db: Kysely<Raw>) =>
  (await db.selectFrom('parent').select('id').orderBy('id').execute()).map((r) => r.id);

describe('a group that cannot commit', () => {
  it('a COMMIT failing on a deferred foreign key fails every member of the group, and keeps nothing', async () => {
    const db = await rawDb();
    const outcomes = await Promise.allSettled([
      member(db, (trx) => trx.insertInto('parent').values({ id: 1 }).execute()),
      member(db, (trx) => trx.insertInto('child').values({ id: 1, parent_id: 999 }).execute()),
      member(db, (trx) => trx.insertInto('parent').values({ id: 2 }).execute()),
    ]);
    for (const o of outcomes) {
      expect(o).toMatchObject({ status: 'rejected', reason: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' } });
    }
    expect(await parentIds(db)).toEqual([]);
    expect(await db.selectFrom('child').selectAll().execute()).toEqual([]);
    // The driver is usable again: the next group commits.
    await member(db, (trx) => trx.insertInto('parent').values({ id: 3 }).execute());
    expect(await parentIds(db)).toEqual([3]);
  });

  it('a write outside any transaction is a one-statement member of the group: it fails alone, or with its group', async () => {
    const db = await rawDb();
    const first = await Promise.allSettled([
      member(db, (trx) => trx.insertInto('parent').values({ id: 1 }).execute()),
      db.insertInto('parent').values({ id: 2 }).execute(),
      db.insertInto('parent').values({ id: 1 }).execute(), // a duplicate: fails on its own
      member(db, (trx) => trx.insertInto('parent').values({ id: 3 }).execute()),
    ]);
    expect(first.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(await parentIds(db)).toEqual([1, 2, 3]);
    // In a group whose COMMIT fails, the autocommit write is not kept and is not told "done".
    const second = await Promise.allSettled([
      member(db, (trx) => trx.insertInto('child').values({ id: 1, parent_id: 999 }).execute()),
      db.insertInto('parent').values({ id: 4 }).execute(),
    ]);
    expect(second.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await parentIds(db)).toEqual([1, 2, 3]);
  });

  it('a transaction on its own (the Migrator) fails itself when its COMMIT fails', async () => {
    const db = await rawDb();
    const unheard = db
      .transaction()
      .execute((trx) => trx.insertInto('child').values({ id: 1, parent_id: 999 }).execute());
    await expect(unheard).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    expect(await db.selectFrom('child').selectAll().execute()).toEqual([]);
  });

  it('SQLite rolling the whole group back on its own (OR ROLLBACK) fails the members before it; later ones commit', async () => {
    const db = await rawDb();
    await member(db, (trx) => trx.insertInto('parent').values({ id: 1 }).execute());
    const outcomes = await Promise.allSettled([
      member(db, (trx) => trx.insertInto('parent').values({ id: 2 }).execute()),
      member(db, (trx) => sql`insert or rollback into parent (id) values (1)`.execute(trx)),
      member(db, (trx) => trx.insertInto('parent').values({ id: 3 }).execute()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
    expect(await parentIds(db)).toEqual([1, 3]);
  });

  it('a member that catches the rollback and writes on runs outside any transaction: it fails and keeps nothing', async () => {
    const db = await rawDb();
    const outcomes = await Promise.allSettled([
      member(db, (trx) => trx.insertInto('parent').values({ id: 1 }).execute()),
      member(db, async (trx) => {
        await trx.insertInto('parent').values({ id: 2 }).execute();
        await sql`insert or rollback into parent (id) values (2)`.execute(trx).catch(() => {});
        await trx.insertInto('parent').values({ id: 4 }).execute();
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await parentIds(db)).toEqual([]);
  });
});
