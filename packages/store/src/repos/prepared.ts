/**
 * Queries that Kysely builds and compiles once per database kind and that are afterwards only
 * bound to new arguments (Kysely's "execute compiled queries" recipe, by hand because Kysely has
 * no placeholders). Why: under the transfer benchmark, building and compiling the ~50 queries
 * of a transfer cost about as much CPU as SQLite executing them; a template also hands the
 * SQLite driver's statement cache the same string object every time, whose hash V8 keeps.
 *
 * Only for queries whose SQL does not depend on the arguments' values: scalar arguments, fixed
 * lists. An argument that is an array or undefined is refused, since Kysely would have built
 * different SQL for it.
 */
import type { Compilable, CompiledQuery, Insertable, Kysely, QueryResult } from 'kysely';
import type { Database, Kind } from '../schema.ts';
import type { Executor } from './shared.ts';

/** Stands for the index-th argument while a template is built. */
class Slot {
  readonly index: number;
  constructor(index: number) {
    this.index = index;
  }
}

/**
 * `prepared((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id))`
 * returns a function `(executor, id)` that runs the same SQL with the given id.
 */
export function prepared<A extends unknown[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Executor, ...args: A) => Promise<QueryResult<R>> {
  const templates = new Map<Kind, CompiledQuery<R>>();
  return (db, ...args) => {
    const k = db();
    let template = templates.get(db.kind);
    if (!template) {
      const slots = args.map((_, i) => new Slot(i)) as A;
      template = checked(build(k, ...slots).compile(), args.length);
      templates.set(db.kind, template);
    }
    return k.executeQuery(bind(template, args));
  };
}

/** Insert templates by kind, table, columns and row count. */
const inserts = new Map<string, CompiledQuery<unknown>>();
const MAX_TEMPLATE_ROWS = 64;

/**
 * INSERT of rows that all carry the same columns (undefined values left out, as Kysely does),
 * through a template per table, column list and row count.
 */
export async function insertRows<T extends keyof Database & string>(
  db: Executor,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<QueryResult<unknown>> {
  const k = db();
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) throw new Error(`store: no rows to insert into ${table}`);
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  const args: unknown[] = [];
  for (const row of rows as readonly Record<string, unknown>[]) {
    for (const c of columns) args.push(row[c]);
  }
  const key = `${db.kind}\u0000${table}\u0000${rows.length}\u0000${columns.join(',')}`;
  let template = inserts.get(key);
  if (!template) {
    // Rows with other columns than the first, or very many rows: Kysely as usual.
    const uniform = (rows as readonly Record<string, unknown>[]).every(
      (r) =>
        Object.keys(r)
          .filter((c) => r[c] !== undefined)
          .join(',') === columns.join(','),
    );
    if (!uniform || rows.length > MAX_TEMPLATE_ROWS)
      return k
        .insertInto(table)
        .values(rows as Insertable<Database[T]>[])
        .execute()
        .then(asResult);
    let n = 0;
    const slotted = rows.map(() => Object.fromEntries(columns.map((c) => [c, new Slot(n++)])));
    template = checked(
      k
        .insertInto(table)
        .values(slotted as Insertable<Database[T]>[])
        .compile(),
      args.length,
    );
    inserts.set(key, template);
  }
  return k.executeQuery(bind(template, args));
}

function asResult(): QueryResult<unknown> {
  return { rows: [] };
}

/** A template must use every argument, each as a bound parameter. */
function checked<R>(query: CompiledQuery<R>, arity: number): CompiledQuery<R> {
  const used = new Set<number>();
  for (const p of query.parameters) if (p instanceof Slot) used.add(p.index);
  if (used.size !== arity) throw new Error(`store: a prepared query uses ${used.size} of ${arity} arguments`);
  return query;
}

function bind<R>(template: CompiledQuery<R>, args: readonly unknown[]): CompiledQuery<R> {
  for (const a of args) {
    if (a === undefined || Array.isArray(a))
      throw new Error('store: a prepared query takes scalar arguments');
  }
  const parameters = template.parameters.map((p) => (p instanceof Slot ? args[p.index] : p));
  return { ...template, parameters };
}
