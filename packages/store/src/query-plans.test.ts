/**
 * The lookups every transfer makes (M3: the session, the actor, the token, the accounts, the
 * limits and their day counters, the idempotency key, the transfer, the approval) are served by
 * an index, never by a scan of a table that grows with the bank's history: a scan costs nothing
 * in a test and makes every confirmation slower each day in production. SQLite's own planner
 * (EXPLAIN QUERY PLAN) judges the statements the repositories actually send.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '@kinko/core/ports';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from './open.ts';
import type { Database as Schema } from './schema.ts';
import { KinkoSqliteDialect, openSqliteFile } from './sqlite.ts';
import { createStore } from './store.ts';

let dir: string;
let file: string;
const sent: { sql: string; parameters: readonly unknown[] }[] = [];
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kinko-plans-'));
  file = join(dir, 'kinko.db');
  await (await openStore(`sqlite:${file}`)).close(); // migrated
  const db = new Kysely<Schema>({
    dialect: new KinkoSqliteDialect(openSqliteFile(file)),
    log: (event) => {
      if (event.level === 'query') sent.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  store = createStore(db, 'sqlite', () => db.destroy());
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

function plan(sql: string, parameters: readonly unknown[]): string[] {
  const db = new Database(file, { readonly: true });
  try {
    // Booleans as the driver binds them.
    const bound = parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    return (db.prepare(`explain query plan ${sql}`).all(...bound) as { detail: string }[]).map(
      (p) => p.detail,
    );
  } finally {
    db.close();
  }
}

/** The plan's lines that read a table (or an index) from end to end. */
function scans(sql: string, parameters: readonly unknown[]): string[] {
  return plan(sql, parameters).filter((d) => /^SCAN /.test(d) && !/ROW VALUES CLAUSE/.test(d));
}

/**
 * A list's page is read in the index's order: no scan, and no sort of every matching row
 * (USE TEMP B-TREE FOR ORDER BY), which would read a user's whole history to return one page.
 */
function unorderedOrScans(sql: string, parameters: readonly unknown[]): string[] {
  return plan(sql, parameters).filter((d) => /^SCAN |TEMP B-TREE/.test(d) && !/ROW VALUES CLAUSE/.test(d));
}

describe('SQLite query plans of the transfer path', () => {
  it('M3, M5: every lookup of a transfer is an index search, not a scan', async () => {
    const account = {
      bankCode: '0001',
      branchCode: '001',
      accountType: 'ordinary',
      accountNumber: '1234567',
    } as const;
    const reads: [string, () => Promise<unknown>][] = [
      ['sessions.get', () => store.sessions.get('s')],
      ['users.get', () => store.users.get('u')],
      ['users.getByLogin', () => store.users.getByLogin('c', 'login')],
      ['contracts.get', () => store.contracts.get('c')],
      ['contracts.getByNumber', () => store.contracts.getByNumber('12345678901')],
      ['tokens.get', () => store.tokens.get('t')],
      ['tokens.getBySerial', () => store.tokens.getBySerial('SERIAL')],
      ['privileges.get', () => store.privileges.get('u')],
      ['accounts.get', () => store.accounts.get('a')],
      ['accounts.getByNumber', () => store.accounts.getByNumber('001', '1234567')],
      ['limits.get', () => store.limits.get('user', 'u')],
      ['limits.layers', () => store.limits.layers('c', 'u')],
      ['limits.usage', () => store.limits.usage('user', 'u', '2026-11-25')],
      ['limits.usagePair', () => store.limits.usagePair('c', 'u', '2026-11-25')],
      ['idempotency.get', () => store.idempotency.get('c', 'key')],
      ['transfers.get', () => store.transfers.get('t')],
      ['approvals.getByTransfer', () => store.approvals.getByTransfer('t')],
      ['approvals.getSettings', () => store.approvals.getSettings('c')],
      ['payees.get', () => store.payees.get('p')],
      ['payees.findRegistered', () => store.payees.findRegistered('c', account)],
      ['branches.get', () => store.branches.get('001')],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, read] of reads) {
      sent.length = 0;
      await read();
      expect(sent.length, name).toBeGreaterThan(0);
      found[name] = sent.flatMap((q) => scans(q.sql, q.parameters));
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, s]) => s.length > 0))).toEqual({});
  });
});

describe("SQLite query plans of the lists that grow with a customer's history", () => {
  it("a user's transfer list loses their own transfers (fixed): its pages, with or without a status, after a cursor or not, are index searches in the list's order", async () => {
    const before = { createdAt: 1_750_000_000_000, id: 't' };
    const reads: [string, () => Promise<unknown>][] = [
      ['transfers.listByUser', () => store.transfers.listByUser('c', 'u', { limit: 101 })],
      ['transfers.listByUser before', () => store.transfers.listByUser('c', 'u', { before, limit: 101 })],
      [
        'transfers.listByUser status',
        () => store.transfers.listByUser('c', 'u', { status: 'scheduled', limit: 101 }),
      ],
      [
        'transfers.listByUser status before',
        () => store.transfers.listByUser('c', 'u', { status: 'scheduled', before, limit: 101 }),
      ],
      // 入出金明細 (M9): a page of an account's postings in a range, and the balances around it.
      [
        'journal.postings',
        () => store.journal.postings('a', { afterSeq: 10, fromAt: 0, toAt: 1_750_000_000_000, limit: 501 }),
      ],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, read] of reads) {
      sent.length = 0;
      await read();
      expect(sent.length, name).toBeGreaterThan(0);
      found[name] = sent.flatMap((q) => unorderedOrScans(q.sql, q.parameters));
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, s]) => s.length > 0))).toEqual({});
  });
});

describe('SQLite query plans of the home page', () => {
  it("T2, 前回ログイン日時: the open alerts and the previous login are index searches, not a scan of the contract's alerts or the audit log", async () => {
    const reads: [string, () => Promise<unknown>][] = [
      ['otpAlerts.listOpen', () => store.otpAlerts.listOpen('u', 20)],
      ['otpAlerts.getForRecipient', () => store.otpAlerts.getForRecipient('a', 'u')],
      ['otpAlerts.acknowledge', () => store.otpAlerts.acknowledge('a', 'u', 1)],
      ['lastLogins.get', () => store.lastLogins.get('customer', 'u')],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, read] of reads) {
      sent.length = 0;
      await read();
      expect(sent.length, name).toBeGreaterThan(0);
      found[name] = sent.flatMap((q) => scans(q.sql, q.parameters));
    }
    expect(Object.fromEntries(Object.entries(found).filter(([, s]) => s.length > 0))).toEqual({});
  });
});
