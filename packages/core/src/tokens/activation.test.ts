import { auditRecordCount } from '@kinko/store/testing';
import { failure, openBank, pins, type TestBank, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientActivationKeys } from '../otp/index.ts';

describe.each(testBackends())('token activation on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend);
  });
  afterEach(() => bank.cleanup());

  it('T5: activation creates an activated token whose seed the app derives and the server keeps sealed', async () => {
    const keys = await clientActivationKeys();
    const r = await bank.kinko.activateToken(bank.anon, keys.publicKey);
    expect(r).toMatchObject({ period: 30, digits: 6, algorithm: 'SHA1', serverTime: bank.clock.now() });
    expect(r.serial).toMatch(/^SKTS[0-9A-Z]{8}$/);
    expect(JSON.stringify(r)).not.toMatch(/seed/i);
    const token = await bank.store.tokens.getBySerial(r.serial);
    expect(token).toMatchObject({
      status: 'activated',
      lastStep: -1,
      drift: 0,
      contractId: null,
      expiresAt: bank.clock.now() + bank.deps.config.activationTtlMs,
    });
    const seed = await keys.deriveSeed(r.serverPublicKey, r.serial);
    const opened = bank.deps.kek.open(token?.seedCiphertext ?? new Uint8Array(), `seed:${token?.id}`);
    expect(Buffer.from(opened).equals(Buffer.from(seed))).toBe(true);
    expect(Buffer.from(token?.seedCiphertext ?? []).includes(Buffer.from(seed))).toBe(false);
    const [record] = await bank.store.audit.list({ limit: 1 });
    expect(record).toMatchObject({ action: 'token.activated', actorType: 'anonymous', subject: r.serial });
    expect(JSON.parse(record?.detail ?? '{}')).toMatchObject({ clientAddress: bank.anon.clientAddress });
  });

  it('T5: a malformed public key is refused and creates nothing', async () => {
    const head = await auditRecordCount(bank.store);
    for (const bad of [null, {}, { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }, 'key']) {
      expect((await failure(bank.kinko.activateToken(bank.anon, bad))).code).toBe(
        'activation.bad_public_key',
      );
    }
    expect(await auditRecordCount(bank.store)).toBe(head);
  });

  it('T5: an activated token not registered within the TTL expires and can no longer be registered', async () => {
    const token = await bank.activate();
    bank.clock.advance(bank.deps.config.activationTtlMs);
    // Past its expiry it is refused even before the sweep marks it.
    const register = () =>
      bank.kinko.registerToken(bank.admin, {
        serial: token.serial,
        otp: token.code(),
        contractPin: pins.contract,
        userIds: [bank.admin.userId],
      });
    expect((await failure(register())).code).toBe('token.expired');
    expect(await bank.kinko.expireUnregisteredTokens()).toBe(1);
    expect((await bank.store.tokens.getBySerial(token.serial))?.status).toBe('expired');
    expect((await failure(register())).code).toBe('token.expired');
    expect(await bank.kinko.expireUnregisteredTokens()).toBe(0);
  });

  it('T9: otpauth provisioning is off by default', async () => {
    expect((await failure(bank.kinko.activateOtpauthToken(bank.anon, 'phone'))).code).toBe(
      'activation.otpauth_disabled',
    );
  });
});

describe.each(testBackends())('otpauth provisioning on $name', (backend) => {
  let bank: TestBank;
  beforeEach(async () => {
    bank = await openBank(backend, { otpauthEnabled: true });
  });
  afterEach(() => bank.cleanup());

  it('T9: when the bank turns it on, a token comes as an otpauth:// URI carrying its serial', async () => {
    const { serial, uri } = await bank.kinko.activateOtpauthToken(bank.anon, 'phone');
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]{32}&/);
    expect(decodeURIComponent(uri)).toContain(serial);
    expect((await bank.store.tokens.getBySerial(serial))?.status).toBe('activated');
  });
});
