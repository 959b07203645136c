/**
 * The Kysely driver under the SQLite store: one writer connection with group commit, one reader
 * connection for everything that only reads.
 *
 * Writes. Every write transaction is BEGIN IMMEDIATE (Kysely's own driver uses a deferred BEGIN:
 * two processes that both read and then write would find their snapshots stale and fail with
 * SQLITE_BUSY; taking the write lock up front makes writers queue instead). With synchronous =
 * FULL the COMMIT's fsync is most of a small transaction's cost, and better-sqlite3 runs it on
 * the event loop. So the transactions of one turn of the event loop join one group: each runs
 * inside its own SAVEPOINT of one open transaction (a failure rolls back to its savepoint and
 * touches no other), and at the end of the turn (or when the group is full) ONE COMMIT makes
 * them all durable. No transaction is reported done before that COMMIT: a member's
 * commitTransaction lets go of the writer (so that others can join, and the COMMIT can run) and
 * then waits for the group's COMMIT, and a failed COMMIT fails every member. This is the classic
 * group commit of database servers, done where the one connection's queue already is.
 *
 * Reads. A statement outside any transaction that only reads, and every read-only transaction
 * (Store.snapshot), runs on a second connection. In WAL mode that connection sees the last
 * COMMIT and never the open group's uncommitted work, so nothing is shown to anyone before it
 * is durable. A write outside a transaction (an autocommit UPDATE such as the session touch)
 * is a member of the group with one statement, answered after the group's COMMIT. `:memory:` has
 * no second connection (it would be another database): there reads use the writer, after
 * committing the open group.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, Driver, QueryResult, TransactionSettings } from 'kysely';
import { Mutex, queryOnly, retryBusy, Statements } from './sqlite-statements.ts';

/**
 * Page cache per connection (SQLite's default is 2 MiB). A bank's working set (users, tokens,
 * accounts, the day's transfers and limit rows) outgrows 2 MiB early; 64 MiB a connection is
 * little for a server and measurably faster in bench/transfers.ts.
 */
const PAGE_CACHE_KIB = 65_536;

/** At most this many transactions share one COMMIT, so that the first waits a bounded time. */
const MAX_GROUP = 32;

export class ImmediateDriver implements Driver {
  readonly writer: Statements;
  readonly reader: Statements;
  readonly writeLock = new Mutex();
  readonly readLock = new Mutex();
  readonly #separateReader: boolean;
  #group: Group | null = null;
  /** A member's SAVEPOINT is open: its transaction is between BEGIN and its end. */
  memberOpen = false;

  constructor(db: BetterSqlite3.Database) {
    // From here on every wait for a lock is retryBusy's asynchronous one (see there).
    db.pragma('busy_timeout = 0');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    this.writer = new Statements(db);
    this.#separateReader = !db.memory;
    if (this.#separateReader) {
      const reader = new BetterSqlite3(db.name, { readonly: true, fileMustExist: true });
      reader.pragma('busy_timeout = 0');
      reader.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      this.reader = new Statements(reader);
    } else {
      this.reader = this.writer;
    }
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    // A lease takes the writer or the reader only when it knows which it needs.
    return new Lease(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).release();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await (connection as Lease).begin(settings.accessMode === 'read only');
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // Kysely's transaction resolves only after this, so its caller hears "committed" once the
    // group's COMMIT is durable, and hears the COMMIT's error if it fails.
    await (connection as Lease).commit();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    (connection as Lease).rollback();
  }

