/**
 * Queries compiled once and bound per call (prepared.ts): each call runs with its own
 * arguments, never with a previous call's; arguments that would have changed the SQL are
 * refused; rows of another shape go through Kysely as usual. The repositories' behaviour on
 * both databases is the store conformance tests' (conformance/*.ts); this is the helper on its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../schema.ts';
import { KinkoSqliteDialect, openSqliteFile } from '../sqlite.ts';
import { insertRows, prepared } from './prepared.ts';
import type { Executor } from './shared.ts';

let dir: string;
let kysely: Kysely<Database>;
let db: Executor;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kinko-prepared-'));
  kysely = new Kysely<Database>({ dialect: new KinkoSqliteDialect(openSqliteFile(join(dir, 'p.db'))) });
  await sql`create table branches (code text primary key, name text not null)`.execute(kysely);
  await sql`create table mixed (a integer not null, b text)`.execute(kysely);
  db = Object.assign(() => kysely, { kind: 'sqlite' as const });
});

afterAll(async () => {
  await kysely.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const byCode = prepared((k, code: string) => k.selectFrom('branches').selectAll().where('code', '=', code));
const byEither = prepared((k, a: string, b: string) =>
  k.selectFrom('branches').select('code').where('code', 'in', [a, b]).orderBy('code'),
);

describe('prepared queries', () => {
  it('binds each call to its own arguments, in their places', async () => {
    await insertRows(db, 'branches', [
      { code: '001', name: '本店' },
      { code: '002', name: '中央支店' },
      { code: '003', name: '駅前支店' },
    ]);
    expect((await byCode(db, '002')).rows).toEqual([{ code: '002', name: '中央支店' }]);
    expect((await byCode(db, '003')).rows).toEqual([{ code: '003', name: '駅前支店' }]);
    expect((await byCode(db, '999')).rows).toEqual([]);
    expect((await byEither(db, '003', '001')).rows.map((r) => r.code)).toEqual(['001', '003']);
  });

  it('refuses an argument that would have changed the SQL (a list, or undefined)', () => {
    expect(() => byCode(db, ['001', '002'] as unknown as string)).toThrow(/scalar arguments/);
    expect(() => byCode(db, undefined as unknown as string)).toThrow(/scalar arguments/);
  });

  it('refuses a template that leaves an argument out', () => {
    const careless = prepared((k, _code: string) => k.selectFrom('branches').selectAll());
    expect(() => careless(db, '001')).toThrow(/uses 0 of 1 arguments/);
  });

  it('inserts rows by template, leaving undefined values out as Kysely does', async () => {
    await insertRows(db, 'branches', [{ code: '010', name: 'A' }]);
    await insertRows(db, 'branches', [{ code: '011', name: 'B' }]); // the same template again
    await insertRows(db, 'branches', [
      { code: '012', name: 'C' },
      { code: '013', name: 'D', ...{ extra: undefined } },
    ]);
    const codes = await kysely.selectFrom('branches').select('code').where('code', '>=', '010').execute();
    expect(codes.map((r) => r.code)).toEqual(['010', '011', '012', '013']);
    await expect(insertRows(db, 'branches', [])).rejects.toThrow(/no rows/);
  });

  it('inserts rows of different columns through Kysely, as without templates', async () => {
    await insertRows(db, 'mixed' as 'branches', [{ a: 1 }, { a: 2, b: 'two' }] as never);
    const rows = await sql<{ a: number; b: string }>`select a, b from mixed order by a`.execute(kysely);
    expect(rows.rows).toEqual([
      { a: 1, b: null },
      { a: 2, b: 'two' },
    ]);
  });
});
