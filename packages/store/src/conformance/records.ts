/** Round trips for every repository: what goes in comes out, bytes, booleans, nulls and all. */

import { UniqueViolation } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import type { TestStore } from '../testing.ts';
import { branch, operator, seedContract, session, T0, token, user } from './fixtures.ts';

export function recordCases(current: () => TestStore): void {
  it('settings: get of a missing key is null; put inserts, then overwrites', async () => {
    const store = current();
    expect(await store.settings.get('otp.window')).toBeNull();
    await store.settings.put('otp.window', '1');
    await store.settings.put('otp.window', '0');
    expect(await store.settings.get('otp.window')).toBe('0');
  });

  it('branches: round trip, listed by code, duplicate code is a UniqueViolation', async () => {
    const store = current();
    await store.branches.insert(branch({ code: '002', name: '駅前支店' }));
    await store.branches.insert(branch({ code: '001', name: '本店' }));
    expect(await store.branches.get('002')).toEqual({ code: '002', name: '駅前支店' });
    expect(await store.branches.get('999')).toBeNull();
    expect((await store.branches.list()).map((b) => b.code)).toEqual(['001', '002']);
    await expect(store.branches.insert(branch({ code: '001' }))).rejects.toBeInstanceOf(UniqueViolation);
  });

  it('contracts: round trip by id and number, booleans and nulls, patches, listed by number', async () => {
    const store = current();
    const c = await seedContract(store, { contractNumber: '20000000002', stopped: true });
    const d = await seedContract(store, { contractNumber: '20000000001', loginMethod: 'certificate' });
    expect(await store.contracts.get(c.id)).toEqual(c);
    expect(await store.contracts.getByNumber(d.contractNumber)).toEqual(d);
    expect(await store.contracts.get('nope')).toBeNull();
    expect(await store.contracts.getByNumber('99999999999')).toBeNull();
    expect((await store.contracts.list()).map((x) => x.id)).toEqual([d.id, c.id]);

    const t = token({ contractId: c.id });
    await store.tokens.insert(t);
    const patch = {
      usageMode: 'shared',
      sharedTokenId: t.id,
      contractPinHash: '$argon2id$new',
      contractPinFailures: 2,
      contractPinLocked: true,
      stopped: false,
      name: 'カ）シンキンコウギョウ',
    } as const;
    await store.contracts.update(c.id, patch);
    expect(await store.contracts.get(c.id)).toEqual({ ...c, ...patch });
    await store.contracts.update(c.id, { sharedTokenId: null });
    expect((await store.contracts.get(c.id))?.sharedTokenId).toBeNull();
    await store.contracts.update(c.id, {}); // nothing to do is not an error
  });

  it('contracts: duplicate contract number is a UniqueViolation with code unique', async () => {
    const store = current();
    const c = await seedContract(store);
    const err = await seedContract(store, { contractNumber: c.contractNumber }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UniqueViolation);
    expect(err).toMatchObject({ code: 'unique' });
  });

  it('foreign keys hold: a user of an unknown contract is refused', async () => {
    const store = current();
    await expect(store.users.insert(user('no-such-contract'))).rejects.toThrow();
    await expect(seedContract(store, { branchCode: '999' })).rejects.toThrow();
  });

  it('users: round trip with card bytes, nulls and booleans; lookups by login; patches', async () => {
    const store = current();
    const c = await seedContract(store);
    const t = token({ contractId: c.id, status: 'registered' });
    await store.tokens.insert(t);
    const card = new Uint8Array([0, 255, 1, 128, 7]);
    const u = user(c.id, { role: 'admin', cardCiphertext: card, confirmPinHash: '$pin', tokenId: t.id });
    const plain = user(c.id);
    await store.users.insert(u);
    await store.users.insert(plain);
    const back = await store.users.get(u.id);
    expect(back).toEqual(u);
    expect(back?.cardCiphertext).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(back?.cardCiphertext)).toBe(false);
    expect(await store.users.get(plain.id)).toEqual(plain);
    expect(await store.users.getByLogin(c.id, u.loginId)).toEqual(u);
    expect(await store.users.getByLogin('other', u.loginId)).toBeNull();

    const patch = {
      name: '鈴木花子',
      passwordHash: '$new',
      passwordFailures: 1,
      loginLocked: true,
      otpFailures: 2,
      confirmPinFailures: 3,
      suspended: true,
      confirmPinHash: null,
      cardCiphertext: null,
      tokenId: null,
      cardChallenge: 'ウ',
      removed: false,
    };
    await store.users.update(u.id, patch);
    expect(await store.users.get(u.id)).toEqual({ ...u, ...patch });
    await store.users.update(plain.id, { cardCiphertext: card, tokenId: t.id });
    expect(await store.users.get(plain.id)).toMatchObject({ cardCiphertext: card, tokenId: t.id });
  });

  it('users: the same login ID twice in a contract is a UniqueViolation, in another contract fine', async () => {
    const store = current();
    const c = await seedContract(store);
    const d = await seedContract(store);
    await store.users.insert(user(c.id, { loginId: 'keiri01' }));
    await store.users.insert(user(d.id, { loginId: 'keiri01' }));
    await expect(store.users.insert(user(c.id, { loginId: 'keiri01' }))).rejects.toBeInstanceOf(
      UniqueViolation,
    );
  });

  it('users: listByContract and countByContract skip removed users, ordered by createdAt', async () => {
    const store = current();
    const c = await seedContract(store);
    const other = await seedContract(store);
    const t = token({ contractId: c.id });
    await store.tokens.insert(t);
    const late = user(c.id, { createdAt: T0 + 2, tokenId: t.id });
    const early = user(c.id, { createdAt: T0 + 1, tokenId: t.id });
    const gone = user(c.id, { createdAt: T0, removed: true, tokenId: t.id });
    for (const u of [late, early, gone, user(other.id)]) await store.users.insert(u);
    expect((await store.users.listByContract(c.id)).map((u) => u.id)).toEqual([early.id, late.id]);
    expect(await store.users.countByContract(c.id)).toBe(2);
    expect(await store.users.countByContract('nobody')).toBe(0);
    expect((await store.users.listByToken(t.id)).map((u) => u.id)).toEqual([early.id, late.id]);
    await store.users.update(late.id, { removed: true });
    expect(await store.users.countByContract(c.id)).toBe(1);
  });

  it('tokens: round trip with seed bytes, lookups by serial, patches, listed per contract', async () => {
    const store = current();
    const c = await seedContract(store);
    const t = token();
    await store.tokens.insert(t);
    expect(await store.tokens.get(t.id)).toEqual(t);
    expect(await store.tokens.getBySerial(t.serial)).toEqual(t);
    expect(await store.tokens.getBySerial('SKTS00000000')).toBeNull();
    const patch = {
      status: 'registered',
      contractId: c.id,
      registeredAt: T0 + 5,
      expiresAt: T0 + 9,
    } as const;
    await store.tokens.update(t.id, patch);
    expect(await store.tokens.get(t.id)).toEqual({ ...t, ...patch });
    await store.tokens.update(t.id, { status: 'revoked', revokedAt: T0 + 7 });
    expect(await store.tokens.get(t.id)).toMatchObject({ status: 'revoked', revokedAt: T0 + 7 });

    const second = token({ contractId: c.id, createdAt: T0 - 1 });
    await store.tokens.insert(second);
    expect((await store.tokens.listByContract(c.id)).map((x) => x.id)).toEqual([second.id, t.id]);
  });

  it('tokens: duplicate serial is a UniqueViolation (T4)', async () => {
    const store = current();
    const t = token();
    await store.tokens.insert(t);
    await expect(store.tokens.insert(token({ serial: t.serial }))).rejects.toBeInstanceOf(UniqueViolation);
  });

  it('sessions: insert, get, touch, delete, and delete every session of a subject', async () => {
    const store = current();
    const c = await seedContract(store);
    const a = session('u-1', { contractId: c.id });
    const b = session('u-1');
    const bank = session('o-1', { realm: 'bank' });
    for (const s of [a, b, bank]) await store.sessions.insert(s);
    expect(await store.sessions.get(a.id)).toEqual(a);
    expect(await store.sessions.get(bank.id)).toEqual(bank);
    // A4: a customer session with its user's role and removed flag, in one read.
    expect(await store.sessions.getWithUser(a.id)).toEqual({ session: a, user: null }); // no such user
    const u = user(c.id, { role: 'admin' });
    const mine = session(u.id, { contractId: c.id });
    await store.users.insert(u);
    await store.sessions.insert(mine);
    expect(await store.sessions.getWithUser(mine.id)).toEqual({
      session: mine,
      user: { role: 'admin', removed: false },
    });
    await store.users.update(u.id, { removed: true });
    expect((await store.sessions.getWithUser(mine.id))?.user).toEqual({ role: 'admin', removed: true });
    expect(await store.sessions.getWithUser(bank.id)).toEqual({ session: bank, user: null });
    expect(await store.sessions.getWithUser('nope')).toBeNull();
    await store.sessions.touch(a.id, T0 + 60_000, T0 + 660_000);
    expect(await store.sessions.get(a.id)).toEqual({
      ...a,
      lastSeenAt: T0 + 60_000,
      expiresAt: T0 + 660_000,
    });
    await store.sessions.delete(bank.id);
    expect(await store.sessions.get(bank.id)).toBeNull();
    await store.sessions.deleteBySubject('u-1');
    expect(await store.sessions.get(a.id)).toBeNull();
    expect(await store.sessions.get(b.id)).toBeNull();
    await expect(store.sessions.insert(session('u-2', { id: a.id }))).resolves.toBeUndefined();
    await expect(store.sessions.insert(session('u-2', { id: a.id }))).rejects.toBeInstanceOf(UniqueViolation);
  });

  it('operators: round trip, lookup by login, patches, duplicate login is a UniqueViolation', async () => {
    const store = current();
    const o = operator({ locked: true, passwordFailures: 2 });
    await store.operators.insert(o);
    expect(await store.operators.get(o.id)).toEqual(o);
    expect(await store.operators.getByLogin(o.loginId)).toEqual(o);
    expect(await store.operators.getByLogin('nobody')).toBeNull();
    await store.operators.update(o.id, { locked: false, passwordFailures: 0, passwordHash: '$x' });
    expect(await store.operators.get(o.id)).toEqual({
      ...o,
      locked: false,
      passwordFailures: 0,
      passwordHash: '$x',
    });
    await expect(store.operators.insert(operator({ loginId: o.loginId }))).rejects.toBeInstanceOf(
      UniqueViolation,
    );
  });
}
