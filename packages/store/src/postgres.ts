/**
 * PostgreSQL through a pg Pool and Kysely's PostgresDialect, kept within what CockroachDB and
 * YugabyteDB accept (SPEC §5): no advisory locks, no PL/pgSQL.
 */
import { PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';

const INT8_OID = 20;
const POOL_SIZE = 10;

/** Schema names go into DDL and a connection option, so only plain identifiers are allowed. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * int8 as JS numbers for this pool only (pg.types is process-global and other code may rely on
 * its default). Every int8 we store is an epoch-ms time, a step or a seq: far below 2^53.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID && format !== 'binary') return parseInt8;
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`postgres: int8 ${text} does not fit a JS number`);
  return n;
}

export async function openPostgresPool(url: string, schema: string | undefined): Promise<pg.Pool> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`postgres: schema name ${JSON.stringify(schema)} is not a plain identifier`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    types,
    // Every connection of the pool lives in the schema, so unqualified names resolve there.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle connection that the server drops emits 'error' on the pool; unhandled, it would
  // crash the process. The pool discards that client and the next query opens a new one.
  pool.on('error', () => {});
  if (schema !== undefined) {
    try {
      await pool.query(`create schema if not exists "${schema}"`);
    } catch (err) {
      // Two processes creating the same schema at once: the loser sees a duplicate; fine.
      if (!isDuplicateObject(err)) {
        await pool.end();
        throw err;
      }
    }
  }
  return pool;
}

function isDuplicateObject(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === '42P06';
}

export class KinkoPostgresDialect extends PostgresDialect {
  constructor(pool: pg.Pool) {
    super({ pool });
  }
  override createAdapter(): PostgresAdapter {
    return new NoAdvisoryLockAdapter();
  }
}

/**
 * Kysely's adapter guards migrations with pg_advisory_lock, which the distributed databases do
 * not offer. Without it, each migration run is still one transaction (transactional DDL): two
 * processes migrating at once collide on the catalog or on kysely_migration's primary key, the
 * loser rolls back whole, and migrate() retries and finds nothing left to do (migrate.ts).
 */
class NoAdvisoryLockAdapter extends PostgresAdapter {
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}
