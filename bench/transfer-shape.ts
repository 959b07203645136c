/**
 * A peer for the transfer figure: SQLite alone doing the statements of one OTP-authorised
 * transfer, with nothing around them (no HTTP, no Kysely, no application code). A transfer is
 * two business transactions (入力, 確認・実行) of, in all, 24 primary-key reads, 9 inserts and 9
 * updates (counted from the statement trace of `kinko serve` under bench/transfers.ts). Here
 * they run against tables of the same width, keyed the same way, as savepoints of groups of 16
 * transactions per COMMIT (WAL, synchronous FULL: Kinko's settings and its group commit). The
 * result is the most transfers per second one SQLite writer on this machine can do, whatever
 * the code around it: the ceiling Kinko's own figure should be read against.
 */
import { randomBytes } from 'node:crypto';
import { withDurableSqlite } from './durable-sqlite.ts';

const SECONDS = 2;
const ROWS = 10_000;
const GROUP = 16;
/** Per transfer, as in the trace: reads, inserts and updates, split over two transactions. */
const SHAPE = { reads: 24, inserts: 9, updates: 9 };
const COLUMNS = 14;

export function transferShapedCommits(): number {
  return withDurableSqlite((db) => {
    db.pragma('cache_size = -65536'); // as Kinko's connections
    const cols = Array.from({ length: COLUMNS }, (_, i) => `c${i}`);
    // Rows read and updated (users, accounts, tokens, limits … are this kind of row).
    db.exec(
      `create table rec (id text primary key, n integer not null, ${cols.map((c) => `${c} text`).join(', ')})`,
    );
    // Rows inserted (transfers, journal, postings, audit, keys): a random text key and two indexes.
    db.exec(`create table ins (id text primary key, owner text not null, at integer not null,
      ${cols.map((c) => `${c} text`).join(', ')})`);
    db.exec('create index ins_owner on ins (owner, at)');
    db.exec('create index ins_c0 on ins (c0)');
    // Values and keys drawn from pools made beforehand, so that the loop times SQLite, not JS.
    const pool = Array.from({ length: 4096 }, () => randomBytes(12).toString('hex'));
    let v = 0;
    const value = () => pool[v++ & 4095] as string;
    const fresh = Array.from({ length: 100_000 }, () => randomBytes(16).toString('hex'));
    let f = 0;
    const ids: string[] = [];
    const seed = db.prepare(`insert into rec values (?, 0, ${cols.map(() => '?').join(', ')})`);
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) {
        const id = fresh[f++] as string;
        ids.push(id);
        seed.run(id, ...cols.map(value));
      }
    })();
    const read = db.prepare('select * from rec where id = ?');
    const update = db.prepare('update rec set n = n + 1, c1 = ? where id = ?');
    const insert = db.prepare(`insert into ins values (?, ?, ?, ${cols.map(() => '?').join(', ')})`);
    let r = 0;
    const pick = () => {
      r = (r * 1103515245 + 12345) & 0x7fffffff; // a cheap LCG: random rows, no crypto in the loop
      return ids[r % ids.length] as string;
    };
    const row = cols.map(value);
    const halves = [0, 1].map((h) => ({
      reads: h === 0 ? Math.ceil(SHAPE.reads / 2) : Math.floor(SHAPE.reads / 2),
      inserts: h === 0 ? Math.ceil(SHAPE.inserts / 2) : Math.floor(SHAPE.inserts / 2),
      updates: h === 0 ? Math.ceil(SHAPE.updates / 2) : Math.floor(SHAPE.updates / 2),
    }));
    let transfers = 0;
    const start = performance.now();
    const end = start + SECONDS * 1000;
    while (performance.now() < end && f < fresh.length - GROUP * SHAPE.inserts) {
      db.exec('begin immediate');
      for (let t = 0; t < GROUP / 2; t++) {
        const owner = pick();
        for (const half of halves) {
          db.exec('savepoint member');
          for (let i = 0; i < half.reads; i++) read.get(pick());
          for (let i = 0; i < half.inserts; i++) insert.run(fresh[f++ % fresh.length], owner, t, ...row);
          for (let i = 0; i < half.updates; i++) update.run(value(), pick());
          db.exec('release member');
        }
        transfers++;
      }
      db.exec('commit');
    }
    return Math.round(transfers / ((performance.now() - start) / 1000));
  });
}
