import {
  failure,
  openBank,
  pins,
  type TestBank,
  type TestToken,
  testBackends,
  wrongCode,
} from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';

const STEP = 30_000;

describe.each(testBackends())('トークン動作確認 on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
  });
  afterEach(() => bank.cleanup());

  async function giveToken(user: CustomerActor): Promise<TestToken> {
    const token = await bank.activate();
    await bank.kinko.registerToken(bank.admin, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.contract,
      userIds: [user.userId],
    });
    bank.clock.advance(STEP); // the registration consumed this step (T2)
    return token;
  }

  const recent = async (n: number) =>
    (await bank.store.audit.list({ limit: n })).map((r) => ({
      action: r.action,
      outcome: r.outcome,
      subject: r.subject,
      detail: JSON.parse(r.detail ?? '{}') as Record<string, unknown>,
    }));

  it('issue 9.5: a good code is accepted, used up (T2) and audited as token.check, apart from any operation', async () => {
    const token = await giveToken(user1);
    const code = token.code();
    expect(await bank.kinko.checkToken(user1, code)).toEqual({
      method: 'otp',
      step: Math.floor(bank.clock.now() / STEP),
    });
    const records = await recent(2);
    expect(records).toEqual(
      expect.arrayContaining([
        {
          action: 'token.check',
          outcome: 'success',
          subject: token.serial,
          detail: expect.objectContaining({ result: 'accepted' }),
        },
        expect.objectContaining({
          action: 'otp.accepted',
          detail: expect.objectContaining({ purpose: 'token.check' }),
        }),
      ]),
    );
    expect(JSON.stringify(records)).not.toContain(code);
    // The code is spent: an operation's step-up with it is a replay.
    expect((await failure(bank.kinko.stepUp(user1, { otp: code }, 'transfer'))).code).toBe('otp.replayed');
  });

  it('issue 9.5 A2: a wrong code counts towards 利用中止 and is audited as a failed token.check', async () => {
    const token = await giveToken(user1);
    const refused = await failure(bank.kinko.checkToken(user1, wrongCode(token.code())));
    expect(refused).toMatchObject({ code: 'otp.invalid', details: { remainingAttempts: 4 } });
    expect(await recent(2)).toEqual(
      expect.arrayContaining([
        {
          action: 'token.check',
          outcome: 'failure',
          subject: token.serial,
          detail: expect.objectContaining({ result: 'otp.invalid' }),
        },
      ]),
    );
    expect((await bank.store.users.get(user1.userId))?.otpFailures).toBe(1);
    for (let i = 0; i < 3; i++) await failure(bank.kinko.checkToken(user1, wrongCode(token.code())));
    expect((await failure(bank.kinko.checkToken(user1, wrongCode(token.code())))).code).toBe(
      'otp.user_suspended',
    );
    expect((await bank.store.users.get(user1.userId))?.suspended).toBe(true);
    // Suspended, even the right code is refused before it is looked at.
    expect((await failure(bank.kinko.checkToken(user1, token.code()))).code).toBe('otp.user_suspended');
  });

  it('issue 9.5: without an active token there is nothing to check (otp.token_not_active), and nothing is recorded', async () => {
    const before = (await bank.store.audit.list({ limit: 1 }))[0]?.seq;
    expect((await failure(bank.kinko.checkToken(user1, '123456'))).code).toBe('otp.token_not_active');
    expect((await failure(bank.kinko.checkToken(bank.admin, '123456'))).code).toBe('otp.token_not_active');
    expect((await bank.store.audit.list({ limit: 1 }))[0]?.seq).toBe(before);
  });
});
