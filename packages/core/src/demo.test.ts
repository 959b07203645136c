import type { TestStore } from '@kinko/store/testing';
import { FakeClock, realRandom, T0, testBackends, testConfig } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditKey } from './audit/key.ts';
import { verifyAuditLog } from './audit/verify.ts';
import { demoBank, seedDemo } from './demo.ts';
import { createKinko } from './kinko.ts';
import { createAesGcmKek } from './otp/index.ts';

describe.each(testBackends())('demo bank on $name', (backend) => {
  let store: TestStore;
  beforeEach(async () => {
    store = await backend.open();
  });
  afterEach(() => store.cleanup());

  it('seedDemo creates the demo bank once; its logins work; a second run changes nothing', async () => {
    const deps = {
      store,
      clock: new FakeClock(T0),
      random: realRandom,
      kek: createAesGcmKek(realRandom.bytes(32), realRandom),
      auditKey: createAuditKey(realRandom.bytes(32)),
      config: testConfig(),
    };
    const kinko = createKinko(deps);
    const first = await seedDemo(kinko, store, deps);
    expect(first.contractNumber).toBe(demoBank.contract.contractNumber);
    expect(first.logins.map((l) => [l.realm, l.loginId])).toEqual([
      ['bank', 'bank-admin'],
      ['customer', 'admin'],
      ['customer', 'user1'],
      ['customer', 'user2'],
    ]);
    expect(first.logins[2]?.card).toBeDefined();
    const anon = { kind: 'anonymous' as const, clientAddress: '127.0.0.1' };
    for (const l of first.logins) {
      if (l.realm === 'bank') await kinko.operatorLogin(anon, l);
      else
        await kinko.login(anon, {
          loginId: l.loginId,
          password: l.password,
          contractNumber: first.contractNumber,
        });
    }
    const branches = (await store.branches.list()).map((b) => b.code);
    expect(branches).toEqual(['001', '002', '003']);
    const contract = await store.contracts.getByNumber(first.contractNumber);
    const accounts = await store.accounts.listByContract(contract?.id ?? '');
    expect(accounts.map((a) => [a.type, a.balance]).sort()).toEqual([
      ['current', 3_000_000],
      ['ordinary', 12_345_678],
    ]);
    expect(await kinko.verifyLedger()).toMatchObject({ ok: true, accounts: 7, entries: 3 });
    const heads = await store.audit.heads({ limit: 100 });
    const second = await seedDemo(kinko, store, deps);
    expect(second.logins.map((l) => l.loginId)).toEqual(first.logins.map((l) => l.loginId));
    expect(second.logins.some((l) => l.card)).toBe(false);
    expect(await store.audit.heads({ limit: 100 })).toEqual(heads);
    expect(await verifyAuditLog(store, deps.auditKey)).toMatchObject({ ok: true, problems: [] });
  });
});
