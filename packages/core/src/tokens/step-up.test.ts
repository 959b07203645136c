import { openTestStoreTwin } from '@kinko/store/testing';
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
import { createKinko } from '../kinko.ts';
import { type CardPosition, cardPositions } from './proof.ts';

const STEP = 30_000;

describe.each(testBackends())('step-up on $name', (backend) => {
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

  it('M2: with an active token the challenge asks for the OTP, and a good code is accepted and audited', async () => {
    const token = await giveToken(user1);
    expect(await bank.kinko.stepUpChallenge(user1)).toEqual({ method: 'otp' });
    const r = await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer');
    expect(r).toEqual({ method: 'otp', step: Math.floor(bank.clock.now() / STEP) });
    const [record] = await bank.store.audit.list({ limit: 1 });
    expect(record).toMatchObject({ action: 'otp.accepted', actorId: user1.userId, subject: token.serial });
    expect(JSON.parse(record?.detail ?? '{}')).toMatchObject({ purpose: 'transfer' });
    expect(record?.detail).not.toContain(token.code());
  });

  it('T2: a code is accepted once; the replay is refused, audited and shown to holder and administrator', async () => {
    const token = await giveToken(user1);
    const code = token.code();
    await bank.kinko.stepUp(user1, { otp: code }, 'transfer');
    expect((await failure(bank.kinko.stepUp(user1, { otp: code }, 'transfer'))).code).toBe('otp.replayed');
    // An earlier step is refused too (no step ≤ s again).
    expect((await failure(bank.kinko.stepUp(user1, { otp: token.code(-1) }, 'transfer'))).code).toBe(
      'otp.replayed',
    );
    const [record] = await bank.store.audit.list({ limit: 1 });
    expect(record).toMatchObject({ action: 'otp.replayed', outcome: 'failure', subject: token.serial });
    expect((await bank.store.users.get(user1.userId))?.otpFailures).toBe(0);
    const holder = await bank.kinko.me(user1);
    const alert = {
      id: expect.any(String),
      at: bank.clock.now(),
      serial: token.serial,
      operation: 'transfer',
      userId: user1.userId,
      userName: expect.any(String),
    };
    expect(holder.alerts).toEqual([alert, alert]);
    const admin = await bank.kinko.me(bank.admin);
    expect(admin.alerts).toHaveLength(2);
    const other = await bank.addUser('user2');
    expect((await bank.kinko.me(other)).alerts).toEqual([]);
  });

  it('T2/A2: across two server processes a code is accepted once and wrong codes are counted exactly', async () => {
    const token = await giveToken(user1);
    const twin = createKinko({ ...bank.deps, store: await openTestStoreTwin(bank.store) });
    const code = token.code();
    const both = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? twin : bank.kinko).stepUp(user1, { otp: code }, 'transfer'),
      ),
    );
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const max = bank.deps.config.maxOtpFailures;
    const wrong = await Promise.all(
      Array.from({ length: max * 2 }, (_, i) =>
        failure((i % 2 ? twin : bank.kinko).stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer')),
      ),
    );
    expect(wrong.filter((e) => e.code === 'otp.invalid')).toHaveLength(max - 1);
    expect(await bank.store.users.get(user1.userId)).toMatchObject({ otpFailures: max, suspended: true });
  });

  it('T3: the previous step is accepted within the window; two steps away is not', async () => {
    const token = await giveToken(user1);
    expect((await failure(bank.kinko.stepUp(user1, { otp: token.code(-2) }, 'transfer'))).code).toBe(
      'otp.invalid',
    );
    await bank.kinko.stepUp(user1, { otp: token.code(1) }, 'transfer');
    expect((await bank.store.tokens.getBySerial(token.serial))?.drift).toBe(1);
  });

  it('T1: a code that is not six ASCII digits is malformed and not counted', async () => {
    await giveToken(user1);
    for (const otp of ['12345', '１２３４５６', '12345a', ' 123456']) {
      expect((await failure(bank.kinko.stepUp(user1, { otp }, 'transfer'))).code).toBe('otp.malformed');
    }
    expect((await bank.store.users.get(user1.userId))?.otpFailures).toBe(0);
  });

  it('A2: five wrong OTPs suspend the user; the sixth attempt is refused as suspended', async () => {
    const token = await giveToken(user1);
    const max = bank.deps.config.maxOtpFailures;
    for (let i = 1; i < max; i++) {
      const e = await failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
      expect(e.code).toBe('otp.invalid');
      expect(e.details).toEqual({ remainingAttempts: max - i });
    }
    const fifth = await failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
    expect(fifth.code).toBe('otp.user_suspended');
    const sixth = await failure(bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer'));
    expect(sixth.code).toBe('otp.user_suspended');
    expect((await bank.kinko.me(user1)).user).toMatchObject({ suspended: true, otpFailures: max });
    const actions = (await bank.store.audit.list({ limit: 2 })).map((r) => r.action);
    expect(actions).toEqual(['user.suspended', 'otp.invalid']);
  });

  it('A2: a good OTP starts the count of consecutive wrong ones again', async () => {
    const token = await giveToken(user1);
    const max = bank.deps.config.maxOtpFailures;
    const wrong = () => failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
    for (let i = 1; i < max; i++) await wrong();
    expect((await bank.store.users.get(user1.userId))?.otpFailures).toBe(max - 1);
    expect(await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer')).toMatchObject({
      method: 'otp',
    });
    expect((await bank.store.users.get(user1.userId))?.otpFailures).toBe(0);
    // As many wrong codes again still leave one attempt: the count started from zero.
    for (let i = 1; i < max; i++) expect((await wrong()).details).toEqual({ remainingAttempts: max - i });
    expect(await bank.store.users.get(user1.userId)).toMatchObject({
      otpFailures: max - 1,
      suspended: false,
    });
  });

  it('A2: concurrent wrong OTPs are counted exactly', async () => {
    const token = await giveToken(user1);
    const max = bank.deps.config.maxOtpFailures;
    const attempts = Array.from({ length: max + 3 }, () =>
      failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer')),
    );
    const codes = (await Promise.all(attempts)).map((e) => e.code);
    expect(codes.filter((c) => c === 'otp.invalid')).toHaveLength(max - 1);
    expect(await bank.store.users.get(user1.userId)).toMatchObject({ otpFailures: max, suspended: true });
  });

  it('A2: the administrator lifts 利用中止 with the contract PIN, and cannot lift their own', async () => {
    const token = await giveToken(user1);
    for (let i = 0; i < bank.deps.config.maxOtpFailures; i++) {
      await failure(bank.kinko.stepUp(user1, { otp: wrongCode(token.code()) }, 'transfer'));
    }
    const byUser = bank.kinko.unlockUser(user1, user1.userId, { contractPin: pins.contract });
    expect((await failure(byUser)).code).toBe('auth.forbidden');
    const wrongPin = bank.kinko.unlockUser(bank.admin, user1.userId, { contractPin: pins.wrong });
    expect((await failure(wrongPin)).code).toBe('pin.invalid');
    const view = await bank.kinko.unlockUser(bank.admin, user1.userId, { contractPin: pins.contract });
    expect(view).toMatchObject({ suspended: false, otpFailures: 0 });
    expect(await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer')).toMatchObject({
      method: 'otp',
    });
    const again = bank.kinko.unlockUser(bank.admin, user1.userId, { contractPin: pins.contract });
    expect((await failure(again)).code).toBe('user.not_suspended');

    // A2/A3: the administrator's own lockout is the bank's to lift.
    await bank.store.users.update(bank.admin.userId, { suspended: true });
    const self = bank.kinko.unlockUser(bank.admin, bank.admin.userId, { contractPin: pins.contract });
    expect((await failure(self)).code).toBe('user.is_administrator');
    await bank.kinko.restoreAdministrator(bank.operator, bank.contractNumber, {});
    expect((await bank.store.users.get(bank.admin.userId))?.suspended).toBe(false);
  });

  it('R4: before the token, confirmation PIN + the card position asked; once the token is active the card is refused', async () => {
    const noCard = await failure(bank.kinko.stepUpChallenge(user1));
    expect(noCard.code).toBe('card.not_issued');
    const card = await bank.kinko.issueCard(bank.admin, user1.userId, { contractPin: pins.contract });
    expect(Object.keys(card)).toEqual([...cardPositions]);
    expect(Object.values(card).every((v) => /^\d{2}$/.test(v))).toBe(true);
    expect((await failure(bank.kinko.stepUpChallenge(user1))).code).toBe('pin.not_set');
    await bank.kinko.setConfirmPin(bank.admin, user1.userId, {
      confirmPin: '4321',
      contractPin: pins.contract,
    });

    const proof = async (pin = '4321', value?: string) => {
      const challenge = await bank.kinko.stepUpChallenge(user1);
      if (challenge.method !== 'legacy') throw new Error('expected a legacy challenge');
      const position: CardPosition = challenge.cardPosition;
      return { confirmPin: pin, cardPosition: position, cardValue: value ?? card[position] };
    };
    expect(await bank.kinko.stepUp(user1, await proof(), 'transfer')).toEqual({ method: 'legacy' });
    // The challenge is used once.
    const used = await proof();
    await bank.kinko.stepUp(user1, used, 'transfer');
    expect((await failure(bank.kinko.stepUp(user1, used, 'transfer'))).code).toBe('card.invalid');
    const wrongPin = await failure(bank.kinko.stepUp(user1, await proof('9999'), 'transfer'));
    expect(wrongPin).toMatchObject({ code: 'pin.invalid', details: { remainingAttempts: 4 } });
    const wrongCard = await failure(bank.kinko.stepUp(user1, await proof('4321', 'xx'), 'transfer'));
    expect(wrongCard).toMatchObject({ code: 'card.invalid', details: { remainingAttempts: 3 } });
    expect((await failure(bank.kinko.stepUp(user1, { otp: '123456' }, 'transfer'))).code).toBe(
      'otp.token_not_active',
    );

    const token = await giveToken(user1);
    expect(await bank.kinko.stepUpChallenge(user1)).toEqual({ method: 'otp' });
    const legacy = { confirmPin: '4321', cardPosition: 'ア' as const, cardValue: card.ア };
    expect((await failure(bank.kinko.stepUp(user1, legacy, 'transfer'))).code).toBe('card.replaced_by_token');
    expect(await bank.kinko.stepUp(user1, { otp: token.code() }, 'transfer')).toMatchObject({
      method: 'otp',
    });
    const reissue = bank.kinko.issueCard(bank.admin, user1.userId, { contractPin: pins.contract });
    expect((await failure(reissue)).code).toBe('card.replaced_by_token');
    // Ids and MACs are long hex runs that may hold any four digits by chance: looked past.
    const audit = JSON.stringify(await bank.store.audit.list({ limit: 1000 })).replace(/[0-9a-f]{16,}/g, '');
    expect(audit).not.toContain('4321');
  });

  it('A2: wrong confirmations on the legacy method also end in 利用中止', async () => {
    await bank.kinko.issueCard(bank.admin, user1.userId, { contractPin: pins.contract });
    await bank.kinko.setConfirmPin(bank.admin, user1.userId, {
      confirmPin: '4321',
      contractPin: pins.contract,
    });
    let last = '';
    for (let i = 0; i < bank.deps.config.maxPinFailures; i++) {
      const challenge = await bank.kinko.stepUpChallenge(user1);
      if (challenge.method !== 'legacy') throw new Error('expected legacy');
      const proof = { confirmPin: '0000', cardPosition: challenge.cardPosition, cardValue: '00' };
      last = (await failure(bank.kinko.stepUp(user1, proof, 'transfer'))).code;
    }
    expect(last).toBe('otp.user_suspended');
    expect((await failure(bank.kinko.stepUpChallenge(user1))).code).toBe('otp.user_suspended');
  });
});
