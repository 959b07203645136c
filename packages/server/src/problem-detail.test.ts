import { ERROR_CODES, KinkoError, SERIAL_ALPHABET } from '@kinko/core';
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toProblem } from './plugins/problem.ts';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe('a problem detail that only repeats the code', () => {
  it.each([...ERROR_CODES])('%s thrown without a message gets a sentence, not the code', (code) => {
    const detail = toProblem(new KinkoError(code)).detail;
    expect(detail).not.toBe(code);
    expect(detail).toMatch(/^[A-Z].{10,}\.$/);
  });
});

describe.each(testBackends())('the six details that repeated their code, over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
  });
  afterAll(() => s.close());

  const problem = async (method: 'GET' | 'POST', url: string, payload?: object, as?: Party) => {
    const res = await s.request(method, url, { as, payload });
    const body = res.json();
    expect(body.detail, res.body).not.toBe(body.code);
    return body as { code: string; detail: string };
  };

  it('auth.invalid_credentials says what to check, and the same whichever of the three was wrong', async () => {
    const login = (contractNumber: string, loginId: string, password: string) =>
      problem('POST', '/api/v1/session', { contractNumber, loginId, password });
    const answers = [
      await login(s.contractNumber, secrets.admin.loginId, 'wrong-password'),
      await login(s.contractNumber, 'nobody', secrets.admin.password),
      await login('99999999999', secrets.admin.loginId, secrets.admin.password),
    ];
    for (const a of answers) expect(a.code).toBe('auth.invalid_credentials');
    expect(new Set(answers.map((a) => a.detail)).size).toBe(1);
    expect(answers[0]?.detail).toMatch(/contract number, login ID or password/);
    const operator = await problem('POST', '/api/v1/bank/session', { loginId: 'bankop', password: 'nope' });
    expect(operator).toMatchObject({
      code: 'auth.invalid_credentials',
      detail: expect.stringMatching(/login ID or password/),
    });
  });

  it('account.not_found and transfer.not_found say which ids are accepted', async () => {
    const account = await problem(
      'GET',
      '/api/v1/accounts/nope/statement?from=2025-01-01&to=2025-01-07',
      undefined,
      admin,
    );
    expect(account).toMatchObject({ code: 'account.not_found', detail: expect.stringMatching(/accounts/) });
    const transfer = await problem('GET', '/api/v1/transfers/nope', undefined, admin);
    expect(transfer).toMatchObject({
      code: 'transfer.not_found',
      detail: expect.stringMatching(/own transfers/),
    });
  });

  it('serial.malformed and serial.check_failed say what a serial is', async () => {
    const register = (serial: string) =>
      problem(
        'POST',
        '/api/v1/admin/token-registrations',
        { serial, otp: '123456', contractPin: secrets.contractPin },
        admin,
      );
    expect(await register('SKTS12')).toMatchObject({
      code: 'serial.malformed',
      detail: expect.stringMatching(/SKTS followed by 8 letters or digits \(12 in all\)/),
    });
    const { serial } = await s.activate();
    const last = serial.at(-1) ?? '0';
    const mistyped = serial.slice(0, -1) + SERIAL_ALPHABET[(SERIAL_ALPHABET.indexOf(last) + 1) % 32];
    expect(await register(mistyped)).toMatchObject({
      code: 'serial.check_failed',
      detail: expect.stringMatching(/check character/),
    });
  });

  it('otp.malformed says an OTP is 6 digits and what else is read (9.1: full-width digits are folded, so only a wrong length or a letter is malformed)', async () => {
    for (const otp of ['12345', '１２３４５', '12345a']) {
      const p = await problem(
        'POST',
        '/api/v1/admin/token-registrations',
        { serial: (await s.activate()).serial, otp, contractPin: secrets.contractPin },
        admin,
      );
      expect(p).toMatchObject({
        code: 'otp.malformed',
        detail: expect.stringMatching(/exactly 6 digits .*full-width digits, spaces and hyphens are read/),
      });
    }
  });
});
