/**
 * One implementation of core's Store over Kysely for both databases; what differs is below the
 * Kysely line (sqlite.ts, postgres.ts) or a flag (`kind`) in the few places SQL differs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Store } from '@kinko/core/ports';
import type { Kysely, Transaction } from 'kysely';
import { accountsRepo } from './repos/accounts.ts';
import { approvalsRepo } from './repos/approvals.ts';
import { auditRepo } from './repos/audit.ts';
import { branchesRepo } from './repos/branches.ts';
import { certificateCodesRepo, certificatesRepo } from './repos/certificates.ts';
import { contractsRepo } from './repos/contracts.ts';
import { idempotencyRepo } from './repos/idempotency.ts';
import { journalRepo } from './repos/journal.ts';
import { lastLoginsRepo } from './repos/last-logins.ts';
import { limitsRepo, privilegesRepo } from './repos/limits.ts';
import { operatorsRepo } from './repos/operators.ts';
import { otpAlertsRepo } from './repos/otp-alerts.ts';
import { payeesRepo } from './repos/payees.ts';
import { sessionsRepo } from './repos/sessions.ts';
import { settingsRepo } from './repos/settings.ts';
import type { Executor } from './repos/shared.ts';
import { tokensRepo } from './repos/tokens.ts';
import { transfersRepo } from './repos/transfers.ts';
import { usersRepo } from './repos/users.ts';
import type { Database, Kind } from './schema.ts';

type Repositories = Omit<Store, 'transaction' | 'snapshot' | 'close'>;

interface TransactionState {
  open: boolean;
}

/**
 * Using the root store inside its own transaction's fn would run outside the transaction: on
 * SQLite it waits for the one connection that the transaction holds, forever; on PostgreSQL it
 * may wait on a row lock the transaction holds, forever. We fail fast instead, on both.
 */
const OUTSIDE_TX = 'store: the root Store was used inside its own transaction; use the tx passed to fn';

export interface StoreOptions {
  /**
   * Check every use of the root store for being inside one of its own transactions (above).
   * The check needs an AsyncLocalStorage, and on Node 20 that switches on promise hooks for
   * every promise of the process: about 15% of a transfer's CPU. So it is a development check,
   * like React's: on in tests and development, off where NODE_ENV=production.
   */
  checkTransactionUse?: boolean;
}

/**
 * PostgreSQL aborts one transaction of a deadlock (40P01) and, under SERIALIZABLE (CockroachDB's
 * default, and its answer to many conflicts), a transaction it cannot order (40001). Both are
 * rolled back whole, so running fn again is safe (ports.ts); a few attempts are enough, and a
 * bound keeps a real livelock from spinning forever.
 */
const RETRYABLE_SQLSTATES = new Set(['40001', '40P01']);
export const MAX_ATTEMPTS = 4;
const RETRY_PAUSE_MS = 20;

function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_SQLSTATES.has(code);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createStore(
  db: Kysely<Database>,
  kind: Kind,
  close: () => Promise<void>,
  opts: StoreOptions = {},
): Store {
  const current =
    (opts.checkTransactionUse ?? process.env.NODE_ENV !== 'production')
      ? new AsyncLocalStorage<TransactionState>()
      : null;
  const insideOwnTransaction = () => current?.getStore()?.open === true;
  const root: Executor = Object.assign(
    () => {
      if (insideOwnTransaction()) throw new Error(OUTSIDE_TX);
      return db;
    },
    { kind },
  );

  async function transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T> {
    if (insideOwnTransaction()) throw new Error(OUTSIDE_TX);
    // READ COMMITTED plus row locks on PostgreSQL (ports.ts), said explicitly because
    // CockroachDB defaults to SERIALIZABLE. SQLite: the driver's BEGIN IMMEDIATE.
    const builder =
      kind === 'postgres' ? db.transaction().setIsolationLevel('read committed') : db.transaction();
    // SQLite's group commit (sqlite-driver.ts): this resolves once the group's COMMIT is
    // durable, and fails if that COMMIT fails.
    if (kind !== 'postgres') return builder.execute((trx) => bound(trx, fn));
    for (let attempt = 1; ; attempt++) {
      try {
        return await builder.execute((trx) => bound(trx, fn));
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
        // The other party of a deadlock holds its locks until it commits: a short random pause
        // keeps two victims of one another from meeting again at once.
        await sleep(Math.random() * RETRY_PAUSE_MS * attempt);
      }
    }
  }

  async function snapshot<T>(fn: (view: Store) => Promise<T>): Promise<T> {
    if (insideOwnTransaction()) throw new Error(OUTSIDE_TX);
    // One snapshot for the whole of fn: REPEATABLE READ on PostgreSQL; on SQLite the driver
    // opens a deferred read transaction for 'read only' (sqlite.ts), a WAL snapshot.
    const builder = db.transaction().setAccessMode('read only');
    return (kind === 'postgres' ? builder.setIsolationLevel('repeatable read') : builder).execute((trx) =>
      bound(trx, fn),
    );
  }

  /** Runs fn with a Store bound to the open transaction trx. */
  async function bound<T>(trx: Transaction<Database>, fn: (tx: Store) => Promise<T>): Promise<T> {
    const state: TransactionState = { open: true };
    const executor: Executor = Object.assign(
      () => {
        if (!state.open) throw new Error('store: transaction already finished; a tx escaped its fn');
        return trx;
      },
      { kind },
    );
    const tx: Store = {
      ...identityMapped(repositories(executor, kind, true)),
      // Nested calls join the outer transaction: one commit, all or nothing.
      transaction: (inner) => inner(tx),
      snapshot: (inner) => inner(tx),
      close: async () => {
        throw new Error('store: close the root store, not a transaction');
      },
    };
    try {
      return await (current ? current.run(state, () => fn(tx)) : fn(tx));
    } finally {
      state.open = false;
    }
  }

  return { ...repositories(root, kind, false), transaction, snapshot, close };
}

