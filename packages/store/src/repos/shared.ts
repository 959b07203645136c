/** Small pieces the repositories share: the executor, edge conversions, patches, errors. */

// ports.ts by path, not '@kinko/core': the package entry would load all of core (argon2, the
// domain) into the store for one class and some types, and core has no './ports' subpath.
// ports.ts imports nothing; the same file means the same UniqueViolation class everywhere.
import { type FailureResult, UniqueViolation, type Yen, yen } from '@kinko/core/ports';
import { type Kysely, sql, type Updateable } from 'kysely';
import type { Database, Kind } from '../schema.ts';

/**
 * Hands a repository the Kysely instance to run on: the pool or file for the root store, the
 * transaction for a tx-bound store. A getter rather than a value so misuse is caught per call
 * (store.ts).
 */
export interface Executor {
  (): Kysely<Database>;
  /** Which SQL the executor speaks, for queries compiled once (prepared.ts). */
  readonly kind: Kind;
}

/**
 * An int8 / INTEGER amount as core's integer yen. Both drivers hand back JS numbers (postgres.ts
 * parses int8 and refuses anything beyond 2^53); yen() asserts it is a safe integer.
 */
export function asYen(n: number): Yen {
  return yen(n);
}

/** SQLite gives 0/1, PostgreSQL true/false. */
export function bool(v: boolean | number): boolean {
  return v === true || v === 1;
}

/** Drivers return Buffers (over a shared pool slab, for small ones); core gets its own bytes. */
export function bytes(v: Uint8Array): Uint8Array {
  return new Uint8Array(v);
}

export function bytesOrNull(v: Uint8Array | null): Uint8Array | null {
  return v === null ? null : bytes(v);
}

/**
 * Maps a record patch (camelCase, only the keys present) to a column update. Values need no
 * conversion: booleans and Uint8Arrays bind natively (the SQLite driver turns booleans to 0/1).
 */
export function patchColumns<P extends object, T>(
  patch: P,
  columns: { [K in keyof Required<P>]: keyof T & string },
): Updateable<T> {
  const set: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns) as [keyof P, string][]) {
    const value = patch[key];
    if (value !== undefined) set[column] = value;
  }
  return set as Updateable<T>;
}

/** Turns the databases' unique-constraint errors into core's UniqueViolation. */
export async function mapUnique<T>(run: Promise<T>): Promise<T> {
  try {
    return await run;
  } catch (err) {
    throw toUniqueViolation(err) ?? err;
  }
}

function toUniqueViolation(err: unknown): UniqueViolation | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const { code, message, constraint } = err as { code?: unknown; message?: unknown; constraint?: unknown };
  // SQLite names the columns ("UNIQUE constraint failed: users.contract_id, users.login_id").
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new UniqueViolation(String(message).replace(/^.*failed: /, ''));
  }
  // PostgreSQL names the constraint; its detail would quote the values, which may be personal.
  if (code === '23505') return new UniqueViolation(String(constraint ?? 'unknown constraint'));
  return undefined;
}

type FailureTable = 'users' | 'contracts' | 'operators';

/**
 * A2, in one statement: count one failure and lock at max, unless already locked. Both
 * databases evaluate the WHERE against the latest committed row under the row's write lock, so
 * concurrent callers in any number of processes each see the previous one's count; once
 * locked, the WHERE matches nothing and the counter stays put. The CASE also keeps a counter
 * that is already at max (a limit lowered by configuration) from growing past it.
 */
export async function recordFailure(
  db: Kysely<Database>,
  table: FailureTable,
  counter: string,
  flag: string,
  id: string,
  max: number,
): Promise<FailureResult> {
  if (!Number.isSafeInteger(max) || max < 1) throw new Error(`store: failure limit ${max} is not a count`);
  const [c, f] = [sql.ref(counter), sql.ref(flag)];
  const { rows } = await sql<{ failures: number; locked: boolean | number }>`
    update ${sql.table(table)}
    set ${c} = case when ${c} < ${max} then ${c} + 1 else ${c} end,
        ${f} = case when ${c} + 1 >= ${max} then true else ${f} end
    where id = ${id} and not ${f}
    returning ${c} as failures, ${f} as locked`.execute(db);
  const changed = rows[0];
  if (changed) return { failures: changed.failures, locked: bool(changed.locked) };
  // Already locked (or unknown): report the count as it stands.
  const { rows: current } = await sql<{ failures: number }>`
    select ${c} as failures from ${sql.table(table)} where id = ${id}`.execute(db);
  const row = current[0];
  if (!row) throw new Error(`store: no ${table} row ${id}`);
  return { failures: row.failures, locked: true };
}
