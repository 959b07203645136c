import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

const limits = (perTransfer: number, perDay: number, sameDayUnregisteredPerDay: number | null = null) => ({
  perTransfer,
  perDay,
  sameDayUnregisteredPerDay,
});

describe.each(testBackends())('M5 limits and privileges over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let operator: Party;
  let userId: string;
  let payer: string;
  let n = 0;

  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    operator = await s.operatorLogin();
    const res = await s.request('POST', '/api/v1/admin/users', {
      as: admin,
      payload: {
        loginId: 'user1',
        name: '利用者 一郎',
        password: secrets.user.password,
        contractPin: secrets.contractPin,
      },
    });
    userId = res.json().id;
    payer = (
      await s.kinko.openAccount(s.operatorActor, {
        contractNumber: s.contractNumber,
        branchCode: '001',
        type: 'ordinary',
        holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
        openingDeposit: 1_000_000,
      })
    ).id;
  });
  afterAll(() => s.close());

  it('M5: the administrator reads and sets the contract and user limits within the bank ceiling (contract PIN)', async () => {
    const read = await s.request('GET', '/api/v1/admin/limits', { as: admin });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ bank: limits(10_000_000, 30_000_000, 1_000_000), contract: null });
    const above = await s.request('PUT', '/api/v1/admin/limits', {
      as: admin,
      payload: { contractPin: secrets.contractPin, contract: limits(10_000_001, 30_000_000) },
    });
    expect(above.statusCode).toBe(422);
    expect(above.json()).toMatchObject({
      code: 'limits.above_ceiling',
      field: 'perTransfer',
      ceiling: 10_000_000,
    });
    const wrongPin = await s.request('PUT', '/api/v1/admin/limits', {
      as: admin,
      payload: { contractPin: '000000', contract: limits(1, 1) },
    });
    expect(wrongPin.json()).toMatchObject({ code: 'pin.invalid' });
    const set = await s.request('PUT', '/api/v1/admin/limits', {
      as: admin,
      payload: {
        contractPin: secrets.contractPin,
        contract: limits(500_000, 800_000, 300_000),
        users: [{ userId, limits: limits(100_000, 200_000, null) }],
      },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().contract).toEqual(limits(500_000, 800_000, 300_000));
    expect(set.json().users.find((u: { userId: string }) => u.userId === userId)).toMatchObject({
      limits: limits(100_000, 200_000),
      privileges: ['transfer', 'inquiry'],
    });
  });

  it('M5: the administrator sets privileges; the back office sets the ceiling; a transfer over it is 422 with details', async () => {
    const priv = await s.request('PUT', `/api/v1/admin/users/${userId}/privileges`, {
      as: admin,
      payload: { privileges: ['inquiry', 'approve'], contractPin: secrets.contractPin },
    });
    expect(priv.statusCode, priv.body).toBe(200);
    expect(priv.json().privileges).toEqual(['inquiry', 'approve']);
    const asCustomer = await s.request('PUT', `/api/v1/bank/contracts/${s.contractNumber}/limits`, {
      as: admin,
      payload: { limits: limits(5_000, 10_000) },
    });
    expect(asCustomer.statusCode).toBe(401);
    const ceiling = await s.request('PUT', `/api/v1/bank/contracts/${s.contractNumber}/limits`, {
      as: operator,
      payload: { limits: limits(5_000, 10_000) },
    });
    expect(ceiling.statusCode, ceiling.body).toBe(200);
    expect(ceiling.json()).toEqual(limits(5_000, 10_000));
    const entered = await s.request('POST', '/api/v1/transfers', {
      as: admin,
      headers: { 'idempotency-key': `limits-${++n}` },
      payload: {
        fromAccountId: payer,
        amount: 6_000,
        valueDate: '2025-01-08', // scheduled: M4 refuses same-day to a first-time payee here
        to: {
          kind: 'typed',
          bankCode: '0001',
          branchCode: '001',
          accountType: 'ordinary',
          accountNumber: '1234567',
          name: 'ﾃｽﾄ',
        },
      },
    });
    expect(entered.statusCode, entered.body).toBe(422);
    expect(entered.json()).toMatchObject({
      code: 'limits.exceeded',
      layer: 'bank',
      kind: 'per_transfer',
      limit: 5_000,
      remaining: 5_000,
    });
  });
});
