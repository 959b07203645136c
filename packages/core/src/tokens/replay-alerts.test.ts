import {
  failure,
  openBank,
  passwords,
  pins,
  type TestBank,
  type TestToken,
  testBackends,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';

const STEP = 30_000;

describe.each(testBackends())('reused-OTP alerts on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  let user2: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
    user2 = await bank.addUser('user2');
  });
  afterEach(() => bank.cleanup());

  async function register(userIds?: string[]): Promise<TestToken> {
    const token = await bank.activate();
    await bank.kinko.registerToken(bank.admin, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.contract,
      ...(userIds ? { userIds } : {}),
    });
    bank.clock.advance(STEP); // the registration consumed this step (T2)
    return token;
  }

  async function replay(actor: CustomerActor, token: TestToken, purpose: string): Promise<void> {
    const code = token.code();
    await bank.kinko.stepUp(actor, { otp: code }, purpose);
    expect((await failure(bank.kinko.stepUp(actor, { otp: code }, purpose))).code).toBe('otp.replayed');
  }

  it('T2: the alert stays for the holder and the administrator until EACH acknowledges it; acknowledging is audited', async () => {
    const token = await register([user1.userId]);
    await replay(user1, token, 'transfer.confirm');
    const [alert] = (await bank.kinko.me(user1)).alerts;
    expect(alert).toMatchObject({
      serial: token.serial,
      operation: 'transfer.confirm',
      userId: user1.userId,
    });
    expect(alert?.userName).toBe('利用者 user1');
    const id = alert?.id ?? '';
    expect((await bank.kinko.me(bank.admin)).alerts.map((a) => a.id)).toEqual([id]);
    // user2 holds another token (none): not a recipient, and cannot acknowledge it.
    expect((await bank.kinko.me(user2)).alerts).toEqual([]);
    expect((await failure(bank.kinko.acknowledgeAlert(user2, id))).code).toBe('alert.not_found');

    bank.clock.advance(1_000);
    await bank.kinko.acknowledgeAlert(bank.admin, id);
    expect((await bank.kinko.me(bank.admin)).alerts).toEqual([]);
    expect((await bank.kinko.me(user1)).alerts.map((a) => a.id)).toEqual([id]);
    const [record] = await bank.store.audit.list({ limit: 1 });
    expect(record).toMatchObject({ action: 'alert.acknowledged', actorId: bank.admin.userId, subject: id });
    expect(JSON.parse(record?.detail ?? '{}')).toMatchObject({
      serial: token.serial,
      operation: 'transfer.confirm',
    });

    // Acknowledging again changes nothing and writes nothing.
    await bank.kinko.acknowledgeAlert(bank.admin, id);
    expect((await bank.store.audit.list({ limit: 1 }))[0]?.seq).toBe(record?.seq);

    await bank.kinko.acknowledgeAlert(user1, id);
    expect((await bank.kinko.me(user1)).alerts).toEqual([]);
  });

  it("T2: with a shared token every user of the contract holds it and sees another user's replay", async () => {
    await bank.kinko.setUsageMode(bank.admin, { mode: 'shared', contractPin: pins.contract });
    const token = await register();
    await replay(user2, token, 'transfer.submit');
    for (const who of [user1, user2, bank.admin]) {
      const alerts = (await bank.kinko.me(who)).alerts;
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        userId: user2.userId,
        userName: '利用者 user2',
        operation: 'transfer.submit',
      });
    }
  });

  it("T2: an id that is unknown, malformed or another contract's alert is alert.not_found", async () => {
    const token = await register([user1.userId]);
    await replay(user1, token, 'transfer.confirm');
    const id = (await bank.kinko.me(user1)).alerts[0]?.id ?? '';
    const other = await bank.openOtherContract();
    expect((await failure(bank.kinko.acknowledgeAlert(other.admin, id))).code).toBe('alert.not_found');
    expect((await failure(bank.kinko.acknowledgeAlert(user1, '0'.repeat(32)))).code).toBe('alert.not_found');
    expect((await failure(bank.kinko.acknowledgeAlert(user1, 'x'))).code).toBe('alert.not_found');
    expect((await bank.kinko.me(user1)).alerts).toHaveLength(1);
  });
});

describe.each(testBackends())('前回ログイン日時 on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
  });
  afterEach(() => bank.cleanup());

  it('a login shows the previous successful login, not itself; a wrong password moves nothing', async () => {
    const user = await bank.addUser('user1');
    const input = { contractNumber: bank.contractNumber, loginId: 'user1', password: passwords.user };
    const first = await bank.kinko.login(bank.anon, input);
    expect(first.me.previousLoginAt).toBeNull();
    const t1 = bank.clock.now();
    bank.clock.advance(60_000);
    await failure(bank.kinko.login(bank.anon, { ...input, password: 'wrong-pass1' }));
    bank.clock.advance(60_000);
    const second = await bank.kinko.login(bank.anon, input);
    expect(second.me.previousLoginAt).toBe(t1);
    // The session's own me says the same on every later request.
    bank.clock.advance(1_000);
    expect((await bank.kinko.me(user)).previousLoginAt).toBe(t1);
  });

  it("the back office shows the operator's previous login the same way (realm bank, apart from customers)", async () => {
    const input = { loginId: 'bank-admin', password: passwords.operator };
    expect((await bank.kinko.operatorLogin(bank.anon, input)).operator.previousLoginAt).toBeNull();
    const t1 = bank.clock.now();
    bank.clock.advance(60_000);
    const second = await bank.kinko.operatorLogin(bank.anon, input);
    expect(second.operator.previousLoginAt).toBe(t1);
    expect((await bank.kinko.operatorProfile(bank.operator)).previousLoginAt).toBe(t1);
  });
});
