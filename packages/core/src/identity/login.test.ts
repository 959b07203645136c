import { failure, openBank, passwords, pins, type TestBank, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from './ids.ts';

describe.each(testBackends())('login and sessions on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
    await bank.addUser('user1');
  });
  afterEach(() => bank.cleanup());

  const creds = (password: string = passwords.user) => ({
    contractNumber: bank.contractNumber,
    loginId: 'user1',
    password,
  });

  it('A1: contract number + login id + password opens a session; only the hash of the cookie is stored', async () => {
    const { session, me } = await bank.kinko.login(bank.anon, creds());
    expect(me.user.loginId).toBe('user1');
    expect(me.contract.contractNumber).toBe(bank.contractNumber);
    expect(session.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toBe(bank.clock.now() + bank.deps.config.sessionIdleMs);
    expect(await bank.store.sessions.get(session.sessionToken)).toBeNull();
    const stored = await bank.store.sessions.get(sha256Hex(session.sessionToken));
    expect(stored).toMatchObject({ realm: 'customer', subjectId: me.user.id, csrfToken: session.csrfToken });
    const resumed = await bank.kinko.resumeSession(session.sessionToken, 'customer');
    expect(resumed).toMatchObject({ subjectId: me.user.id, role: 'user', csrfToken: session.csrfToken });
  });

  it('A1: unknown contract, unknown user and wrong password all give the same answer, so a guesser learns no login ID', async () => {
    const unknownContract = await failure(
      bank.kinko.login(bank.anon, { ...creds(), contractNumber: '99999999999' }),
    );
    expect(unknownContract.code).toBe('auth.invalid_credentials');
    const unknownUser = await failure(bank.kinko.login(bank.anon, { ...creds(), loginId: 'nobody' }));
    expect(unknownUser.code).toBe('auth.invalid_credentials');
    const wrong = await failure(bank.kinko.login(bank.anon, creds('wrongpass1')));
    expect(wrong.code).toBe('auth.invalid_credentials');
    // No remaining-attempts count: only an existing login ID could have one.
    const answer = (e: typeof wrong) => ({ code: e.code, message: e.message, details: e.details });
    expect(answer(wrong)).toEqual(answer(unknownUser));
    expect(answer(wrong)).toEqual(answer(unknownContract));
    const audit = await bank.store.audit.list({ limit: 100 });
    expect(audit.slice(0, 3).map((r) => [r.action, r.outcome])).toEqual([
      ['login.failure', 'failure'],
      ['login.failure', 'failure'],
      ['login.failure', 'failure'],
    ]);
    expect(audit.map((r) => r.detail).join()).not.toContain('wrongpass1');
  });

  it('A4: consecutive wrong passwords lock the login; then even the right password is refused', async () => {
    const max = bank.deps.config.maxPasswordFailures;
    for (let i = 1; i < max; i++) {
      const e = await failure(bank.kinko.login(bank.anon, creds('wrongpass1')));
      expect(e.code).toBe('auth.invalid_credentials');
      expect(e.details ?? {}).toEqual({});
      expect((await bank.store.users.get(bank.users.user1?.userId ?? ''))?.passwordFailures).toBe(i);
    }
    expect((await failure(bank.kinko.login(bank.anon, creds('wrongpass1')))).code).toBe('auth.locked');
    expect((await failure(bank.kinko.login(bank.anon, creds()))).code).toBe('auth.locked');
    const user = await bank.store.users.get(bank.users.user1?.userId ?? '');
    expect(user).toMatchObject({ loginLocked: true, passwordFailures: max });
    const actions = (await bank.store.audit.list({ limit: 3 })).map((r) => r.action);
    expect(actions).toEqual(['login.locked', 'login.locked', 'login.failure']);
  });

  it('A4: a successful login restarts the count of consecutive wrong passwords', async () => {
    await failure(bank.kinko.login(bank.anon, creds('wrongpass1')));
    await failure(bank.kinko.login(bank.anon, creds('wrongpass1')));
    await bank.kinko.login(bank.anon, creds());
    const user = await bank.store.users.get(bank.users.user1?.userId ?? '');
    expect(user?.passwordFailures).toBe(0);
  });

  it('A4: a session idle for the timeout expires and is deleted; activity keeps it alive', async () => {
    const { session } = await bank.kinko.login(bank.anon, creds());
    const idle = bank.deps.config.sessionIdleMs;
    bank.clock.advance(idle - 1000);
    await bank.kinko.resumeSession(session.sessionToken, 'customer');
    bank.clock.advance(idle - 1000); // still alive: the last request touched it
    await bank.kinko.resumeSession(session.sessionToken, 'customer');
    bank.clock.advance(idle);
    const expired = await failure(bank.kinko.resumeSession(session.sessionToken, 'customer'));
    expect(expired.code).toBe('auth.session_expired');
    const gone = await failure(bank.kinko.resumeSession(session.sessionToken, 'customer'));
    expect(gone.code).toBe('auth.required');
  });

  it('A4: the session says its idle timeout and what is left; 延長 (extendSession) starts it again at once', async () => {
    const { session } = await bank.kinko.login(bank.anon, creds());
    const idle = bank.deps.config.sessionIdleMs;
    expect(session.timing).toMatchObject({ idleTimeoutMs: idle, expiresInMs: idle });
    bank.clock.advance(1_000);
    // Within the activity granularity a request does not move the end.
    const resumed = await bank.kinko.resumeSession(session.sessionToken, 'customer');
    expect(resumed.timing.expiresInMs).toBe(idle - 1_000);
    expect(resumed.timing.activityGranularityMs).toBeGreaterThan(1_000);
    expect(await bank.kinko.extendSession(session.sessionToken, 'customer')).toMatchObject({
      idleTimeoutMs: idle,
      expiresInMs: idle,
    });
    bank.clock.advance(idle - 1);
    await bank.kinko.resumeSession(session.sessionToken, 'customer');
    // 延長 never reaches past the absolute maximum.
    const max = bank.deps.config.sessionMaxMs;
    let elapsed = 1_000 + idle - 1;
    while (elapsed + idle / 2 < max) {
      bank.clock.advance(idle / 2);
      elapsed += idle / 2;
      await bank.kinko.extendSession(session.sessionToken, 'customer');
    }
    bank.clock.advance(1_000);
    elapsed += 1_000;
    const last = await bank.kinko.extendSession(session.sessionToken, 'customer');
    expect(last.expiresInMs).toBe(Math.min(idle, max - elapsed));
    expect(last.expiresInMs).toBeLessThan(idle);
  });

  it('A4: a session ends at the absolute maximum however active it is', async () => {
    const { session } = await bank.kinko.login(bank.anon, creds());
    const { sessionIdleMs, sessionMaxMs } = bank.deps.config;
    for (let t = 0; t + sessionIdleMs / 2 < sessionMaxMs; t += sessionIdleMs / 2) {
      bank.clock.advance(sessionIdleMs / 2);
      if (t + sessionIdleMs < sessionMaxMs) await bank.kinko.resumeSession(session.sessionToken, 'customer');
    }
    bank.clock.advance(sessionIdleMs);
    expect((await failure(bank.kinko.resumeSession(session.sessionToken, 'customer'))).code).toBe(
      'auth.session_expired',
    );
  });

  it('A4: logout ends the session; a customer session is not a bank session', async () => {
    const { session } = await bank.kinko.login(bank.anon, creds());
    expect((await failure(bank.kinko.resumeSession(session.sessionToken, 'bank'))).code).toBe(
      'auth.required',
    );
    await bank.kinko.logout(session.sessionToken);
    expect((await failure(bank.kinko.resumeSession(session.sessionToken, 'customer'))).code).toBe(
      'auth.required',
    );
  });

  it('A4: a wrong current password in changePassword counts like a wrong login', async () => {
    const actor = bank.users.user1;
    if (!actor) throw new Error('no user1');
    const e = await failure(
      bank.kinko.changePassword(actor, { currentPassword: 'wrongpass1', newPassword: 'newpass22' }),
    );
    expect(e.code).toBe('auth.invalid_credentials');
    expect((await bank.store.users.get(actor.userId))?.passwordFailures).toBe(1);
    await bank.kinko.changePassword(actor, { currentPassword: passwords.user, newPassword: 'newpass22' });
    await bank.kinko.login(bank.anon, creds('newpass22'));
    expect((await failure(bank.kinko.login(bank.anon, creds()))).code).toBe('auth.invalid_credentials');
  });

  it('B1: operators log in to the bank realm with the same lockout', async () => {
    const { session, operator } = await bank.kinko.operatorLogin(bank.anon, {
      loginId: 'bank-admin',
      password: passwords.operator,
    });
    expect(operator.loginId).toBe('bank-admin');
    const resumed = await bank.kinko.resumeSession(session.sessionToken, 'bank');
    expect(resumed).toMatchObject({ subjectId: operator.id, contractId: null });
    const bad = { loginId: 'bank-admin', password: 'wrongpass1' };
    for (let i = 1; i < bank.deps.config.maxPasswordFailures; i++) {
      expect((await failure(bank.kinko.operatorLogin(bank.anon, bad))).code).toBe('auth.invalid_credentials');
    }
    expect((await failure(bank.kinko.operatorLogin(bank.anon, bad))).code).toBe('auth.locked');
    const relogin = bank.kinko.operatorLogin(bank.anon, {
      loginId: 'bank-admin',
      password: passwords.operator,
    });
    expect((await failure(relogin)).code).toBe('auth.locked');
    // The locked operator's open session ends too.
    expect((await failure(bank.kinko.resumeSession(session.sessionToken, 'bank'))).code).toBe(
      'auth.required',
    );
  });

  it('A6: a stopped contract refuses its users, once they have shown the password', async () => {
    const contract = await bank.store.contracts.getByNumber(bank.contractNumber);
    await bank.store.contracts.update(contract?.id ?? '', { stopped: true });
    expect((await failure(bank.kinko.login(bank.anon, creds('wrongpass1')))).code).toBe(
      'auth.invalid_credentials',
    );
    expect((await failure(bank.kinko.login(bank.anon, creds()))).code).toBe('contract.stopped');
    expect((await failure(bank.kinko.me(bank.users.user1 ?? bank.admin))).code).toBe('contract.stopped');
  });

  it('A1: the contract PIN is never needed to log in, and no secret reaches the audit log', async () => {
    await bank.kinko.login(bank.anon, creds());
    // Ids and MACs are long hex runs that may hold a 4-digit PIN by chance: looked past.
    const text = JSON.stringify(await bank.store.audit.list({ limit: 1000 })).replace(/[0-9a-f]{16,}/g, '');
    for (const secret of [passwords.user, passwords.admin, pins.contract]) expect(text).not.toContain(secret);
  });
});
