import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('transfers and payees over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  let operator: Party;
  let token: Awaited<ReturnType<TestServer['activate']>>;
  let payer: string;
  let payeeNumber: string;
  let strangerAccount: string;
  let n = 0;
  const key = () => `http-key-${++n}`;
  const balance = async (id: string) => (await s.store.accounts.get(id))?.balance;
  const enter = (body: Record<string, unknown>, k: string | null = key()) =>
    s.request('POST', '/api/v1/transfers', {
      as: admin,
      headers: k === null ? {} : { 'idempotency-key': k },
      payload: { fromAccountId: payer, amount: 10_000, valueDate: '2025-01-07', ...body },
    });
  const typed = () => ({
    kind: 'typed',
    bankCode: '1952',
    branchCode: '001',
    accountType: 'ordinary',
    accountNumber: payeeNumber,
    name: 'ﾔﾏﾀﾞ ﾀﾛｳ',
  });

  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    operator = await s.operatorLogin();
    const me = (await s.request('GET', '/api/v1/session', { as: admin })).json().me;
    token = await s.activate();
    const reg = await s.request('POST', '/api/v1/admin/token-registrations', {
      as: admin,
      payload: {
        serial: token.serial,
        otp: token.code(),
        contractPin: secrets.contractPin,
        userIds: [me.user.id],
      },
    });
    expect(reg.statusCode, reg.body).toBe(200);
    s.clock.advance(30_000);
    const open = (contractNumber: string | null, openingDeposit: number) =>
      s.kinko.openAccount(s.operatorActor, {
        contractNumber,
        branchCode: '001',
        type: 'ordinary',
        holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
        openingDeposit,
      });
    payer = (await open(s.contractNumber, 1_000_000)).id;
    payeeNumber = (await open(null, 0)).number;
    strangerAccount = (await open(s.otherContractNumber, 50_000)).id;
  });
  afterAll(() => s.close());

  it('M3: a create call without an Idempotency-Key is 400 idempotency.key_required and writes nothing', async () => {
    const before = await s.counts();
    const res = await enter({ to: typed() }, null);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'idempotency.key_required' });
    const { kind: _kind, ...account } = typed();
    const payee = await s.request('POST', '/api/v1/payees', { as: admin, payload: account });
    expect(payee.json()).toMatchObject({ code: 'idempotency.key_required' });
    expect(await s.counts()).toEqual(before);
  });

  it('M3: a retried confirm with the same Idempotency-Key posts once and answers the same receipt', async () => {
    const entered = await enter({ to: typed() });
    expect(entered.statusCode, entered.body).toBe(201);
    expect(entered.json()).toMatchObject({
      authorisation: { method: 'otp' },
      transfer: { fee: 0, status: 'pending' },
    });
    const id = entered.json().transfer.id;
    s.clock.advance(30_000);
    const k = key();
    const confirm = () =>
      s.request('POST', `/api/v1/transfers/${id}/confirm`, {
        as: admin,
        headers: { 'idempotency-key': k },
        payload: { otp: token.code() },
      });
    const first = await confirm();
    expect(first.statusCode, first.body).toBe(200);
    const again = await confirm();
    expect(again.json()).toEqual(first.json());
    expect(first.json().receiptNumber).toMatch(/^20250107-\d{8}$/);
    expect(await balance(payer)).toBe(990_000);
    const reused = await enter({ to: typed(), amount: 5 }, k);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'idempotency.key_reused' });
  });

  it('M4: a first-time same-day payee without an active token is 422 with the reason and the date possible', async () => {
    const c = await s.kinko.getContract(s.operatorActor, s.otherContractNumber);
    const other = await s.login(s.otherContractNumber, secrets.admin.loginId, secrets.admin.password);
    expect(c.users[0]?.tokenActive).toBe(false);
    const res = await s.request('POST', '/api/v1/transfers', {
      as: other,
      headers: { 'idempotency-key': key() },
      payload: { fromAccountId: strangerAccount, amount: 1_000, valueDate: '2025-01-07', to: typed() },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      code: 'transfer.same_day_not_allowed',
      reason: 'token_not_active',
      nextPossible: '2025-01-08',
    });
  });

  it.each([
    ['amount 0', { amount: 0 }, 400, 'amount.invalid'],
    ['a non-integer amount', { amount: 10.5 }, 400, 'amount.invalid'],
    [
      'an unknown bank',
      {
        to: {
          kind: 'typed',
          bankCode: '9998',
          branchCode: '001',
          accountType: 'ordinary',
          accountNumber: '1234567',
          name: 'ﾃｽﾄ',
        },
      },
      422,
      'payee.bank_not_found',
    ],
    ['a holiday', { valueDate: '2025-01-13' }, 422, 'transfer.value_date_not_business_day'],
  ])('bad input: %s → %s %s, nothing written', async (_what, body, status, code) => {
    const before = await s.counts();
    const res = await enter({ to: typed(), ...body });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ code });
    expect(await s.counts()).toEqual(before);
  });

  it("another contract's account id is 404 account.not_found", async () => {
    const res = await enter({ fromAccountId: strangerAccount, to: typed() });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'account.not_found' });
  });

  it('M8, B1: the bank registers a written payee; the customer sees it and cannot delete it', async () => {
    const res = await s.request('POST', `/api/v1/bank/contracts/${s.contractNumber}/payees`, {
      as: operator,
      headers: { 'idempotency-key': key() },
      payload: {
        bankCode: '0001',
        branchCode: '001',
        accountType: 'current',
        accountNumber: '7654321',
        name: 'ｷﾝｺ ﾀﾛｳ',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await s.request('GET', '/api/v1/payees', { as: admin });
    expect(list.json().registered).toMatchObject([
      { id: res.json().id, payeeNumber: '001', bankName: 'みずほ' },
    ]);
    const del = await s.request('DELETE', `/api/v1/payees/${res.json().id}`, { as: admin });
    expect(del.statusCode).toBe(403);
    expect(del.json()).toMatchObject({ code: 'payee.registered_read_only' });
  });

  it('M6: a scheduled transfer is listed, cancelled with the OTP, and an outbound file can be exported', async () => {
    const entered = await enter({ to: typed(), valueDate: '2025-01-09' });
    const id = entered.json().transfer.id;
    s.clock.advance(30_000);
    const confirmed = await s.request('POST', `/api/v1/transfers/${id}/confirm`, {
      as: admin,
      headers: { 'idempotency-key': key() },
      payload: { otp: token.code() },
    });
    expect(confirmed.json().transfer.status).toBe('scheduled');
    const listed = await s.request('GET', '/api/v1/transfers?status=scheduled', { as: admin });
    // M5a: with no approval mode the list says none was needed, and the requester may cancel.
    expect(listed.json().items).toContainEqual(expect.objectContaining({ id, approval: null }));
    s.clock.advance(30_000);
    const cancelled = await s.request('POST', `/api/v1/transfers/${id}/cancel`, {
      as: admin,
      payload: { otp: token.code() },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    const csv = await s.request('GET', '/api/v1/bank/outbound/export?date=2025-01-07&format=csv', {
      as: operator,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('receiptNumber');
  });
});
