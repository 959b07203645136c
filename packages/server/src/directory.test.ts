import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

describe.each(testBackends())('the bank and branch directory over HTTP on $name', (backend) => {
  let s: TestServer;
  let admin: Party;
  const get = (url: string, as: Party | null = admin) => s.request('GET', url, as ? { as } : {});

  beforeAll(async () => {
    s = await startServer(backend);
    admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
  });
  afterAll(() => s.close());

  it('M8: a bank code answers the bank with its name and half-width kana', async () => {
    const res = await get('/api/v1/banks?q=0001');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([{ code: '0001', name: 'みずほ', kana: 'ﾐｽﾞﾎ' }]);
  });

  it('M8: a code prefix, a name or a kana finds banks, at most 20 of them', async () => {
    const prefix = (await get('/api/v1/banks?q=0')).json() as { code: string }[];
    expect(prefix).toHaveLength(20);
    expect(prefix.every((b) => b.code.startsWith('0'))).toBe(true);
    expect(prefix[0]?.code).toBe('0001');
    for (const q of ['みずほ', 'ミズホ', 'ﾐｽﾞﾎ']) {
      const res = await get(`/api/v1/banks?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()[0], q).toMatchObject({ code: '0001', name: 'みずほ' });
    }
    expect((await get('/api/v1/banks')).json()).toHaveLength(20);
  });

  it('M8: an unknown bank code finds nothing (an empty list, not an error)', async () => {
    const res = await get('/api/v1/banks?q=0000');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it("M8: a bank's branches by code or name; another bank's from the Zengin list", async () => {
    const res = await get('/api/v1/banks/0001/branches?q=001');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([{ code: '001', name: '東京営業部', kana: 'ﾄｳｷﾖｳ' }]);
    const byName = await get(`/api/v1/banks/0001/branches?q=${encodeURIComponent('とうきょう')}`);
    expect(byName.json()).toEqual(expect.arrayContaining([expect.objectContaining({ code: '001' })]));
    expect(byName.json().length).toBeLessThanOrEqual(20);
  });

  it("M8: this bank's branches are the back office's list, not the public data", async () => {
    const res = await get('/api/v1/banks/1952/branches');
    expect(res.statusCode, res.body).toBe(200);
    // The fixture opens only 001 本店営業部; the public list of 1952 has 21 branches.
    expect(res.json()).toEqual([expect.objectContaining({ code: '001', name: '本店営業部' })]);
    expect((await get('/api/v1/banks/1952/branches?q=003')).json()).toEqual([]);
  });

  it('M8: branches of an unknown bank are 422 payee.bank_not_found; an unknown branch code finds nothing', async () => {
    const res = await get('/api/v1/banks/0000/branches');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'payee.bank_not_found', status: 422 });
    expect((await get('/api/v1/banks/0001/branches?q=999')).json()).toEqual([]);
  });

  it.each([
    ['/api/v1/banks/1/branches', 'a bank code of one digit'],
    ['/api/v1/banks/abcd/branches', 'letters for a bank code'],
    [`/api/v1/banks?q=${'0'.repeat(41)}`, 'a query over 40 characters'],
    ['/api/v1/banks?q=1&limit=1000', 'an unknown query parameter'],
  ])('M8: %s (%s) is a 400 problem request.invalid', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'request.invalid', status: 400 });
  });

  it('A4: without a session the directory is 401 auth.required', async () => {
    for (const url of ['/api/v1/banks?q=0001', '/api/v1/banks/0001/branches']) {
      const res = await get(url, null);
      expect(res.statusCode, url).toBe(401);
      expect(res.json(), url).toMatchObject({ code: 'auth.required' });
    }
  });
});
