import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Party, secrets, startServer, type TestServer } from './testing.ts';

/** JSON.stringify writes a lone surrogate as \udXXX, which JSON.parse turns back into one. */
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { 'content-type': 'application/json' },
});

const high = '\ud800';
const low = '\udc00';
const nul = 'a\u0000b';

describe.each(testBackends())(
  'strings that are not well-formed Unicode, or hold NUL, on $name',
  (backend) => {
    let s: TestServer;
    let admin: Party;
    let operator: Party;
    beforeAll(async () => {
      s = await startServer(backend);
      admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
      operator = await s.operatorLogin();
    });
    afterAll(() => s.close());

    it.each([
      ['a lone high surrogate in loginId', { loginId: high }, 'body.loginId'],
      ['a lone low surrogate in loginId', { loginId: `x${low}` }, 'body.loginId'],
      ['a high surrogate at the end of the password', { password: `pass${high}` }, 'body.password'],
      ['NUL in the contract number', { contractNumber: nul }, 'body.contractNumber'],
    ])(
      'login with %s is 400 request.invalid naming the field, and writes no audit record',
      async (_what, bad, path) => {
        const before = await s.counts();
        const body = { contractNumber: s.contractNumber, loginId: 'admin', password: 'x', ...bad };
        const res = await s.request('POST', '/api/v1/session', json(body));
        expect(res.statusCode, res.body).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().code).toBe('request.invalid');
        expect(res.json().errors).toContainEqual({
          path,
          message: expect.stringMatching(/well-formed Unicode/),
        });
        expect((await s.counts()).audit).toBe(before.audit);
      },
    );

    it('a lone surrogate deep in a body (the typed payee of a transfer) is refused the same way', async () => {
      const res = await s.request('POST', '/api/v1/transfers', {
        as: admin,
        ...json({
          fromAccountId: 'x',
          to: {
            kind: 'typed',
            bankCode: '0001',
            branchCode: '001',
            accountType: 'ordinary',
            accountNumber: '1234567',
            name: `ｶ)ﾃｽﾄ${low}`,
          },
          amount: 1000,
          valueDate: '2025-01-07',
        }),
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-unicode-1' },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'body.to.name' }));
    });

    it('NUL in a querystring value is 400 request.invalid naming the parameter', async () => {
      const res = await s.request('GET', '/api/v1/bank/audit?contractNumber=%00', { as: operator });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toContainEqual(
        expect.objectContaining({ path: 'querystring.contractNumber' }),
      );
    });

    it('NUL in a path parameter is 400 request.invalid naming the parameter', async () => {
      const res = await s.request('GET', '/api/v1/transfers/ab%00cd', { as: admin });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'params.id' }));
    });

    it('NUL in the Idempotency-Key header is 400 request.invalid naming the header', async () => {
      const res = await s.request('POST', '/api/v1/payees', {
        as: admin,
        payload: {
          bankCode: '0001',
          branchCode: '001',
          accountType: 'ordinary',
          accountNumber: '1',
          name: 'ｱ',
        },
        headers: { 'idempotency-key': 'k\u0000' },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors).toContainEqual(expect.objectContaining({ path: 'headers.idempotency-key' }));
    });

    it('non-BMP characters (𠮷, emoji) in free text are accepted and come back unchanged', async () => {
      const name = '𠮷野 花子 🙂👨‍👩‍👧';
      const created = await s.request('POST', '/api/v1/admin/users', {
        as: admin,
        payload: {
          loginId: 'kichi1',
          name,
          password: secrets.user.password,
          contractPin: secrets.contractPin,
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().name).toBe(name);
      const list = await s.request('GET', '/api/v1/admin/users', { as: admin });
      expect(list.json().users.map((u: { name: string }) => u.name)).toContain(name);
      const stored = await s.kinko.getContract(s.operatorActor, s.contractNumber);
      expect(stored.users.find((u) => u.loginId === 'kichi1')?.name).toBe(name);
    });
  },
);