  async destroy(): Promise<void> {
    // A member still running keeps nothing: the COMMIT below would keep its first half too. Its
    // next statement finds the connection closed and its transaction fails.
    if (this.memberOpen && this.writer.db.inTransaction) {
      this.writer.db.exec('rollback to member');
      this.writer.db.exec('release member');
    }
    this.memberOpen = false;
    this.flush();
    if (this.#separateReader && this.reader.db.open) this.reader.db.close();
    if (this.writer.db.open) this.writer.db.close();
  }

  get separateReader(): boolean {
    return this.#separateReader;
  }

  /** Joins the open group (a savepoint) or opens one (BEGIN IMMEDIATE). Holds writeLock. */
  async joinGroup(): Promise<Group> {
    // A group whose transaction SQLite rolled back on its own is over: its members hear so.
    if (this.#group && !this.writer.db.inTransaction) this.flush();
    if (!this.#group) {
      await retryBusy(() => this.writer.db.exec('begin immediate'));
      this.#group = new Group();
    }
    this.writer.db.exec('savepoint member');
    this.memberOpen = true;
    return this.#group;
  }

  /**
   * Called by the holder of writeLock as it lets go. A transaction runs from BEGIN to its end
   * without giving the event loop a turn (better-sqlite3 is synchronous), so the requests that
   * would join it arrive in the same turn of the loop, after it: the COMMIT is put off until the
   * loop has handled what is ready now (setImmediate runs after the poll phase), or made at
   * once when the group is full.
   */
  beforeWriterRelease(): void {
    const g = this.#group;
    if (!g) return;
    if (g.members >= MAX_GROUP) this.flush();
    else this.#scheduleFlush();
  }

  #flushScheduled = false;
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      // Behind whoever already waits for the writer: they join this group first.
      void this.writeLock.acquire().then(() => {
        this.#flushScheduled = false;
        try {
          this.flush();
        } finally {
          this.writeLock.release();
        }
      });
    });
  }

  /**
   * COMMITs the open group, if any, and settles its members' receipts. Holds writeLock.
   * Returns the COMMIT's error, or null.
   */
  flush(): unknown {
    const g = this.#group;
    if (!g) return null;
    this.#group = null;
    const db = this.writer.db;
    try {
      // SQLite may have rolled the whole transaction back on its own (SQLITE_FULL, IOERR):
      // then nothing of the group was kept, and every member must hear so.
      if (!db.inTransaction) throw new Error(GROUP_ROLLED_BACK);
      db.exec('commit');
      g.settle(null);
      return null;
    } catch (err) {
      try {
        if (db.inTransaction) db.exec('rollback');
      } catch {
        // The COMMIT's error is the one to report; a connection that cannot even roll back is
        // closed or broken, and its next statement says so.
      }
      g.settle(err);
      return err;
    }
  }
}

const GROUP_ROLLED_BACK = 'sqlite: the group transaction was rolled back';

/** The transactions of one COMMIT. */
class Group {
  members = 0;
  readonly durable: Promise<void>;
  #settle!: (err: unknown) => void;
  constructor() {
    this.durable = new Promise<void>((resolve, reject) => {
      this.#settle = (err) => (err === null ? resolve() : reject(err));
    });
    // A group whose every member rolled back has no one to hear a failed COMMIT.
    this.durable.catch(() => {});
  }
  settle(err: unknown): void {
    this.#settle(err);
  }
}

type LeaseMode = 'idle' | 'write' | 'read';

/** What Kysely holds between acquireConnection and releaseConnection. */
class Lease implements DatabaseConnection {
  readonly #driver: ImmediateDriver;
  #mode: LeaseMode = 'idle';
  #group: Group | null = null;
  #holdsWriter = false;
  #holdsReader = false;

  constructor(driver: ImmediateDriver) {
    this.#driver = driver;
  }

  async begin(readOnly: boolean): Promise<void> {
    const d = this.#driver;
    if (readOnly) {
      if (d.separateReader) {
        await d.readLock.acquire();
        this.#holdsReader = true;
        // A deferred BEGIN: the first read fixes a WAL snapshot that writers do not disturb.
        d.reader.db.exec('begin');
      } else {
        await this.#takeWriter();
        d.flush();
        d.writer.db.exec('begin');
        // The writer stands in for the read-only reader: it refuses writes as the reader would.
        queryOnly(d.writer.db, true);
      }
      this.#mode = 'read';
      return;
    }
    await this.#takeWriter();
    this.#group = await d.joinGroup();
    this.#mode = 'write';
  }

