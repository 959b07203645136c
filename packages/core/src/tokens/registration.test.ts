import { auditRecordCount } from '@kinko/store/testing';
import { failure, openBank, pins, realRandom, type TestBank, testBackends, wrongCode } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';
import { newSerial } from '../otp/index.ts';

const STEP = 30_000;

describe.each(testBackends())('token registration on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  let user2: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
    user2 = await bank.addUser('user2');
  });
  afterEach(() => bank.cleanup());

  const register = (serial: string, otp: string, userIds?: string[], contractPin: string = pins.contract) =>
    bank.kinko.registerToken(bank.admin, { serial, otp, contractPin, ...(userIds ? { userIds } : {}) });

  it('R2: the administrator registers a token with its serial, a current OTP and the contract PIN', async () => {
    const token = await bank.activate();
    const { users } = await register(token.serial, token.code(), [user1.userId]);
    expect(users.find((u) => u.id === user1.userId)).toMatchObject({
      serial: token.serial,
      tokenStatus: 'registered',
      tokenActive: true,
    });
    expect(users.find((u) => u.id === user2.userId)).toMatchObject({ serial: null, tokenActive: false });
    const stored = await bank.store.tokens.getBySerial(token.serial);
    expect(stored).toMatchObject({ status: 'registered', registeredAt: bank.clock.now() });
    // T2: the registration consumed the step, so the same code cannot now authorise a transfer.
    expect((await failure(bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer'))).code).toBe(
      'otp.replayed',
    );
  });

  it('R1: only the administrator registers tokens', async () => {
    const token = await bank.activate();
    const byUser = bank.kinko.registerToken(user1, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.contract,
      userIds: [user1.userId],
    });
    expect((await failure(byUser)).code).toBe('auth.forbidden');
  });

  it('R2: a wrong contract PIN refuses the registration and counts', async () => {
    const token = await bank.activate();
    const e = await failure(register(token.serial, token.code(), [user1.userId], pins.wrong));
    expect(e.code).toBe('pin.invalid');
    expect(e.details).toEqual({ remainingAttempts: bank.deps.config.maxPinFailures - 1 });
    expect((await bank.store.tokens.getBySerial(token.serial))?.status).toBe('activated');
  });

  it('R2/A2: a wrong OTP refuses the registration and is an OTP failure of the administrator', async () => {
    const token = await bank.activate();
    const e = await failure(register(token.serial, wrongCode(token.code()), [user1.userId]));
    expect(e.code).toBe('otp.invalid');
    expect(e.details).toEqual({ remainingAttempts: bank.deps.config.maxOtpFailures - 1 });
    expect((await bank.store.users.get(bank.admin.userId))?.otpFailures).toBe(1);
    expect((await bank.store.tokens.getBySerial(token.serial))?.status).toBe('activated');
    await register(token.serial, token.code(), [user1.userId]);
    expect((await bank.store.users.get(bank.admin.userId))?.otpFailures).toBe(0);
  });

  it('T4: a mistyped serial is rejected before any lookup, without spending a PIN attempt', async () => {
    const token = await bank.activate();
    const last = token.serial.at(-1) === '0' ? '1' : '0';
    const mistyped = token.serial.slice(0, -1) + last;
    const head = await auditRecordCount(bank.store);
    const e = await failure(register(mistyped, token.code(), [user1.userId], pins.wrong));
    expect(e.code).toBe('serial.check_failed');
    expect((await failure(register('SKTS123', token.code(), [user1.userId]))).code).toBe('serial.malformed');
    expect(await auditRecordCount(bank.store)).toBe(head);
    expect((await bank.kinko.listUsers(bank.admin)).contract.contractPinLocked).toBe(false);
    // Typed as people type it: lower case with a hyphen still reads.
    const typed = `${token.serial.slice(0, 8)}-${token.serial.slice(8)}`.toLowerCase();
    await register(typed, token.code(), [user1.userId]);
  });

  it('R2: a token registered to another contract is refused; an unknown serial is not found', async () => {
    const { admin: otherAdmin } = await bank.openOtherContract();
    const token = await bank.activate();
    await bank.kinko.registerToken(otherAdmin, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.other,
      userIds: [otherAdmin.userId],
    });
    bank.clock.advance(STEP);
    expect((await failure(register(token.serial, token.code(), [user1.userId]))).code).toBe(
      'token.not_registrable',
    );
    const never = newSerial(realRandom); // a well-formed serial no app ever activated
    expect((await failure(register(never, token.code(), [user1.userId]))).code).toBe('token.not_found');
    const unknown = await bank.activate();
    await bank.kinko.revokeToken(bank.operator, unknown.serial);
    expect((await failure(register(unknown.serial, unknown.code(), [user1.userId]))).code).toBe(
      'token.revoked',
    );
  });

  it('R3 individual: one token may be registered to several users; users are required', async () => {
    const token = await bank.activate();
    expect((await failure(register(token.serial, token.code()))).code).toBe('token.usage_mode_mismatch');
    const { users } = await register(token.serial, token.code(), [user1.userId, user2.userId]);
    expect(users.filter((u) => u.serial === token.serial).map((u) => u.loginId)).toEqual(['user1', 'user2']);
    bank.clock.advance(STEP);
    expect(await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer')).toMatchObject({
      method: 'otp',
    });
    bank.clock.advance(STEP);
    expect(await bank.kinko.stepUp(user2, { otp: token.code() }, 'transfer')).toMatchObject({
      method: 'otp',
    });
  });

  it('T7: registering a new phone’s serial revokes the old serial', async () => {
    const oldPhone = await bank.activate();
    await register(oldPhone.serial, oldPhone.code(), [user1.userId]);
    const newPhone = await bank.activate();
    const { users } = await register(newPhone.serial, newPhone.code(), [user1.userId]);
    expect(users.find((u) => u.id === user1.userId)?.serial).toBe(newPhone.serial);
    expect((await bank.store.tokens.getBySerial(oldPhone.serial))?.status).toBe('revoked');
    const revoked = await bank.store.audit.list({ limit: 5 });
    expect(revoked.map((r) => [r.action, r.subject])).toContainEqual(['token.revoked', oldPhone.serial]);
    bank.clock.advance(STEP);
    expect((await failure(register(oldPhone.serial, oldPhone.code(), [user2.userId]))).code).toBe(
      'token.revoked',
    );
  });

  it('T7: a replaced token still serving another user stays registered', async () => {
    const shared = await bank.activate();
    await register(shared.serial, shared.code(), [user1.userId, user2.userId]);
    const own = await bank.activate();
    await register(own.serial, own.code(), [user1.userId]);
    expect((await bank.store.tokens.getBySerial(shared.serial))?.status).toBe('registered');
  });

  it('R3 shared: one token for all users, including one added later; failures stay per user', async () => {
    await bank.kinko.setUsageMode(bank.admin, { mode: 'shared', contractPin: pins.contract });
    const token = await bank.activate();
    expect((await failure(register(token.serial, token.code(), [user1.userId]))).code).toBe(
      'token.usage_mode_mismatch',
    );
    const { contract, users } = await register(token.serial, token.code());
    expect(contract).toMatchObject({ usageMode: 'shared', sharedSerial: token.serial });
    expect(users.every((u) => u.serial === token.serial && u.tokenActive)).toBe(true);

    const late = await bank.addUser('user3');
    bank.clock.advance(STEP);
    expect(await bank.kinko.stepUp(late, { otp: token.code() }, 'transfer')).toMatchObject({ method: 'otp' });

    // One user's typos never suspend another (R3).
    for (let i = 0; i < bank.deps.config.maxOtpFailures; i++) {
      await failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
    }
    expect((await bank.store.users.get(user1.userId))?.suspended).toBe(true);
    bank.clock.advance(STEP);
    expect(await bank.kinko.stepUp(user2, { otp: token.code() }, 'transfer')).toMatchObject({
      method: 'otp',
    });
    expect((await bank.store.users.get(user2.userId))?.otpFailures).toBe(0);
  });

  it('R3 shared/T2: the same 30-second code is usable once across users, even at the same moment', async () => {
    await bank.kinko.setUsageMode(bank.admin, { mode: 'shared', contractPin: pins.contract });
    const token = await bank.activate();
    await register(token.serial, token.code());
    bank.clock.advance(STEP);
    const code = token.code();
    const results = await Promise.allSettled([
      bank.kinko.stepUp(user1, { otp: code }, 'transfer'),
      bank.kinko.stepUp(user2, { otp: code }, 'transfer'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason.code).toBe('otp.replayed');
    // A replay is not a typo: nobody's counter moved.
    for (const u of [user1, user2]) expect((await bank.store.users.get(u.userId))?.otpFailures).toBe(0);
  });

  it('R5: the list shows each user’s serial and state; the administrator removes a registration', async () => {
    const token = await bank.activate();
    await register(token.serial, token.code(), [user1.userId]);
    let { users } = await bank.kinko.listUsers(bank.admin);
    expect(users.map((u) => [u.loginId, u.serial, u.tokenStatus, u.tokenActive])).toEqual([
      ['admin', null, null, false],
      ['user1', token.serial, 'registered', true],
      ['user2', null, null, false],
    ]);
    const wrongPin = bank.kinko.removeTokenRegistration(bank.admin, {
      userId: user1.userId,
      contractPin: pins.wrong,
    });
    expect((await failure(wrongPin)).code).toBe('pin.invalid');
    await bank.kinko.removeTokenRegistration(bank.admin, {
      userId: user1.userId,
      contractPin: pins.contract,
    });
    ({ users } = await bank.kinko.listUsers(bank.admin));
    expect(users.find((u) => u.id === user1.userId)).toMatchObject({ serial: null, tokenActive: false });
    // It served no one any more, so it is revoked (T7).
    expect((await bank.store.tokens.getBySerial(token.serial))?.status).toBe('revoked');
    const again = bank.kinko.removeTokenRegistration(bank.admin, {
      userId: user1.userId,
      contractPin: pins.contract,
    });
    expect((await failure(again)).code).toBe('token.not_found');
  });

  it('B1: the bank revokes a token; it stops serving at once', async () => {
    const token = await bank.activate();
    await register(token.serial, token.code(), [user1.userId]);
    await bank.kinko.revokeToken(bank.operator, token.serial);
    const me = await bank.kinko.me(user1);
    expect(me.user).toMatchObject({ serial: null, tokenActive: false });
    bank.clock.advance(STEP);
    expect((await failure(bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer'))).code).toBe(
      'otp.token_not_active',
    );
  });
});
