/**
 * Issue 9 over HTTP: the usage-mode switch asks for confirmation before it releases
 * registrations (9.3, R3), the back office's audit filters and CSV (9.6, B1), the token app's
 * public status call (9.10).
 */
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

/** Users created at the same clock time come in either order: compare them by login ID. */
function byLogin<T extends { loginId: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => a.loginId.localeCompare(b.loginId));
}

describe.each(testBackends())('issue 9 office endpoints on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let bank: Party;
  const userIds: string[] = [];
  let serials: string[] = [];
  beforeAll(async () => {
    s = await startServer(backend, { server: { activationRateLimit: { max: 1000, timeWindowMs: 60_000 } } });
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    bank = await s.operatorLogin();
    for (const [loginId, name] of [
      ['user1', '利用者 一郎'],
      ['user2', '利用者 二郎'],
    ]) {
      const res = await s.request('POST', '/api/v1/admin/users', {
        as: admin,
        payload: { loginId, name, password: secrets.user.password, contractPin: secrets.contractPin },
      });
      expect(res.statusCode, res.body).toBe(201);
      userIds.push(res.json().id);
    }
    serials = [];
    for (const id of userIds) {
      const token = await s.activate();
      const res = await s.request('POST', '/api/v1/admin/token-registrations', {
        as: admin,
        payload: { serial: token.serial, otp: token.code(), contractPin: secrets.contractPin, userIds: [id] },
      });
      expect(res.statusCode, res.body).toBe(200);
      serials.push(token.serial);
      s.clock.advance(30_000);
    }
  });
  afterAll(() => s.close());

  it('9.3 R3: the impact lists by name and serial whose registration a switch to shared releases', async () => {
    const res = await s.request('GET', '/api/v1/admin/usage-mode/impact?mode=shared', { as: admin });
    expect(res.statusCode, res.body).toBe(200);
    const impact = res.json();
    expect(impact).toMatchObject({ from: 'individual', to: 'shared', restored: [] });
    expect(byLogin<{ loginId: string }>(impact.released)).toEqual([
      {
        userId: userIds[0],
        loginId: 'user1',
        name: '利用者 一郎',
        serialBefore: serials[0],
        serialAfter: null,
      },
      {
        userId: userIds[1],
        loginId: 'user2',
        name: '利用者 二郎',
        serialBefore: serials[1],
        serialAfter: null,
      },
    ]);
    const bad = await s.request('GET', '/api/v1/admin/usage-mode/impact?mode=everyone', { as: admin });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('request.invalid');
  });

  it('9.3 R3: a switch that would release registrations is refused without confirmed: true (409), costs no PIN attempt and changes nothing', async () => {
    const before = await s.counts();
    const res = await s.request('PUT', '/api/v1/admin/usage-mode', {
      as: admin,
      payload: { mode: 'shared', contractPin: 'wrong-pin' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'token.usage_mode_unconfirmed',
      status: 409,
      detail: expect.stringContaining(`user1 (${serials[0]})`),
    });
    expect(await s.counts()).toEqual(before);
    const users = (await s.request('GET', '/api/v1/admin/users', { as: admin })).json();
    expect(users.contract).toMatchObject({ usageMode: 'individual', contractPinLocked: false });
    expect(byLogin<{ loginId: string; serial: string | null }>(users.users).map((u) => u.serial)).toEqual([
      null,
      ...serials,
    ]);
  });

  it('9.3 R3: confirmed, the switch happens and is audited with whose registration it released; switching back restores them', async () => {
    const res = await s.request('PUT', '/api/v1/admin/usage-mode', {
      as: admin,
      payload: { mode: 'shared', contractPin: secrets.contractPin, confirmed: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().usageMode).toBe('shared');
    const audit = (
      await s.request('GET', '/api/v1/bank/audit?action=contract.usage_mode_set', { as: bank })
    ).json();
    expect(audit.items[0].detail).toMatchObject({ from: 'individual', to: 'shared' });
    expect([...audit.items[0].detail.releasedUserIds].sort()).toEqual([...userIds].sort());
    // B1: the listing names the users its details give by id.
    expect(audit.items[0].names).toEqual({
      [userIds[0] as string]: '利用者 一郎 (user1)',
      [userIds[1] as string]: '利用者 二郎 (user2)',
    });
    // Back to individual releases nothing (no shared token is in force): no confirmation needed.
    const impact = (
      await s.request('GET', '/api/v1/admin/usage-mode/impact?mode=individual', { as: admin })
    ).json();
    expect(impact.released).toEqual([]);
    expect(
      byLogin<{ loginId: string; serialAfter: string }>(impact.restored).map((c) => c.serialAfter),
    ).toEqual(serials);
    const back = await s.request('PUT', '/api/v1/admin/usage-mode', {
      as: admin,
      payload: { mode: 'individual', contractPin: secrets.contractPin },
    });
    expect(back.statusCode, back.body).toBe(200);
    const users = (await s.request('GET', '/api/v1/admin/users', { as: admin })).json();
    expect(byLogin<{ loginId: string; serial: string | null }>(users.users).map((u) => u.serial)).toEqual([
      null,
      ...serials,
    ]);
  });

  it('9.10: GET /api/v1/tokens/{serial}/status answers only whether the serial is registered', async () => {
    const registered = await s.request('GET', `/api/v1/tokens/${serials[0]}/status`);
    expect(registered.statusCode).toBe(200);
    expect(registered.json()).toEqual({ registered: true });
    expect(registered.headers['cache-control']).toBe('no-store');
    const fresh = await s.activate();
    expect((await s.request('GET', `/api/v1/tokens/${fresh.serial}/status`)).json()).toEqual({
      registered: false,
    });
    const malformed = await s.request('GET', '/api/v1/tokens/SKTS123/status');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('serial.malformed');
  });

  it('9.10: the status call is rate-limited per address like provisioning', async () => {
    const limited = await startServer(backend, {
      server: { activationRateLimit: { max: 1, timeWindowMs: 60_000 } },
    });
    try {
      const token = await limited.activate();
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        codes.push((await limited.request('GET', `/api/v1/tokens/${token.serial}/status`)).statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('9.6 B1: the audit log filters by action, actor and date range, names actors by role, newest first', async () => {
    const all = (await s.request('GET', '/api/v1/bank/audit?limit=1000', { as: bank })).json();
    const ats = all.items.map((r: { at: number }) => r.at);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    const logins = (
      await s.request('GET', '/api/v1/bank/audit?action=login.success&actorType=user', { as: bank })
    ).json();
    expect(logins.items.length).toBeGreaterThan(0);
    for (const r of logins.items) {
      expect(r).toMatchObject({ action: 'login.success', actorRole: 'administrator', actorName: '管理者' });
      expect(r.contractNumber).toBe(s.contractNumber);
    }
    const opened = (await s.request('GET', '/api/v1/bank/audit?action=contract.opened', { as: bank })).json();
    expect(opened.items[0]).toMatchObject({
      actorRole: 'bank_operator',
      actorName: '金庫 太郎',
      actorLoginId: 'bankop',
    });
    const byActor = (
      await s.request('GET', `/api/v1/bank/audit?actorId=${opened.items[0].actorId}`, { as: bank })
    ).json();
    expect(byActor.items.every((r: { actorId: string }) => r.actorId === opened.items[0].actorId)).toBe(true);
    // T0 is a day in Japan; the day before has nothing.
    const day = new Date(s.clock.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const onDay = (
      await s.request('GET', `/api/v1/bank/audit?from=${day}&to=${day}&limit=1000`, { as: bank })
    ).json();
    expect(onDay.items.length).toBe(all.items.length);
    const earlier = (
      await s.request('GET', '/api/v1/bank/audit?from=2000-01-01&to=2000-01-31', { as: bank })
    ).json();
    expect(earlier.items).toEqual([]);
  });

  it.each([
    ['from=2026-02-30', 'from'],
    ['from=2026-13-01', 'from'],
    ['from=2026-05-02&to=2026-05-01', 'to'],
    ['action=login.whatever', 'action'],
    ['actorType=robot', 'actorType'],
  ])('9.6: a bad audit filter (%s) is 400 request.invalid naming %s', async (query, parameter) => {
    const res = await s.request('GET', `/api/v1/bank/audit?${query}`, { as: bank });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('request.invalid');
    expect(res.body).toContain(parameter);
  });

  it('9.6 B1: the CSV has the same filters, UTF-8 with BOM, Japanese labels and names', async () => {
    const res = await s.request('GET', '/api/v1/bank/audit.csv?action=contract.opened', { as: bank });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit.*\.csv"$/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '日時,操作,操作コード,結果,操作者,役割,ログインID,契約者番号,対象,詳細,チェーン,連番',
    );
    expect(lines).toHaveLength(3); // two contracts opened
    expect(lines[1]).toMatch(
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2},ご契約先開設,contract\.opened,成功,金庫 太郎,当金庫担当者,bankop,/,
    );
    expect(lines[1]).toContain('接続元IPアドレス: 192.0.2.9');
    const en = await s.request('GET', '/api/v1/bank/audit.csv?action=contract.opened&lang=en', { as: bank });
    expect(en.rawPayload.subarray(3).toString('utf8')).toMatch(/^Time,Action,/);
    const bad = await s.request('GET', '/api/v1/bank/audit.csv?to=yesterday', { as: bank });
    expect(bad.statusCode).toBe(400);
  });
});
