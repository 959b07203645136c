import { SERIAL_ALPHABET } from '@kinko/core';
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer, wrongCode } from './testing.ts';

/** The same serial with its check character replaced: caught before any lookup (T4). */
function badCheck(serial: string): string {
  const last = serial.at(-1) ?? '0';
  const other = SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(last) + 1) % SERIAL_ALPHABET.length];
  return serial.slice(0, -1) + other;
}

describe.each(testBackends())('administrator and step-up over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let userId: string;
  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const res = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      payload: {
        loginId: 'user1',
        name: '利用者 一郎',
        password: secrets.user.password,
        contractPin: secrets.contractPin,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    userId = res.json().id;
  });
  afterAll(() => s.close());

  it("another contract's user id is 404 user.not_found, for reads and writes alike", async () => {
    const other = await s.kinko.getContract(s.operatorActor, s.otherContractNumber);
    const stranger = other.users[0]?.id ?? '';
    const before = await s.counts();
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/admin/users/${stranger}`, { name: '乗っ取り', contractPin: secrets.contractPin }],
      ['POST', `/api/v1/admin/users/${stranger}/unlock`, { contractPin: secrets.contractPin }],
      ['POST', `/api/v1/admin/users/${stranger}/card`, { contractPin: secrets.contractPin }],
      [
        'PUT',
        `/api/v1/admin/users/${stranger}/confirm-pin`,
        { confirmPin: '1234', contractPin: secrets.contractPin },
      ],
      ['DELETE', `/api/v1/admin/users/${stranger}`, { contractPin: secrets.contractPin }],
    ] as const) {
      const res = await s.request(method, url, { as: admin, payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'user.not_found', status: 404 });
    }
    const { users } = await s.kinko.getContract(s.operatorActor, s.otherContractNumber);
    expect(users[0]).toMatchObject({ id: stranger, name: other.users[0]?.name });
    expect((await s.counts()).tokens).toBe(before.tokens);
  });

  describe('T4: a mistyped serial is refused before any lookup, and nothing is written', () => {
    it.each([
      { what: 'a wrong prefix', serial: (v: string) => `SKTX${v.slice(4)}`, code: 'serial.malformed' },
      { what: 'a wrong check character', serial: badCheck, code: 'serial.check_failed' },
      { what: 'too short', serial: (v: string) => v.slice(0, 10), code: 'serial.malformed' },
      { what: 'empty', serial: () => '', code: 'serial.malformed' },
    ])('$what → 400 $code', async ({ serial, code }) => {
      const token = await s.activate();
      const before = await s.counts();
      const res = await s.request('POST', '/api/v1/admin/token-registrations', {
        as: admin,
        payload: {
          serial: serial(token.serial),
          otp: token.code(),
          contractPin: secrets.contractPin,
          userIds: [userId],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code, status: 400, type: `https://kinko.example/problems/${code}` });
      expect(await s.counts()).toEqual(before);
    });
  });

  describe('an OTP that is not six digits is 400 otp.malformed and nothing is written', () => {
    it.each([
      { what: 'letters', otp: '12a45b' },
      { what: 'five digits', otp: '12345' },
      { what: 'seven digits', otp: '1234567' },
      { what: 'empty', otp: '' },
    ])('registration with $what', async ({ otp }) => {
      const token = await s.activate();
      const before = await s.counts();
      const res = await s.request('POST', '/api/v1/admin/token-registrations', {
        as: admin,
        payload: { serial: token.serial, otp, contractPin: secrets.contractPin, userIds: [userId] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('otp.malformed');
      expect(await s.counts()).toEqual(before);
    });

    it('a number instead of a string is request.invalid (the schema), not a guess', async () => {
      const token = await s.activate();
      const before = await s.counts();
      const res = await s.request('POST', '/api/v1/admin/token-registrations', {
        as: admin,
        payload: { serial: token.serial, otp: 123456, contractPin: secrets.contractPin, userIds: [userId] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'body.otp' }] });
      expect(await s.counts()).toEqual(before);
    });
  });

  it('the whole path: activate → register → step-up → replay → five wrong → 利用中止 → unlock → step-up', async () => {
    // T5: the app activates; R2: the administrator registers it to user1 with a current OTP.
    const token = await s.activate();
    const registered = await s.request('POST', '/api/v1/admin/token-registrations', {
      as: admin,
      payload: {
        serial: token.serial,
        otp: token.code(),
        contractPin: secrets.contractPin,
        userIds: [userId],
      },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json().users.find((u: { id: string }) => u.id === userId)).toMatchObject({
      serial: token.serial,
      tokenActive: true,
    });

    const user = await s.login(s.contractNumber, 'user1', secrets.user.password);
    const challenge = await s.request('GET', '/api/v1/step-up', { as: user });
    expect(challenge.json()).toEqual({ method: 'otp' });

    // Registration consumed this step (T2): the user waits for the next code.
    s.clock.advance(30_000);
    const code = token.code();
    const ok = await s.request('POST', '/api/v1/step-up', {
      as: user,
      payload: { otp: code, purpose: 'transfer' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ method: 'otp', step: expect.any(Number) });

    // T2: the same code again is a replay.
    const replay = await s.request('POST', '/api/v1/step-up', { as: user, payload: { otp: code } });
    expect(replay.statusCode).toBe(403);
    expect(replay.json()).toMatchObject({ code: 'otp.replayed', status: 403 });

    // A2: five consecutive wrong codes suspend the user (利用中止).
    s.clock.advance(30_000);
    const statuses: number[] = [];
    let last = replay;
    for (let i = 0; i < 5; i++) {
      last = await s.request('POST', '/api/v1/otp/check', {
        as: user,
        payload: { otp: wrongCode(token.code()) },
      });
      statuses.push(last.statusCode);
      if (i === 0) expect(last.json()).toMatchObject({ code: 'otp.invalid', remainingAttempts: 4 });
    }
    expect(statuses.slice(0, 4)).toEqual([403, 403, 403, 403]);
    expect(last.statusCode).toBe(423);
    expect(last.json()).toMatchObject({ code: 'otp.user_suspended', status: 423 });
    // Even the right code is refused now.
    const refused = await s.request('POST', '/api/v1/step-up', { as: user, payload: { otp: token.code() } });
    expect(refused.statusCode).toBe(423);
    expect(refused.json().code).toBe('otp.user_suspended');

    // A2: only the administrator lifts it, with the contract PIN.
    const noPin = await s.request('POST', `/api/v1/admin/users/${userId}/unlock`, {
      as: admin,
      payload: { contractPin: '000000' },
    });
    expect(noPin.statusCode).toBe(403);
    expect(noPin.json().code).toBe('pin.invalid');
    const unlocked = await s.request('POST', `/api/v1/admin/users/${userId}/unlock`, {
      as: admin,
      payload: { contractPin: secrets.contractPin },
    });
    expect(unlocked.statusCode, unlocked.body).toBe(200);
    expect(unlocked.json()).toMatchObject({ id: userId, suspended: false, otpFailures: 0 });

    s.clock.advance(30_000);
    const again = await s.request('POST', '/api/v1/step-up', { as: user, payload: { otp: token.code() } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().method).toBe('otp');
  });

  it.each([
    { what: 'letters', otp: 'abcdef' },
    { what: 'five digits', otp: '12345' },
    { what: 'seven digits', otp: '1234567' },
    { what: 'empty', otp: '' },
  ])('step-up with $what is 400 otp.malformed and does not count as a failure', async ({ otp }) => {
    const user = await s.login(s.contractNumber, 'user1', secrets.user.password);
    const before = await otpFailures();
    const res = await s.request('POST', '/api/v1/step-up', { as: user, payload: { otp } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('otp.malformed');
    expect(await otpFailures()).toBe(before);
  });

  async function otpFailures(): Promise<number> {
    const res = await s.request('GET', '/api/v1/admin/users', { as: admin });
    return res.json().users.find((u: { id: string }) => u.id === userId).otpFailures;
  }
});
