/**
 * L1 migration: a log written before migration 0006 (one global chain of public SHA-256 hashes)
 * is re-chained under the audit key, per contract, once, by the first process that starts.
 */
import { randomBytes } from 'node:crypto';
import { openTestStoreTwin, type TestStore, testBackends } from '@kinko/store/testing';
import { FakeClock, realRandom, T0, tamper, testConfig } from '@kinko/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createAesGcmKek } from '../otp/index.ts';
import { BANK_CHAIN, type LegacyAuditRecord } from '../ports.ts';
import type { KinkoDeps } from '../use-case.ts';
import { createAuditKey } from './key.ts';
import { legacyRecordHash, prepareAuditLog } from './legacy.ts';
import { verifyAuditLog } from './verify.ts';

const ZEROS = '0'.repeat(64);

/** Five records of the old format: three of contract c-1, two of no contract, interleaved. */
function legacyLog(): LegacyAuditRecord[] {
  const out: LegacyAuditRecord[] = [];
  let prevHash = ZEROS;
  for (let seq = 1; seq <= 5; seq++) {
    const fields = {
      seq,
      at: T0 + seq,
      actorType: seq % 2 ? ('user' as const) : ('anonymous' as const),
      actorId: seq % 2 ? `u-${seq}` : null,
      contractId: seq % 2 ? 'c-1' : null,
      action: seq % 2 ? 'login.success' : 'login.failure',
      subject: `s${seq}`,
      outcome: seq % 2 ? ('success' as const) : ('failure' as const),
      detail: `{"clientAddress":"192.0.2.${seq}"}`,
    };
    const hash = legacyRecordHash(prevHash, fields);
    out.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return out;
}

const quote = (v: string | number | null) =>
  v === null ? 'null' : typeof v === 'number' ? String(v) : `'${v}'`;

function insertLegacy(records: LegacyAuditRecord[]): string {
  const rows = records.map((r) =>
    [
      r.seq,
      r.at,
      r.actorType,
      r.actorId,
      r.contractId,
      r.action,
      r.subject,
      r.outcome,
      r.detail,
      r.prevHash,
      r.hash,
    ]
      .map(quote)
      .join(', '),
  );
  const last = records.at(-1);
  return `insert into audit_log (seq, at, actor_type, actor_id, contract_id, action, subject, outcome, detail, prev_hash, hash)
          values (${rows.join('), (')});
          update audit_head set seq = ${last?.seq}, hash = '${last?.hash}' where id = 1`;
}

describe.each(testBackends())('legacy audit log on $name', (backend) => {
  let store: TestStore | undefined;
  afterEach(async () => {
    await store?.cleanup();
    store = undefined;
  });

  /** A database at migration 0005 holding the old log, then migrated to the latest schema. */
  async function oldDatabase(edit?: string): Promise<KinkoDeps> {
    store = await backend.open({ migrate: false });
    await store.migrate('0005_approvals');
    await tamper(store, insertLegacy(legacyLog()));
    if (edit) await tamper(store, edit);
    expect(await store.migrate()).toContain('0006_audit_chains');
    return {
      store,
      clock: new FakeClock(T0 + 1000),
      random: realRandom,
      kek: createAesGcmKek(realRandom.bytes(32), realRandom),
      auditKey: createAuditKey(new Uint8Array(randomBytes(32))),
      config: testConfig(),
    };
  }

  it('L1: the old log is re-chained under the key, per contract, in order, and the move is itself recorded', async () => {
    const deps = await oldDatabase();
    expect(await deps.store.audit.legacy.head()).toMatchObject({ seq: 5 });
    expect(await prepareAuditLog(deps)).toEqual({ migrated: 5 });
    expect(await verifyAuditLog(deps.store, deps.auditKey)).toEqual({
      ok: true,
      records: 6,
      chains: 2,
      problems: [],
    });

    const old = legacyLog();
    const fields = (r: Omit<LegacyAuditRecord, 'seq' | 'prevHash' | 'hash'>) => ({
      at: r.at,
      actorType: r.actorType,
      actorId: r.actorId,
      contractId: r.contractId,
      action: r.action,
      subject: r.subject,
      outcome: r.outcome,
      detail: r.detail,
    });
    const c1 = await deps.store.audit.chainRecords('c-1', { limit: 10 });
    expect(c1.map(fields)).toEqual(old.filter((r) => r.contractId === 'c-1').map(fields));
    expect(c1.map((r) => r.seq)).toEqual([1, 2, 3]);
    const bank = await deps.store.audit.chainRecords(BANK_CHAIN, { limit: 10 });
    expect(bank.slice(0, 2).map(fields)).toEqual(old.filter((r) => r.contractId === null).map(fields));
    expect(bank[2]).toMatchObject({ action: 'audit.migrated', outcome: 'success', actorType: 'system' });
    expect(JSON.parse(bank[2]?.detail ?? '{}')).toEqual({
      records: 5,
      legacyHeadSeq: 5,
      legacyHeadHash: old[4]?.hash,
    });
    // Once: the old log is gone, and a second start migrates nothing.
    expect(await deps.store.audit.legacy.head()).toBeNull();
    expect(await prepareAuditLog(deps)).toEqual({ migrated: 0 });
  });

  it('L1: a break in the old chain does not stop the move, and stays on the record', async () => {
    const deps = await oldDatabase(`update audit_log set detail = '{"edited":true}' where seq = 3`);
    const result = await prepareAuditLog(deps);
    expect(result).toEqual({ migrated: 5, legacyBroken: { seq: 3, reason: 'record 3 was changed' } });
    const [migrated] = await deps.store.audit.list({ chain: BANK_CHAIN, limit: 1 });
    expect(migrated).toMatchObject({ action: 'audit.migrated', outcome: 'failure' });
    expect(JSON.parse(migrated?.detail ?? '{}')).toMatchObject({ legacyBrokenAt: 3 });
    // From here on the keyed chains vouch for the records as they were found.
    expect(await verifyAuditLog(deps.store, deps.auditKey)).toMatchObject({ ok: true });
  });

  it('L1: two processes starting at once migrate the old log exactly once', async () => {
    const deps = await oldDatabase();
    const twin = await openTestStoreTwin(deps.store as TestStore);
    const results = await Promise.all([prepareAuditLog(deps), prepareAuditLog({ ...deps, store: twin })]);
    expect(results.map((r) => r.migrated).sort()).toEqual([0, 5]);
    expect(await verifyAuditLog(deps.store, deps.auditKey)).toEqual({
      ok: true,
      records: 6,
      chains: 2,
      problems: [],
    });
  });
});
