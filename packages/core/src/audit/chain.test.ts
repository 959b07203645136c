import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../api.ts';
import { openBank, passwords, pins, type TestBank, testBackends, wrongCode } from '../identity/test-bank.ts';
import { failure } from '../identity/test-failure.ts';
import { canonicalJson, GENESIS_HASH, recordHash } from './chain.ts';
import { tamper } from './tamper.ts';
import { runUseCase } from './use-case.ts';

describe('L1 record format', () => {
  it('L1: canonical JSON sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('L1: the hash is SHA-256 over prevHash and the fields in fixed order (format frozen)', () => {
    const record = {
      seq: 1,
      at: 1_736_211_600_000,
      actorType: 'user' as const,
      actorId: 'u1',
      contractId: 'c1',
      action: 'login.success',
      subject: 'u1',
      outcome: 'success' as const,
      detail: '{"clientAddress":"192.0.2.1"}',
    };
    // = sha256(prevHash + JSON.stringify([seq, at, actorType, actorId, contractId, action, subject, outcome, detail]))
    expect(recordHash(GENESIS_HASH, record)).toBe(
      '0bfda2452c4743551671e06361159277458e8635db2440c63283df68c7abeb6e',
    );
    expect(recordHash(GENESIS_HASH, record)).not.toBe(
      recordHash(GENESIS_HASH, { ...record, at: record.at + 1 }),
    );
    expect(recordHash(GENESIS_HASH, record)).not.toBe(recordHash('1'.repeat(64), record));
  });
});

describe.each(testBackends())('audit chain on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
  });
  afterEach(() => bank.cleanup());

  /** A day at the bank: most security events once each. */
  async function aDayAtTheBank(): Promise<void> {
    const creds = { contractNumber: bank.contractNumber, loginId: 'user1', password: passwords.user };
    await failure(bank.kinko.login(bank.anon, { ...creds, password: 'wrongpass1' }));
    const { session } = await bank.kinko.login(bank.anon, creds);
    const token = await bank.activate();
    await failure(
      bank.kinko.createUser(bank.admin, {
        loginId: 'x1',
        name: 'x',
        password: 'passw0rdx',
        contractPin: pins.wrong,
      }),
    );
    await bank.kinko.registerToken(bank.admin, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.contract,
      userIds: [user1.userId],
    });
    bank.clock.advance(30_000);
    await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer');
    await failure(bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer'));
    for (let i = 0; i < bank.deps.config.maxOtpFailures; i++) {
      await failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
    }
    await bank.kinko.unlockUser(bank.admin, user1.userId, { contractPin: pins.contract });
    const newPhone = await bank.activate();
    await bank.kinko.registerToken(bank.admin, {
      serial: newPhone.serial,
      otp: newPhone.code(),
      contractPin: pins.contract,
      userIds: [user1.userId],
    });
    await bank.kinko.logout(session.sessionToken);
    await bank.kinko.restoreAdministrator(bank.operator, bank.contractNumber, { newContractPin: '8642' });
  }

  it('L1: every security event is audited in its own transaction, and the chain verifies', async () => {
    await aDayAtTheBank();
    const records = await bank.kinko.readAudit(bank.operator, { limit: 1000 });
    const actions = new Set(records.map((r) => r.action));
    for (const action of [
      'operator.created',
      'contract.opened',
      'user.created',
      'login.failure',
      'login.success',
      'token.activated',
      'contract_pin.failure',
      'token.registered',
      'otp.accepted',
      'otp.replayed',
      'otp.invalid',
      'user.suspended',
      'user.unlocked',
      'token.revoked',
      'logout',
      'admin.restored',
    ]) {
      expect(actions, action).toContain(action);
    }
    const head = await bank.store.audit.head();
    expect(await bank.kinko.verifyAudit(bank.operator)).toEqual({ ok: true, count: head.seq });
    const own = await bank.kinko.readAudit(bank.operator, {
      limit: 1000,
      contractNumber: bank.contractNumber,
    });
    expect(own.length).toBeGreaterThan(10);
    expect(own.every((r) => r.contractId === user1.contractId)).toBe(true);
    expect((await failure(bank.kinko.readAudit(bank.admin as never, { limit: 10 }))).code).toBe(
      'auth.forbidden',
    );
  });

  it('B1 L1: only a bank operator verifies the chain from the API, and each verification is audited', async () => {
    expect((await failure(bank.kinko.verifyAudit(bank.admin as never))).code).toBe('auth.forbidden');
    const before = await bank.store.audit.head();
    expect(await bank.kinko.verifyAudit(bank.operator)).toEqual({ ok: true, count: before.seq });
    const [last] = await bank.store.audit.list({ limit: 1, descending: true });
    expect(last).toMatchObject({ action: 'audit.verified', actorType: 'operator', outcome: 'success' });
    expect(await bank.kinko.verifyAudit(bank.operator)).toEqual({ ok: true, count: before.seq + 1 });
  });

  it('L1: a changed record is detected where it was changed', async () => {
    await aDayAtTheBank();
    await tamper(bank.store, `update audit_log set detail = '{"tampered":true}' where seq = 5`);
    expect(await bank.kinko.verifyAudit(bank.operator)).toMatchObject({ ok: false, brokenAt: 5, count: 4 });
  });

  it('L1: a changed record whose hash was recomputed breaks the link of the next one', async () => {
    await aDayAtTheBank();
    await tamper(bank.store, `update audit_log set hash = '${'a'.repeat(64)}' where seq = 5`);
    const result = await bank.kinko.verifyAudit(bank.operator);
    expect(result).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('L1: a deleted record is detected by the gap it leaves', async () => {
    await aDayAtTheBank();
    await tamper(bank.store, 'delete from audit_log where seq = 7');
    expect(await bank.kinko.verifyAudit(bank.operator)).toMatchObject({ ok: false, brokenAt: 7, count: 6 });
  });

  it('L1: a deleted tail is detected against the head', async () => {
    await aDayAtTheBank();
    const { seq } = await bank.store.audit.head();
    await tamper(bank.store, `delete from audit_log where seq >= ${seq - 1}`);
    const result = await bank.kinko.verifyAudit(bank.operator);
    expect(result).toMatchObject({ ok: false, brokenAt: seq - 1, count: seq - 2 });
    expect(result.reason).toMatch(/tail/);
  });

  it('L1: a detail that would carry a secret value is refused, and nothing of the act commits', async () => {
    const { seq } = await bank.store.audit.head();
    const leaking = runUseCase(bank.deps, async (tx) => {
      tx.audit({ actor: { kind: 'system' }, action: 'test.leak', detail: { contractPin: pins.contract } });
    });
    await expect(leaking).rejects.toThrow(/detail\.contractPin, a secret/);
    // A flag or a count under such a name is a fact, not the secret.
    await runUseCase(bank.deps, async (tx) => {
      tx.audit({
        actor: { kind: 'system' },
        action: 'test.flag',
        detail: { newPassword: true, failedPin: 2 },
      });
    });
    expect((await bank.store.audit.head()).seq).toBe(seq + 1);
  });
});
