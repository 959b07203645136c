import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('accounts and statements over HTTP on $name', (backend) => {
  let s: TestServer;
  let operator: Party;
  let admin: Party;
  let stranger: Party;
  let accountId = '';
  let number = '';
  beforeAll(async () => {
    s = await startServer(backend);
    operator = await s.operatorLogin();
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    stranger = await s.login(s.otherContractNumber, secrets.admin.loginId, secrets.admin.password);
    const res = await s.request('POST', '/api/v1/bank/accounts', {
      as: operator,
      payload: {
        contractNumber: s.contractNumber,
        branchCode: '001',
        type: 'ordinary',
        holderKana: 'テストショウジ',
        openingDeposit: 250_000,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    accountId = res.json().id;
    number = res.json().number;
  });
  afterAll(() => s.close());

  it('B1: POST /api/v1/bank/accounts opens an account with its opening deposit', async () => {
    const res = await s.request('POST', '/api/v1/bank/accounts', {
      as: operator,
      payload: {
        contractNumber: null,
        branchCode: '001',
        type: 'current',
        holderKana: 'ｶ)ﾖｿ',
        openingDeposit: 0,
        overdraftLimit: 100_000,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'current',
      typeCode: 2,
      holderKana: 'ｶ)ﾖｿ',
      balance: 0,
      available: 100_000,
      contractNumber: null,
    });
  });

  it('B1: bad input is a 4xx problem with a code and opens nothing; a customer cannot open accounts', async () => {
    const before = await s.counts();
    const base = { contractNumber: s.contractNumber, branchCode: '001', type: 'ordinary', holderKana: 'ﾃｽﾄ' };
    for (const [payload, status, code] of [
      [{ ...base, openingDeposit: -1 }, 400, 'amount.invalid'],
      [{ ...base, openingDeposit: 0.5 }, 400, 'amount.invalid'],
      [{ ...base, openingDeposit: 10_000_000_000 }, 400, 'amount.invalid'],
      [{ ...base, openingDeposit: '100' }, 400, 'request.invalid'],
      [{ ...base, type: 'checking', openingDeposit: 1 }, 400, 'request.invalid'],
      [{ ...base, holderKana: '山田', openingDeposit: 1 }, 400, 'request.invalid'],
      [{ ...base, branchCode: '999', openingDeposit: 1 }, 404, 'branch.not_found'],
      [{ ...base, contractNumber: '99999999999', openingDeposit: 1 }, 404, 'contract.not_found'],
    ] as const) {
      const res = await s.request('POST', '/api/v1/bank/accounts', { as: operator, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.json()).toMatchObject({ code });
    }
    const asCustomer = await s.request('POST', '/api/v1/bank/accounts', {
      as: admin,
      payload: { ...base, openingDeposit: 1 },
    });
    expect(asCustomer.statusCode).toBe(401);
    const noCsrf = await s.request('POST', '/api/v1/bank/accounts', {
      as: operator,
      csrf: null,
      payload: { ...base, openingDeposit: 1 },
    });
    expect(noCsrf.json()).toMatchObject({ status: 403, code: 'request.csrf' });
    expect(await s.counts()).toEqual(before);
  });

  it('M9: GET /api/v1/accounts lists the contract’s accounts with balances, and only them', async () => {
    const res = await s.request('GET', '/api/v1/accounts', { as: admin });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      {
        id: accountId,
        branchCode: '001',
        branchName: '本店営業部',
        type: 'ordinary',
        typeCode: 1,
        number,
        holderKana: 'ﾃｽﾄｼﾖｳｼﾞ',
        balance: 250_000,
        overdraftLimit: 0,
        available: 250_000,
        status: 'active',
      },
    ]);
    expect((await s.request('GET', '/api/v1/accounts', { as: stranger })).json()).toEqual([]);
    expect((await s.request('GET', '/api/v1/accounts')).statusCode).toBe(401);
  });

  it('M9: GET …/statement answers 入出金明細 for days in Japan', async () => {
    const res = await s.request(
      'GET',
      `/api/v1/accounts/${accountId}/statement?from=2025-01-01&to=2025-01-31`,
      {
        as: admin,
      },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      from: '2025-01-01',
      to: '2025-01-31',
      openingBalance: 0,
      closingBalance: 250_000,
      lines: [
        {
          seq: 1,
          date: '2025-01-07',
          description: '開設入金',
          debit: null,
          credit: 250_000,
          balance: 250_000,
        },
      ],
    });
    for (const query of [
      '',
      '?from=2025-01-01',
      '?from=2025-01-31&to=2025-01-01',
      '?from=x&to=y',
      '?from=2025-01-01&to=2025-01-02&extra=1',
    ]) {
      const bad = await s.request('GET', `/api/v1/accounts/${accountId}/statement${query}`, { as: admin });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().code).toBe('request.invalid');
    }
  });

  it("M9: another contract's account id is 404 account.not_found, for JSON and CSV alike", async () => {
    for (const path of ['statement', 'statement.csv']) {
      const res = await s.request(
        'GET',
        `/api/v1/accounts/${accountId}/${path}?from=2025-01-01&to=2025-01-31`,
        {
          as: stranger,
        },
      );
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'account.not_found', status: 404 });
    }
  });

  it('M9: GET …/statement.csv downloads UTF-8 with BOM by default, or Shift_JIS', async () => {
    const url = `/api/v1/accounts/${accountId}/statement.csv?from=2025-01-07&to=2025-01-07`;
    const utf8 = await s.request('GET', url, { as: admin });
    expect(utf8.statusCode).toBe(200);
    expect(utf8.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(utf8.headers['content-disposition']).toBe(
      `attachment; filename="statement-001-${number}-2025-01-07-2025-01-07.csv"`,
    );
    expect(utf8.headers['cache-control']).toBe('no-store');
    const text = '日付,摘要,お支払金額,お預り金額,差引残高\r\n2025/01/07,開設入金,,250000,250000\r\n';
    expect([...utf8.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(utf8.rawPayload.subarray(3).toString('utf8')).toBe(text);

    const sjis = await s.request('GET', `${url}&encoding=shift_jis`, { as: admin });
    expect(sjis.statusCode).toBe(200);
    expect(sjis.headers['content-type']).toBe('text/csv; charset=Shift_JIS');
    expect(new TextDecoder('shift_jis').decode(sjis.rawPayload)).toBe(text);

    const bad = await s.request('GET', `${url}&encoding=latin1`, { as: admin });
    expect(bad.statusCode).toBe(400);
  });
});
