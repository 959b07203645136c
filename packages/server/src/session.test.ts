import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('sessions and CSRF on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
  });
  afterAll(() => s.close());

  const newUser = (loginId: string) => ({
    loginId,
    name: `利用者 ${loginId}`,
    password: secrets.user.password,
    contractPin: secrets.contractPin,
  });

  it('A4: login sets an HttpOnly, SameSite=Strict cookie on Path=/, not Secure over plain HTTP', async () => {
    const res = await s.request('POST', '/api/v1/session', {
      payload: { contractNumber: s.contractNumber, ...secrets.admin },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^kinko_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const body = res.json();
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.me.user).toMatchObject({ loginId: 'admin', role: 'admin' });
    expect(body.me.contract.contractNumber).toBe(s.contractNumber);
    // The session token is only in the cookie, never in the body.
    expect(res.body).not.toContain(res.cookies[0]?.value);
  });

  it('A4: the cookie is Secure when the request came over TLS (behind a trusted proxy)', async () => {
    const tls = await startServer(backend, { server: { trustProxy: true } });
    try {
      const res = await tls.request('POST', '/api/v1/session', {
        headers: { 'x-forwarded-proto': 'https' },
        payload: { contractNumber: tls.contractNumber, ...secrets.admin },
      });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    } finally {
      await tls.close();
    }
  });

  it('A1: a wrong password is 401 auth.invalid_credentials and sets no cookie', async () => {
    const res = await s.request('POST', '/api/v1/session', {
      payload: { contractNumber: s.contractNumber, loginId: 'admin', password: 'wrongpass1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.invalid_credentials' });
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('GET /api/v1/session answers the CSRF token and me; without a cookie 401 auth.required', async () => {
    const res = await s.request('GET', '/api/v1/session', { as: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ csrfToken: admin.csrfToken, me: { user: { loginId: 'admin' } } });
    const anonymous = await s.request('GET', '/api/v1/session');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'auth.required', status: 401 });
  });

  it('A4: a state-changing request without X-CSRF-Token is 403 request.csrf and changes nothing', async () => {
    const before = await s.counts();
    const res = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      csrf: null,
      payload: newUser('nocsrf'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'request.csrf',
      type: 'https://kinko.example/problems/request.csrf',
    });
    expect(await s.counts()).toEqual(before);
  });

  it('A4: a wrong X-CSRF-Token is 403 request.csrf; the right one passes', async () => {
    const wrong = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      csrf: `${admin.csrfToken.slice(0, -1)}x`,
      payload: newUser('wrongcsrf'),
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('request.csrf');
    // Another session's token is as wrong as a made-up one.
    const other = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const crossed = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      csrf: other.csrfToken,
      payload: newUser('crossed'),
    });
    expect(crossed.statusCode).toBe(403);
    const right = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      payload: newUser('rightcsrf'),
    });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json()).toMatchObject({ loginId: 'rightcsrf', role: 'user' });
  });

  it('A4: a state-changing request from another Origin is refused, even with the right token; login too', async () => {
    const cross = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      headers: { origin: 'https://evil.example' },
      payload: newUser('crossorigin'),
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().code).toBe('request.csrf');
    const login = await s.request('POST', '/api/v1/session', {
      headers: { origin: 'https://evil.example' },
      payload: { contractNumber: s.contractNumber, ...secrets.admin },
    });
    expect(login.statusCode).toBe(403);
    expect(login.headers['set-cookie']).toBeUndefined();
    const same = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      headers: { origin: 'http://localhost' },
      payload: newUser('sameorigin'),
    });
    expect(same.statusCode, same.body).toBe(201);
  });

  it('B1: operator endpoints refuse a customer session, customer endpoints an operator session', async () => {
    const operator = await s.operatorLogin();
    const customerToken = admin.cookie.split('=')[1];
    const operatorToken = operator.cookie.split('=')[1];
    const customerOnBank = await s.request('GET', '/api/v1/bank/contracts', { as: admin });
    expect(customerOnBank.statusCode).toBe(401);
    expect(customerOnBank.json().code).toBe('auth.required');
    // A customer token in the bank cookie is not a bank session either (core checks the realm).
    const smuggled = await s.request('GET', '/api/v1/bank/contracts', {
      as: { cookie: `kinko_bank=${customerToken}`, csrfToken: admin.csrfToken },
    });
    expect(smuggled.statusCode).toBe(401);
    const operatorOnCustomer = await s.request('GET', '/api/v1/admin/users', { as: operator });
    expect(operatorOnCustomer.statusCode).toBe(401);
    const smuggledBack = await s.request('GET', '/api/v1/session', {
      as: { cookie: `kinko_session=${operatorToken}`, csrfToken: operator.csrfToken },
    });
    expect(smuggledBack.statusCode).toBe(401);
    const own = await s.request('GET', '/api/v1/bank/contracts', { as: operator });
    expect(own.statusCode).toBe(200);
    expect(own.json().map((c: { contractNumber: string }) => c.contractNumber)).toContain(s.contractNumber);
  });

  it('R1: a user who is not the administrator gets 403 auth.forbidden from the administrator endpoints', async () => {
    const user = await s.login(s.contractNumber, 'rightcsrf', secrets.user.password);
    const res = await s.request('GET', '/api/v1/admin/users', { as: user });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.forbidden');
  });

  it('B1: the operator session answers the operator; a write needs its CSRF token', async () => {
    const operator = await s.operatorLogin();
    const res = await s.request('GET', '/api/v1/bank/session', { as: operator });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      csrfToken: operator.csrfToken,
      operator: { id: expect.any(String), loginId: expect.any(String), name: expect.any(String) },
    });
    const noCsrf = await s.request('POST', '/api/v1/bank/contracts', {
      as: operator,
      csrf: null,
      payload: {
        branchCode: '001',
        name: 'ノーCSRF',
        loginMethod: 'id_password',
        contractPin: secrets.contractPin,
        admin: { loginId: 'admin', name: '管理者', password: secrets.admin.password },
      },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('request.csrf');
  });

  it('A4: logout answers 204, clears the cookie and ends the session', async () => {
    const party = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const noCsrf = await s.request('DELETE', '/api/v1/session', { as: party, csrf: null });
    expect(noCsrf.statusCode).toBe(403);
    const res = await s.request('DELETE', '/api/v1/session', { as: party });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(
      /^kinko_session=; Max-Age=0; .*Expires=Thu, 01 Jan 1970/,
    );
    const after = await s.request('GET', '/api/v1/session', { as: party });
    expect(after.statusCode).toBe(401);
  });

  it('A4: a session idle for longer than the timeout is over: 401 and the cookie is cleared', async () => {
    const party = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    s.clock.advance(10 * 60_000 + 1);
    const res = await s.request('GET', '/api/v1/session', { as: party });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toMatch(/^auth\.(session_expired|required)$/);
    expect(String(res.headers['set-cookie'])).toMatch(/^kinko_session=; Max-Age=0/);
  });

  it('A4: the session answer carries the idle timeout and what is left of it (issue 9 item 8)', async () => {
    const party = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const idle = 10 * 60_000;
    const first = await s.request('GET', '/api/v1/session', { as: party });
    expect(first.json().session).toEqual({
      idleTimeoutMs: idle,
      expiresInMs: idle,
      activityGranularityMs: expect.any(Number),
    });
    // Within the granularity a request is not recorded as activity: the time left runs down.
    s.clock.advance(1_000);
    const soon = await s.request('GET', '/api/v1/session', { as: party });
    expect(soon.json().session.expiresInMs).toBe(idle - 1_000);
    expect(soon.json().session.activityGranularityMs).toBeGreaterThan(1_000);
    // Every answer in the session says it too, whichever call the site made last.
    const other = await s.request('GET', '/api/v1/accounts', { as: party });
    expect(other.statusCode).toBe(200);
    expect(other.headers['kinko-session-expires-in']).toBe(String(idle - 1_000));
  });

  it('A4: 延長 (POST /api/v1/session/extend) starts the idle timeout again at once; it needs the CSRF token', async () => {
    const party = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const idle = 10 * 60_000;
    s.clock.advance(1_000);
    const noCsrf = await s.request('POST', '/api/v1/session/extend', { as: party, csrf: null });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('request.csrf');
    const extended = await s.request('POST', '/api/v1/session/extend', { as: party });
    expect(extended.statusCode, extended.body).toBe(200);
    expect(extended.json()).toMatchObject({ idleTimeoutMs: idle, expiresInMs: idle });
    expect(extended.headers['kinko-session-expires-in']).toBe(String(idle));
    // The session now lives the whole idle timeout from the 延長, not from the login.
    s.clock.advance(idle - 500);
    expect((await s.request('GET', '/api/v1/session', { as: party })).statusCode).toBe(200);
    // Once it has ended, 延長 cannot bring it back.
    s.clock.advance(idle + 1);
    const late = await s.request('POST', '/api/v1/session/extend', { as: party });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toMatch(/^auth\.(session_expired|required)$/);
  });

  it('request bodies are strict: an unknown member is 400 request.invalid naming it', async () => {
    const res = await s.request('POST', '/api/v1/session', {
      payload: { contractNumber: s.contractNumber, ...secrets.admin, remember: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', errors: [{ path: 'body' }] });
    expect(res.json().errors[0].message).toContain('remember');
  });
});
