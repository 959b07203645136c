import { failure, openBank, passwords, pins, type TestBank, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from './actors.ts';

describe.each(testBackends())('administrator and bank on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend, { maxUsersPerContract: 3 });
  });
  afterEach(() => bank.cleanup());

  const newUser = (loginId: string, password: string = passwords.user) => ({
    loginId,
    name: '利用者',
    password,
    contractPin: pins.contract,
  });

  it('users: login id of 1–30 half-width alphanumerics, password of 8–64 with a letter and a digit', async () => {
    for (const loginId of ['', 'a'.repeat(31), 'ユーザー', 'user 1', 'user-1']) {
      expect((await failure(bank.kinko.createUser(bank.admin, newUser(loginId)))).code).toBe(
        'request.invalid',
      );
    }
    for (const password of [
      'short1',
      'lettersonly',
      '1234567890',
      `a1${'x'.repeat(63)}`,
      'パスワード12345',
    ]) {
      const e = await failure(bank.kinko.createUser(bank.admin, newUser('user1', password)));
      expect(e.code).toBe('request.invalid');
      expect(e.message).toMatch(/password/);
    }
    const view = await bank.kinko.createUser(bank.admin, newUser('User01'));
    expect(view).toMatchObject({ loginId: 'User01', role: 'user', suspended: false, tokenActive: false });
    expect((await failure(bank.kinko.createUser(bank.admin, newUser('User01')))).code).toBe(
      'user.login_id_taken',
    );
  });

  it('DOMAIN §1.2: the user limit counts the administrator and not removed users', async () => {
    await bank.addUser('user1');
    const user2 = await bank.addUser('user2');
    expect((await failure(bank.kinko.createUser(bank.admin, newUser('user3')))).code).toBe(
      'contract.user_limit',
    );
    await bank.kinko.removeUser(bank.admin, user2.userId, { contractPin: pins.contract });
    await bank.kinko.createUser(bank.admin, newUser('user3'));
  });

  it('R1: administrative changes are the administrator’s only', async () => {
    const user1 = await bank.addUser('user1');
    expect((await failure(bank.kinko.listUsers(user1))).code).toBe('auth.forbidden');
    expect((await failure(bank.kinko.createUser(user1, newUser('user2')))).code).toBe('auth.forbidden');
    const { users } = await bank.kinko.listUsers(bank.admin);
    expect(users.map((u) => u.loginId)).toEqual(['admin', 'user1']);
  });

  it('authorisation: a user of another contract is not found, and a forged actor is refused', async () => {
    const other = await bank.openOtherContract();
    const target = other.admin.userId;
    const unlock = bank.kinko.unlockUser(bank.admin, target, { contractPin: pins.contract });
    expect((await failure(unlock)).code).toBe('user.not_found');
    const setPin = bank.kinko.setConfirmPin(bank.admin, target, {
      confirmPin: '1234',
      contractPin: pins.contract,
    });
    expect((await failure(setPin)).code).toBe('user.not_found');
    // The session names one contract; the user belongs to another.
    const forged: CustomerActor = { ...bank.admin, contractId: other.contractId };
    expect((await failure(bank.kinko.listUsers(forged))).code).toBe('auth.required');
    expect((await failure(bank.kinko.listBranches(bank.admin as never))).code).toBe('auth.forbidden');
  });

  it('A4/L1: wrong contract PINs count down, lock and are audited; only the bank restores the contract PIN (A3)', async () => {
    const max = bank.deps.config.maxPinFailures;
    for (let i = 1; i < max; i++) {
      const e = await failure(
        bank.kinko.createUser(bank.admin, { ...newUser('user1'), contractPin: pins.wrong }),
      );
      expect(e.code).toBe('pin.invalid');
      expect(e.details).toEqual({ remainingAttempts: max - i });
    }
    const locking = bank.kinko.createUser(bank.admin, { ...newUser('user1'), contractPin: pins.wrong });
    expect((await failure(locking)).code).toBe('pin.locked');
    expect((await failure(bank.kinko.createUser(bank.admin, newUser('user1')))).code).toBe('pin.locked');
    expect((await bank.kinko.listUsers(bank.admin)).contract.contractPinLocked).toBe(true);
    // L1: the try at the locked PIN is audited too, without the PIN.
    const locked = (await bank.kinko.readAudit(bank.operator, { limit: 1000 })).items
      .filter((r) => r.action === 'contract_pin.locked')
      .reverse(); // newest first → in the order they happened
    expect(locked.map((r) => r.detail.attempt ?? false)).toEqual([false, true]);
    // Ids and MACs are long hex runs that may hold any four digits by chance: looked past.
    expect(JSON.stringify(locked).replace(/[0-9a-f]{16,}/g, '')).not.toContain(pins.contract);

    const restored = await bank.kinko.restoreAdministrator(bank.operator, bank.contractNumber, {
      newContractPin: '8642',
    });
    expect(restored.contractPinLocked).toBe(false);
    expect((await failure(bank.kinko.createUser(bank.admin, newUser('user1')))).code).toBe('pin.invalid');
    await bank.kinko.createUser(bank.admin, { ...newUser('user1'), contractPin: '8642' });
  });

  it('A3: the bank restores a locked-out administrator with a new password; the act is audited', async () => {
    const creds = (password: string) => ({ contractNumber: bank.contractNumber, loginId: 'admin', password });
    for (let i = 0; i < bank.deps.config.maxPasswordFailures; i++) {
      await failure(bank.kinko.login(bank.anon, creds('wrongpass1')));
    }
    expect((await failure(bank.kinko.login(bank.anon, creds(passwords.admin)))).code).toBe('auth.locked');
    await bank.kinko.restoreAdministrator(bank.operator, bank.contractNumber, { newPassword: 'restored22' });
    const { me } = await bank.kinko.login(bank.anon, creds('restored22'));
    expect(me.user).toMatchObject({ role: 'admin', loginLocked: false });
    const [record] = await bank.kinko
      .readAudit(bank.operator, {
        limit: 100,
        contractNumber: bank.contractNumber,
      })
      .then((r) => r.items.filter((a) => a.action === 'admin.restored'));
    expect(record).toMatchObject({
      actorType: 'operator',
      actorId: bank.operator.operatorId,
      detail: { newPassword: true, newContractPin: false, wasLoginLocked: true },
    });
    expect(JSON.stringify(record)).not.toContain('restored22');
  });

  it('B1: the bank opens contracts with unique 11-digit numbers on a known branch', async () => {
    const input = {
      branchCode: '001',
      name: '二号商事',
      loginMethod: 'id_password' as const,
      contractPin: '1357',
      admin: { loginId: 'admin', name: '管理者', password: passwords.admin },
    };
    const opened = await bank.kinko.openContract(bank.operator, input);
    expect(opened.contractNumber).toMatch(/^[1-9]\d{10}$/);
    expect(opened.contractNumber).not.toBe(bank.contractNumber);
    const badBranch = bank.kinko.openContract(bank.operator, { ...input, branchCode: '999' });
    expect((await failure(badBranch)).code).toBe('branch.not_found');
    const taken = bank.kinko.openContract(bank.operator, { ...input, contractNumber: bank.contractNumber });
    expect((await failure(taken)).code).toBe('request.invalid');
    const list = await bank.kinko.listContracts(bank.operator);
    expect(list.map((c) => c.contractNumber).sort()).toEqual(
      [bank.contractNumber, opened.contractNumber].sort(),
    );
    const { users } = await bank.kinko.getContract(bank.operator, opened.contractNumber);
    expect(users).toEqual([expect.objectContaining({ loginId: 'admin', role: 'admin' })]);
    expect((await failure(bank.kinko.getContract(bank.operator, '00000000000'))).code).toBe(
      'contract.not_found',
    );
  });

  it('R5: removing a user ends their sessions; the administrator cannot be removed', async () => {
    const user1 = await bank.addUser('user1');
    const { session } = await bank.kinko.login(bank.anon, {
      contractNumber: bank.contractNumber,
      loginId: 'user1',
      password: passwords.user,
    });
    const self = bank.kinko.removeUser(bank.admin, bank.admin.userId, { contractPin: pins.contract });
    expect((await failure(self)).code).toBe('user.is_administrator');
    await bank.kinko.removeUser(bank.admin, user1.userId, { contractPin: pins.contract });
    expect((await failure(bank.kinko.resumeSession(session.sessionToken, 'customer'))).code).toBe(
      'auth.required',
    );
    expect((await failure(bank.kinko.me(user1))).code).toBe('auth.required');
  });
});
