/**
 * L1, hardening defect 3: what a database administrator could do to the log, each detected —
 * a changed record, a chain recomputed without the key, a deleted record or tail, a chain cut
 * back and its head rolled back (against a checkpoint), a chain or head deleted, a record moved
 * between chains, a wrong key, a forged checkpoint.
 */
import { randomBytes } from 'node:crypto';
import { aDayAtTheBank, openBank, type TestBank, tamper, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';
import { type AuditRecord, BANK_CHAIN } from '../ports.ts';
import { createCheckpoint, parseCheckpoint } from './checkpoint.ts';
import { createAuditKey } from './key.ts';
import { prepareAuditLog } from './legacy.ts';
import { recordMac } from './record.ts';
import { verifyAuditLog } from './verify.ts';

describe.each(testBackends())('audit tampering on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
  });
  afterEach(() => bank.cleanup());

  const verify = (checkpoint?: Parameters<typeof verifyAuditLog>[2]) =>
    verifyAuditLog(bank.store, bank.deps.auditKey, checkpoint);
  const chainOfContract = () => user1.contractId;
  const records = (chain: string) => bank.store.audit.chainRecords(chain, { limit: 1000 });

  /** A day at the bank: most security events once each, in the contract's and the bank's chains. */
  it('L1: a changed record is detected where it was changed', async () => {
    await aDayAtTheBank(bank, user1);
    const chain = chainOfContract();
    await tamper(
      bank.store,
      `update audit_records set detail = '{"tampered":true}' where chain = '${chain}' and seq = 5`,
    );
    expect(await verify()).toMatchObject({
      ok: false,
      problems: [{ chain, seq: 5, reason: expect.stringMatching(/changed/) }],
    });
  });

  it('L1: a record changed and every later MAC recomputed without the key (the public formula) is detected', async () => {
    await aDayAtTheBank(bank, user1);
    const chain = chainOfContract();
    // The attacker knows the format but not the key: they recompute the chain from record 5 on
    // with a key of their own, links and head included. Everything links; nothing verifies.
    const forger = createAuditKey(new Uint8Array(randomBytes(32)));
    const all = await records(chain);
    let prevMac = all[3]?.mac ?? '';
    const statements: string[] = [];
    for (const r of all.slice(4)) {
      const forged: AuditRecord = { ...r, detail: r.seq === 5 ? '{"forged":true}' : r.detail, prevMac };
      forged.mac = recordMac(forger, forged);
      statements.push(
        `update audit_records set detail = '${forged.detail}', prev_mac = '${forged.prevMac}', mac = '${forged.mac}' where chain = '${chain}' and seq = ${r.seq}`,
      );
      prevMac = forged.mac;
    }
    statements.push(`update audit_heads set mac = '${prevMac}' where chain = '${chain}'`);
    await tamper(bank.store, statements.join(';\n'));
    expect(await verify()).toMatchObject({
      ok: false,
      problems: [{ chain, seq: 5, reason: expect.stringMatching(/MAC does not verify/) }],
    });
  });

  it('L1: a deleted record is detected by the gap it leaves', async () => {
    await aDayAtTheBank(bank, user1);
    const chain = chainOfContract();
    await tamper(bank.store, `delete from audit_records where chain = '${chain}' and seq = 7`);
    expect(await verify()).toMatchObject({ ok: false, problems: [{ chain, seq: 7 }] });
  });

  it('L1: a deleted tail is detected against its chain’s head', async () => {
    await aDayAtTheBank(bank, user1);
    const chain = chainOfContract();
    const head = await bank.store.audit.head(chain);
    const seq = head?.seq ?? 0;
    await tamper(bank.store, `delete from audit_records where chain = '${chain}' and seq >= ${seq - 1}`);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, problems: [{ chain, seq: seq - 1 }] });
    expect(result.problems[0]?.reason).toMatch(/tail/);
  });

  it('L1: deleting the newest record and rolling the head back is caught by a checkpoint taken before', async () => {
    await aDayAtTheBank(bank, user1);
    const checkpoint = await createCheckpoint(bank.store, bank.deps.auditKey, bank.clock.now());
    const chain = chainOfContract();
    const [last, previous] = await bank.store.audit.list({ chain, limit: 2 });
    await tamper(
      bank.store,
      `delete from audit_records where chain = '${chain}' and seq = ${last?.seq};
       update audit_heads set seq = ${previous?.seq}, mac = '${previous?.mac}', at = ${previous?.at} where chain = '${chain}'`,
    );
    // The chain is consistent with itself: without an anchor outside the database this cannot
    // be seen, which is why the bank keeps checkpoints.
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verify(checkpoint)).toMatchObject({
      ok: false,
      problems: [{ chain, seq: last?.seq, reason: expect.stringMatching(/cut back/) }],
    });
  });

  it('L1: a whole chain deleted (records and head) is caught by a checkpoint; a deleted head alone without one', async () => {
    await aDayAtTheBank(bank, user1);
    const checkpoint = await createCheckpoint(bank.store, bank.deps.auditKey, bank.clock.now());
    const chain = chainOfContract();
    await tamper(bank.store, `delete from audit_heads where chain = '${chain}'`);
    expect(await verify()).toMatchObject({
      ok: false,
      problems: [{ chain, reason: expect.stringMatching(/head is missing/) }],
    });
    await tamper(bank.store, `delete from audit_records where chain = '${chain}'`);
    expect(await verify()).toMatchObject({ ok: true });
    expect(await verify(checkpoint)).toMatchObject({
      ok: false,
      problems: [{ chain, reason: expect.stringMatching(/gone/) }],
    });
  });

  it('L1: a record moved to another chain, or replaced after a checkpoint, is detected', async () => {
    await aDayAtTheBank(bank, user1);
    const checkpoint = await createCheckpoint(bank.store, bank.deps.auditKey, bank.clock.now());
    const chain = chainOfContract();
    const head = await bank.store.audit.head(chain);
    await tamper(
      bank.store,
      `update audit_records set chain = 'elsewhere' where chain = '${chain}' and seq = 2`,
    );
    const moved = await verify(checkpoint);
    expect(moved.ok).toBe(false);
    expect(moved.problems).toContainEqual(expect.objectContaining({ chain, seq: 2 }));
    expect(moved.problems).toContainEqual(expect.objectContaining({ chain: 'elsewhere' }));
    expect(head?.seq).toBeGreaterThan(2);
  });

  it('L1: a break in one chain does not hide a break in another', async () => {
    await aDayAtTheBank(bank, user1);
    const chain = chainOfContract();
    await tamper(
      bank.store,
      `update audit_records set subject = 'x' where chain = '${chain}' and seq = 3;
       update audit_records set subject = 'y' where chain = '${BANK_CHAIN}' and seq = 2`,
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ chain, seq: 3 }),
        expect.objectContaining({ chain: BANK_CHAIN, seq: 2 }),
      ]),
    );
  });

  it('L1: the wrong audit key is named as such, and a process with it refuses to start', async () => {
    await prepareAuditLog(bank.deps); // records the key's public id, as every process's start does
    await aDayAtTheBank(bank, user1);
    const wrong = createAuditKey(new Uint8Array(randomBytes(32)));
    expect(await verifyAuditLog(bank.store, wrong)).toMatchObject({
      ok: false,
      problems: [{ chain: '*', reason: expect.stringMatching(/another audit key/) }],
    });
    await expect(prepareAuditLog({ ...bank.deps, auditKey: wrong })).rejects.toThrow(/not the one/);
  });

  it('L1: a checkpoint is signed: one edited after signing, or signed by another key, is refused', async () => {
    await aDayAtTheBank(bank, user1);
    const checkpoint = await createCheckpoint(bank.store, bank.deps.auditKey, bank.clock.now());
    expect(parseCheckpoint(JSON.stringify(checkpoint))).toEqual(checkpoint);
    expect(await verify(checkpoint)).toMatchObject({
      ok: true,
      checkpoint: { chains: checkpoint.heads.length },
    });
    const edited = { ...checkpoint, heads: checkpoint.heads.map((h) => ({ ...h, seq: h.seq - 1 })) };
    expect(await verify(edited)).toMatchObject({
      ok: false,
      problems: [{ chain: '*', reason: expect.stringMatching(/signature does not verify/) }],
    });
    const theirs = await createCheckpoint(bank.store, createAuditKey(new Uint8Array(randomBytes(32))), 0);
    expect(await verify(theirs)).toMatchObject({
      ok: false,
      problems: [{ reason: expect.stringMatching(/another audit key/) }],
    });
    expect(() => parseCheckpoint('{"format":"x"}')).toThrow(/format/);
    expect(() => parseCheckpoint('nope')).toThrow(/not JSON/);
  });
});