function repositories(db: Executor, kind: Kind, inTransaction: boolean): Repositories {
  return {
    settings: settingsRepo(db),
    branches: branchesRepo(db),
    contracts: contractsRepo(db),
    users: usersRepo(db),
    tokens: tokensRepo(db),
    sessions: sessionsRepo(db),
    operators: operatorsRepo(db),
    audit: auditRepo(db, kind, inTransaction),
    accounts: accountsRepo(db, kind, inTransaction),
    journal: journalRepo(db, inTransaction),
    payees: payeesRepo(db),
    transfers: transfersRepo(db),
    idempotency: idempotencyRepo(db),
    limits: limitsRepo(db),
    privileges: privilegesRepo(db),
    approvals: approvalsRepo(db),
    otpAlerts: otpAlertsRepo(db),
    lastLogins: lastLoginsRepo(db),
    certificates: certificatesRepo(db),
    certificateCodes: certificateCodesRepo(db),
  };
}

/**
 * The reads that one business operation repeats (the user and contract of the actor, the token,
 * the limit layers, the accounts of the transfer: the authorisation, the rules and the posting
 * each read them) answered once per transaction: an identity map. Any other call on the same
 * repository (an insert, an update, a lock, a conditional count) empties that repository's map,
 * so a read after a write always goes to the database. On PostgreSQL (READ COMMITTED) a repeated
 * read sees the row as this transaction first read it, which is what the code that reads twice
 * means; what must see other transactions' commits is a conditional UPDATE or a lock, never a
 * cached read. Records are frozen: a caller that changed one would change it for the next reader.
 */
const MAPPED_READS: { [R in keyof Repositories]?: readonly (keyof Repositories[R] & string)[] } = {
  settings: ['get'],
  branches: ['get'],
  contracts: ['get', 'getByNumber'],
  users: ['get'],
  tokens: ['get'],
  accounts: ['get', 'getByNumber', 'getInternal'],
  limits: ['get', 'layers', 'usage', 'usagePair'],
  privileges: ['get'],
};

function identityMapped(repos: Repositories): Repositories {
  const out = { ...repos } as Record<string, unknown>;
  for (const [name, reads] of Object.entries(MAPPED_READS)) {
    const repo = repos[name as keyof Repositories] as unknown as Record<
      string,
      (...args: unknown[]) => unknown
    >;
    const memo = new Map<string, Promise<unknown>>();
    const wrapped: Record<string, unknown> = {};
    for (const [method, fn] of Object.entries(repo)) {
      if (typeof fn !== 'function') continue;
      if (reads.includes(method as never)) {
        wrapped[method] = (...args: unknown[]) => {
          // Only plain string/number keys are mapped; anything else goes to the database.
          if (!args.every((a) => typeof a === 'string' || typeof a === 'number')) return fn(...args);
          const key = `${method}\u0000${args.join('\u0000')}`;
          let hit = memo.get(key);
          if (!hit) {
            hit = (fn(...args) as Promise<unknown>).then(freeze, (err: unknown) => {
              memo.delete(key);
              throw err;
            });
            memo.set(key, hit);
          }
          return hit;
        };
      } else {
        wrapped[method] = (...args: unknown[]) => {
          memo.clear();
          return fn(...args);
        };
      }
    }
    out[name] = wrapped;
  }
  return out as Repositories;
}

function freeze<T>(v: T): T {
  return v !== null && typeof v === 'object' ? Object.freeze(v) : v;
}