  /** Ends the member's savepoint and lets go of the writer; resolves when its group is durable. */
  commit(): Promise<void> | undefined {
    const d = this.#driver;
    const group = this.#mode === 'write' ? this.#group : null;
    if (this.#mode === 'read') {
      if (!d.separateReader) queryOnly(d.writer.db, false);
      (d.separateReader ? d.reader : d.writer).db.exec('commit');
    } else if (group) {
      d.writer.db.exec('release member');
      d.memberOpen = false;
      group.members++;
    }
    this.#mode = 'idle';
    this.#group = null;
    if (!group) return undefined;
    // The COMMIT needs the writer, and the transactions that join the group need it first; a
    // failed COMMIT then fails this call (rollback() finds nothing left to undo).
    this.#releaseWriter();
    return group.durable;
  }

  rollback(): void {
    const d = this.#driver;
    if (this.#mode === 'read') {
      const db = (d.separateReader ? d.reader : d.writer).db;
      if (!d.separateReader) queryOnly(db, false);
      if (db.inTransaction) db.exec('rollback');
    } else if (this.#mode === 'write') {
      d.memberOpen = false;
      const db = d.writer.db;
      // Undo this member only; the others of its group keep their work.
      if (db.inTransaction) {
        db.exec('rollback to member');
        db.exec('release member');
      } else {
        d.flush(); // SQLite rolled the whole group back: fail the members before anyone joins
      }
    }
    this.#mode = 'idle';
    this.#group = null;
  }

  release(): void {
    const d = this.#driver;
    if (this.#holdsReader) {
      this.#holdsReader = false;
      d.readLock.release();
    }
    this.#releaseWriter();
  }

  #releaseWriter(): void {
    if (!this.#holdsWriter) return;
    this.#holdsWriter = false;
    this.#driver.beforeWriterRelease();
    this.#driver.writeLock.release();
  }

  async #takeWriter(): Promise<void> {
    await this.#driver.writeLock.acquire();
    this.#holdsWriter = true;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const d = this.#driver;
    // better-sqlite3 binds no booleans; this is the one place SQLite's 0/1 is produced.
    const params = query.parameters.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    if (this.#mode === 'write') {
      // SQLite rolled the group back on its own (OR ROLLBACK, SQLITE_FULL) or close() ended it:
      // a statement now would run in autocommit, outside any transaction, and be kept.
      if (!d.writer.db.inTransaction) throw new Error(GROUP_ROLLED_BACK);
      // Inside our own write transaction we hold the lock: nothing can be busy.
      return d.writer.run<R>(query.sql, params);
    }
    if (this.#mode === 'read') {
      const on = d.separateReader ? d.reader : d.writer;
      return retryBusy(() => on.run<R>(query.sql, params));
    }
    // Outside a transaction: a read goes to the reader, a write joins the group.
    if (d.separateReader && d.reader.isReadonly(query.sql)) {
      // Not inside someone's open snapshot, which would answer from its older view.
      if (!d.reader.db.inTransaction) return retryBusy(() => d.reader.run<R>(query.sql, params));
      await d.readLock.acquire();
      try {
        return await retryBusy(() => d.reader.run<R>(query.sql, params));
      } finally {
        d.readLock.release();
      }
    }
    if (!d.separateReader && d.writer.isReadonly(query.sql)) {
      await this.#takeWriter();
      try {
        d.flush();
        return d.writer.run<R>(query.sql, params);
      } finally {
        this.#releaseWriter();
      }
    }
    // A write: a transaction of one statement in the group, durable when answered.
    await this.begin(false);
    let result: QueryResult<R>;
    try {
      result = await this.executeQuery<R>(query);
    } catch (err) {
      this.rollback();
      this.release();
      throw err;
    }
    await this.commit();
    return result;
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by this store
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('sqlite: streaming queries are not supported');
  }
}
