import { auditRecordCount } from '@kinko/store/testing';
import { failure, openBank, pins, type TestBank, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';

const STEP = 30_000;

describe.each(testBackends())('利用形態設定 (R3, issue 9.3) on $name', (backend) => {
  let bank: TestBank;
  let user1: CustomerActor;
  let user2: CustomerActor;
  beforeEach(async () => {
    bank = await openBank(backend);
    user1 = await bank.addUser('user1');
    user2 = await bank.addUser('user2');
  });
  afterEach(() => bank.cleanup());

  async function registerOwn(user: CustomerActor): Promise<string> {
    const token = await bank.activate();
    await bank.kinko.registerToken(bank.admin, {
      serial: token.serial,
      otp: token.code(),
      contractPin: pins.contract,
      userIds: [user.userId],
    });
    bank.clock.advance(STEP);
    return token.serial;
  }

  it('9.3 R3: the impact names the users whose registered token a switch takes out of force, and their serials', async () => {
    const s1 = await registerOwn(user1);
    const impact = await bank.kinko.usageModeImpact(bank.admin, { mode: 'shared' });
    expect(impact).toEqual({
      from: 'individual',
      to: 'shared',
      released: [
        {
          userId: user1.userId,
          loginId: 'user1',
          name: expect.any(String),
          serialBefore: s1,
          serialAfter: null,
        },
      ],
      restored: [],
    });
    // The current mode changes nothing.
    expect(await bank.kinko.usageModeImpact(bank.admin, { mode: 'individual' })).toMatchObject({
      released: [],
      restored: [],
    });
    expect((await failure(bank.kinko.usageModeImpact(user2, { mode: 'shared' }))).code).toBe(
      'auth.forbidden',
    );
  });

  it('9.3 R3: without confirmed the switch is refused before the PIN is checked and nothing is written; confirmed, it switches', async () => {
    await registerOwn(user1);
    await registerOwn(user2);
    const before = await auditRecordCount(bank.store);
    const refused = await failure(
      bank.kinko.setUsageMode(bank.admin, { mode: 'shared', contractPin: pins.wrong }),
    );
    expect(refused.code).toBe('token.usage_mode_unconfirmed');
    expect(refused.message).toMatch(/user1 \(SKTS/);
    expect(refused.message).toMatch(/user2 \(SKTS/);
    expect(await auditRecordCount(bank.store)).toBe(before);
    const { contract } = await bank.kinko.listUsers(bank.admin);
    expect(contract).toMatchObject({ usageMode: 'individual', contractPinLocked: false });

    const view = await bank.kinko.setUsageMode(bank.admin, {
      mode: 'shared',
      contractPin: pins.contract,
      confirmed: true,
    });
    expect(view.usageMode).toBe('shared');
    const [record] = await bank.store.audit.list({ chain: contract.id, limit: 1 });
    expect(record?.action).toBe('contract.usage_mode_set');
    expect(JSON.parse(record?.detail ?? '{}').releasedUserIds.sort()).toEqual(
      [user1.userId, user2.userId].sort(),
    );
  });

  it('9.3 R3: a switch that releases no registration needs no confirmation (no token registered)', async () => {
    const view = await bank.kinko.setUsageMode(bank.admin, { mode: 'shared', contractPin: pins.contract });
    expect(view.usageMode).toBe('shared');
  });
});
