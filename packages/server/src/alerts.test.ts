import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('reused-OTP alerts and 前回ログイン日時 over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let user: Party;
  let userId: string;
  let serial: string;
  let userLoginAt: number;
  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const created = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      payload: {
        loginId: 'user1',
        name: '利用者 一郎',
        password: secrets.user.password,
        contractPin: secrets.contractPin,
      },
    });
    userId = created.json().id;
    const token = await s.activate();
    serial = token.serial;
    const registered = await s.request('POST', '/api/v1/admin/token-registrations', {
      as: admin,
      payload: { serial, otp: token.code(), contractPin: secrets.contractPin, userIds: [userId] },
    });
    expect(registered.statusCode, registered.body).toBe(200);
    user = await s.login(s.contractNumber, 'user1', secrets.user.password);
    userLoginAt = s.clock.now();
    s.clock.advance(30_000);
    const code = token.code();
    const ok = await s.request('POST', '/api/v1/step-up', {
      as: user,
      payload: { otp: code, purpose: 'transfer.confirm' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const replay = await s.request('POST', '/api/v1/step-up', {
      as: user,
      payload: { otp: code, purpose: 'transfer.confirm' },
    });
    expect(replay.json()).toMatchObject({ code: 'otp.replayed' });
  });
  afterAll(() => s.close());

  const alertsOf = async (who: Party) => {
    const res = await s.request('GET', '/api/v1/session', { as: who });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().me.alerts as { id: string; serial: string; operation: string; userName: string }[];
  };

  it('T2: GET /api/v1/session carries the alert to the holder and the administrator, with time, operation and serial', async () => {
    for (const who of [user, admin]) {
      expect(await alertsOf(who)).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f]{32}$/),
          at: s.clock.now(),
          serial,
          operation: 'transfer.confirm',
          userId,
          userName: '利用者 一郎',
        },
      ]);
    }
  });

  it('T2: POST …/acknowledge needs the CSRF token; an unknown or foreign id is 404 alert.not_found', async () => {
    const [alert] = await alertsOf(admin);
    const url = `/api/v1/me/alerts/${alert?.id}/acknowledge`;
    const noCsrf = await s.request('POST', url, { as: admin, csrf: null });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'request.csrf' });
    const anonymous = await s.request('POST', url);
    expect(anonymous.statusCode).toBe(401);
    const unknown = await s.request('POST', `/api/v1/me/alerts/${'0'.repeat(32)}/acknowledge`, { as: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({
      code: 'alert.not_found',
      type: 'https://kinko.example/problems/alert.not_found',
      status: 404,
    });
    const otherAdmin = await s.login(s.otherContractNumber, secrets.admin.loginId, secrets.admin.password);
    const foreign = await s.request('POST', url, { as: otherAdmin });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'alert.not_found' });
    expect(await alertsOf(admin)).toHaveLength(1);
  });

  it("T2: the administrator's acknowledgement hides it from the administrator only; the holder's from the holder", async () => {
    const [alert] = await alertsOf(admin);
    const url = `/api/v1/me/alerts/${alert?.id}/acknowledge`;
    const acked = await s.request('POST', url, { as: admin });
    expect(acked.statusCode, acked.body).toBe(204);
    expect(await alertsOf(admin)).toEqual([]);
    expect((await alertsOf(user)).map((a) => a.id)).toEqual([alert?.id]);
    // Again: nothing changes, still 204.
    expect((await s.request('POST', url, { as: admin })).statusCode).toBe(204);
    expect((await s.request('POST', url, { as: user })).statusCode).toBe(204);
    expect(await alertsOf(user)).toEqual([]);
    const records = await s.store.audit.list({ limit: 10 });
    expect(records.filter((r) => r.action === 'alert.acknowledged').map((r) => r.subject)).toEqual([
      alert?.id,
      alert?.id,
    ]);
  });

  it('前回ログイン日時: the second login answers the first login’s time, in the session too; the back office the same', async () => {
    s.clock.advance(120_000);
    const second = await s.request('POST', '/api/v1/session', {
      payload: { contractNumber: s.contractNumber, loginId: 'user1', password: secrets.user.password },
    });
    expect(second.json().me.previousLoginAt).toBe(userLoginAt);

    const op1 = await s.request('POST', '/api/v1/bank/session', { payload: secrets.operator });
    const opAt = s.clock.now();
    expect(op1.json().operator.previousLoginAt).toBeNull();
    s.clock.advance(60_000);
    const op = await s.operatorLogin();
    const resumed = await s.request('GET', '/api/v1/bank/session', { as: op });
    expect(resumed.json().operator).toMatchObject({
      loginId: secrets.operator.loginId,
      previousLoginAt: opAt,
    });
  });
});
