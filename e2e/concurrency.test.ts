/**
 * T2 and A2 across processes: two `kinko serve` processes on one database (one SQLite file, or
 * one PostgreSQL schema when KINKO_TEST_PG is set) answer concurrent requests for one user.
 */
import { clientActivationKeys, demoBank, totp } from '@kinko/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient } from './client.ts';
import {
  type Backend,
  backendNames,
  kinkoCli,
  makeBackend,
  type RunningServer,
  startServer,
} from './harness.ts';

interface UserRow {
  id: string;
  loginId: string;
  suspended: boolean;
  otpFailures: number;
}

describe.each(backendNames())('%s: two server processes on one database', (name) => {
  let backend: Backend;
  let a: RunningServer;
  let b: RunningServer;
  let seed: Uint8Array;
  let admin: ApiClient;
  let userOnA: ApiClient;
  let userOnB: ApiClient;

  beforeAll(async () => {
    backend = await makeBackend(name, { maxOtpFailures: 5 });
    await kinkoCli(backend, ['demo', '--no-serve']);
    [a, b] = await Promise.all([startServer(backend), startServer(backend)]);

    const keys = await clientActivationKeys();
    const act = await new ApiClient(a.url).call<{ serial: string; serverPublicKey: never }>(
      'POST',
      '/api/v1/token/activations',
      { publicKey: keys.publicKey },
    );
    expect(act.status).toBe(201);
    seed = await keys.deriveSeed(act.body.serverPublicKey, act.body.serial);

    admin = new ApiClient(a.url);
    const c = demoBank.contract.contractNumber;
    expect(
      (await admin.call('POST', '/api/v1/session', { contractNumber: c, ...login(demoBank.admin) })).status,
    ).toBe(200);
    const user1 = (await users()).find((u) => u.loginId === 'user1');
    const reg = await admin.call('POST', '/api/v1/admin/token-registrations', {
      serial: act.body.serial,
      otp: totp(seed, Date.now()),
      contractPin: demoBank.contractPin,
      userIds: [user1?.id],
    });
    expect(reg.status).toBe(200);

    userOnA = new ApiClient(a.url);
    const u = demoBank.users[0];
    expect((await userOnA.call('POST', '/api/v1/session', { contractNumber: c, ...login(u) })).status).toBe(
      200,
    );
    userOnB = userOnA.sameSessionOn(b.url);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await backend?.cleanup();
  });

  function login(x: { loginId: string; password: string }) {
    return { loginId: x.loginId, password: x.password };
  }

  async function users(): Promise<UserRow[]> {
    const r = await admin.call<{ users: UserRow[] }>('GET', '/api/v1/admin/users');
    expect(r.status).toBe(200);
    return r.body.users;
  }

  test('T2: the same OTP sent 20 times at once to two processes is accepted exactly once', async () => {
    // The registration consumed the current step; the next step is inside the ±1 window.
    const otp = totp(seed, Date.now() + 30_000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? userOnB : userOnA).call('POST', '/api/v1/step-up', { otp }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.body.code).toBe('otp.replayed');
  });

  test('A2: 50 wrong OTPs at once suspend the user after exactly 5, and the counter never exceeds 5', async () => {
    const now = Date.now();
    const valid = new Set(Array.from({ length: 7 }, (_, k) => totp(seed, now + (k - 3) * 30_000)));
    let wrong = 0;
    while (valid.has(String(wrong).padStart(6, '0'))) wrong++;
    const otp = String(wrong).padStart(6, '0');

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        (i % 2 ? userOnB : userOnA).call('POST', '/api/v1/step-up', { otp }),
      ),
    );
    const codes = answers.map((r) => r.body.code);
    expect(codes.filter((c) => c === 'otp.invalid')).toHaveLength(4);
    expect(codes.filter((c) => c === 'otp.user_suspended')).toHaveLength(46);

    const user1 = (await users()).find((u) => u.loginId === 'user1');
    expect(user1?.suspended).toBe(true);
    expect(user1?.otpFailures).toBe(5);
  });

  test('L1: the audit chain written by both processes verifies', async () => {
    const r = await kinkoCli(backend, ['audit', 'verify']);
    expect(r.stdout).toMatch(/audit log intact: \d+ records/);
  });
});
