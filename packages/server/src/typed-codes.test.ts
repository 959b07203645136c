import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

/** What a Japanese IME in 全角 gives for an ASCII code: ０-９, Ａ-Ｚ. */
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe.each(testBackends())('9.1 codes typed in 全角 are read as typed, over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let userId: string;
  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const res = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      // The contract PIN in full-width, with an ideographic space: read as 246810.
      payload: {
        loginId: 'user1',
        name: '利用者 一郎',
        password: secrets.user.password,
        contractPin: `${fullWidth('246')}\u3000${fullWidth('810')}`,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    userId = res.json().id;
  });
  afterAll(() => s.close());

  it('9.1 a full-width ご契約先ID logs in', async () => {
    const res = await s.request('POST', '/api/v1/session', {
      payload: {
        contractNumber: fullWidth(s.contractNumber),
        loginId: 'user1',
        password: secrets.user.password,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('9.1 a full-width serial (ＳＫＴＳ…) with a pasted dash, OTP and PIN register the token; the step-up takes a full-width OTP', async () => {
    const token = await s.activate();
    const serial = `${fullWidth(token.serial.slice(0, 8))}ー${fullWidth(token.serial.slice(8))}`;
    const registered = await s.request('POST', '/api/v1/admin/token-registrations', {
      as: admin,
      payload: {
        serial,
        otp: fullWidth(token.code()),
        contractPin: fullWidth(secrets.contractPin),
        userIds: [userId],
      },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    expect(registered.json().users.find((u: { id: string }) => u.id === userId)).toMatchObject({
      serial: token.serial,
    });

    const user = await s.login(s.contractNumber, 'user1', secrets.user.password);
    s.clock.advance(30_000);
    const code = token.code();
    const ok = await s.request('POST', '/api/v1/step-up', {
      as: user,
      payload: {
        otp: `${fullWidth(code.slice(0, 3))}\u3000${fullWidth(code.slice(3))}`,
        purpose: 'transfer',
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // T2 still holds for the folded code: the same code in ASCII is a replay.
    const replay = await s.request('POST', '/api/v1/step-up', { as: user, payload: { otp: code } });
    expect(replay.json().code).toBe('otp.replayed');
  });

  it('9.1 what is not a code after folding is still refused with the field code', async () => {
    const token = await s.activate();
    for (const otp of ['１２３４５', '１２３ａ５６', '١٢٣٤٥٦']) {
      const res = await s.request('POST', '/api/v1/admin/token-registrations', {
        as: admin,
        payload: { serial: token.serial, otp, contractPin: secrets.contractPin, userIds: [userId] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('otp.malformed');
    }
  });
});
