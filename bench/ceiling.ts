/**
 * The machine's own ceilings, measured in the same run as Kinko's HTTP figures: a bare
 * node:http hello-world under the same autocannon load, each database's rate of durable
 * single-row commits (SQLite WAL + synchronous FULL; PostgreSQL with its default
 * synchronous_commit = on, from 1 and from 16 connections), and SQLite alone doing the
 * statements of a transfer (transfer-shape.ts).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { withDurableSqlite } from './durable-sqlite.ts';
import { transferShapedCommits } from './transfer-shape.ts';

const SECONDS = 2;

export interface Ceilings {
  httpHello: number;
  sqliteCommits: number;
  pgCommits1: number;
  pgCommits16: number;
  /** SQLite alone doing a transfer's statements, group-committed (transfer-shape.ts). */
  sqliteTransferShaped: number;
}

async function helloWorld(): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      "const s=require('node:http').createServer((q,r)=>r.end('hello'));s.listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
      child.once('exit', () => reject(new Error('hello-world server exited')));
    });
    const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 16, duration: SECONDS });
    return Math.round(r.requests.average);
  } finally {
    child.kill('SIGKILL');
  }
}

function sqliteCommits(): number {
  return withDurableSqlite((db) => {
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    const one = db.transaction((v: Buffer) => insert.run(v));
    let n = 0;
    const end = performance.now() + SECONDS * 1000;
    while (performance.now() < end) {
      one(randomBytes(16));
      n++;
    }
    return Math.round(n / SECONDS);
  });
}

async function pgCommits(url: string, connections: number): Promise<number> {
  const schema = `kinko_ceiling_${randomBytes(4).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    await pool.query(`CREATE SCHEMA ${schema}`);
    await pool.query(`CREATE TABLE ${schema}.t (id bigserial PRIMARY KEY, v bytea)`);
    let n = 0;
    const end = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < end) {
          await pool.query(`INSERT INTO ${schema}.t (v) VALUES ($1)`, [randomBytes(16)]);
          n++;
        }
      }),
    );
    return Math.round(n / SECONDS);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

export async function benchCeiling(): Promise<Ceilings> {
  const url = process.env.KINKO_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
  const c: Ceilings = {
    httpHello: await helloWorld(),
    sqliteCommits: sqliteCommits(),
    pgCommits1: await pgCommits(url, 1),
    pgCommits16: await pgCommits(url, 16),
    sqliteTransferShaped: transferShapedCommits(),
  };
  console.log('\nThe machine’s ceilings (same run)');
  console.table({
    'node:http hello-world, 16 connections (req/s)': c.httpHello,
    'SQLite durable single-row commits/s': c.sqliteCommits,
    'PostgreSQL durable single-row commits/s, 1 connection': c.pgCommits1,
    'PostgreSQL durable single-row commits/s, 16 connections': c.pgCommits16,
    'SQLite alone doing the statements of a transfer, transfers/s': c.sqliteTransferShaped,
  });
  return c;
}
