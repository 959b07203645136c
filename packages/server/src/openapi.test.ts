import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './testing.ts';

/** Every route of docs/http-api.md, in OpenAPI path syntax. */
const documented = [
  'get /api/v1/time',
  'post /api/v1/token/activations',
  'post /api/v1/token/otpauth',
  'get /api/v1/tokens/{serial}/status',
  'get /api/openapi.json',
  'post /api/v1/session',
  'get /api/v1/session',
  'post /api/v1/session/extend',
  'delete /api/v1/session',
  'post /api/v1/me/password',
  'get /api/v1/step-up',
  'post /api/v1/step-up',
  'post /api/v1/otp/check',
  'post /api/v1/me/alerts/{id}/acknowledge',
  'get /api/v1/admin/users',
  'post /api/v1/admin/users',
  'patch /api/v1/admin/users/{id}',
  'delete /api/v1/admin/users/{id}',
  'put /api/v1/admin/usage-mode',
  'get /api/v1/admin/usage-mode/impact',
  'post /api/v1/admin/token-registrations',
  'delete /api/v1/admin/token-registrations',
  'post /api/v1/admin/users/{id}/unlock',
  'post /api/v1/admin/users/{id}/card',
  'put /api/v1/admin/users/{id}/confirm-pin',
  'post /api/v1/bank/session',
  'get /api/v1/bank/session',
  'delete /api/v1/bank/session',
  'get /api/v1/bank/branches',
  'get /api/v1/bank/contracts',
  'post /api/v1/bank/contracts',
  'get /api/v1/bank/contracts/{number}',
  'post /api/v1/bank/contracts/{number}/restore-admin',
  'post /api/v1/bank/tokens/{serial}/revoke',
  'get /api/v1/bank/audit',
  'get /api/v1/bank/audit/verify',
  'get /api/v1/bank/audit.csv',
  'post /api/v1/transfers',
  'get /api/v1/transfers',
  'get /api/v1/transfers/{id}',
  'post /api/v1/transfers/{id}/confirm',
  'post /api/v1/transfers/{id}/cancel',
  'get /api/v1/payees',
  'post /api/v1/payees',
  'delete /api/v1/payees/{id}',
  'get /api/v1/banks',
  'get /api/v1/banks/{code}/branches',
  'get /api/v1/bank/contracts/{number}/payees',
  'post /api/v1/bank/contracts/{number}/payees',
  'delete /api/v1/bank/contracts/{number}/payees/{id}',
  'get /api/v1/bank/outbound',
  'get /api/v1/bank/outbound/export',
  'post /api/v1/bank/accounts',
  'get /api/v1/accounts',
  'get /api/v1/accounts/{id}/statement',
  'get /api/v1/accounts/{id}/statement.csv',
  'get /api/v1/admin/limits',
  'put /api/v1/admin/limits',
  'put /api/v1/admin/users/{id}/privileges',
  'put /api/v1/bank/contracts/{number}/limits',
  'get /api/v1/admin/approval-settings',
  'put /api/v1/admin/approval-settings',
  'get /api/v1/approvals',
  'post /api/v1/approvals/{id}/approve',
  'post /api/v1/approvals/{id}/return',
  'post /api/v1/approvals/{id}/cancel',
  'post /api/v1/approvals/{id}/withdraw',
  'get /api/v1/ca/certificate',
  'get /api/v1/ca/certificate.pem',
  'get /api/v1/ca/certificate.der',
  'get /api/v1/ca/crl',
  'post /api/v1/certificates/pickup',
  'post /api/v1/certificates/renewal',
  'get /api/v1/admin/certificates',
  'post /api/v1/admin/users/{id}/certificate-code',
  'post /api/v1/admin/certificates/{serial}/revocation',
  'get /api/v1/bank/contracts/{number}/certificates',
  'post /api/v1/bank/contracts/{number}/certificate-code',
  'post /api/v1/bank/certificates/{serial}/revocation',
];

interface Operation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, unknown>;
  parameters?: { name: string; in: string }[];
}

describe.each(testBackends())('OpenAPI document on $name', (backend) => {
  let s: TestServer;
  let doc: {
    openapi: string;
    info: { title: string };
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, unknown> };
  };
  beforeAll(async () => {
    s = await startServer(backend);
    const res = await s.request('GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => s.close());

  it('§4: GET /api/openapi.json is an OpenAPI 3.1 document titled Kinko', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBe('Kinko');
  });

  it('§4: it lists every route of the HTTP API, and no other', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    expect(listed.sort()).toEqual([...documented].sort());
  });

  it('every operation documents its success and an RFC 9457 problem; every body has a JSON schema', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(
          Object.keys(op.responses).some((k) => /^2\d\d$/.test(k)),
          where,
        ).toBe(true);
        expect(op.responses['500'], where).toMatchObject({
          content: {
            'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, {}] } },
          },
        });
        if (op.requestBody) expect(op.requestBody.content['application/json']?.schema, where).toBeDefined();
      }
    }
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Problem', 'UserView', 'ContractView', 'ActivationResult', 'AuditView']),
    );
  });

  it('T5: the activation body is {publicKey: object}, strict', () => {
    const schema =
      doc.paths['/api/v1/token/activations']?.post?.requestBody?.content['application/json']?.schema;
    expect(schema).toMatchObject({
      type: 'object',
      required: ['publicKey'],
      additionalProperties: false,
      properties: { publicKey: { type: 'object' } },
    });
  });

  it('path parameters and the audit query are documented', () => {
    const params = (path: string, method: string) =>
      (doc.paths[path]?.[method]?.parameters ?? []).map((p) => `${p.in}:${p.name}`).sort();
    expect(params('/api/v1/admin/users/{id}', 'patch')).toEqual(['path:id']);
    expect(params('/api/v1/bank/audit', 'get')).toEqual([
      'query:action',
      'query:actorId',
      'query:actorType',
      'query:contractNumber',
      'query:cursor',
      'query:from',
      'query:limit',
      'query:to',
    ]);
    expect(params('/api/v1/bank/audit.csv', 'get')).toEqual([
      'query:action',
      'query:actorId',
      'query:actorType',
      'query:contractNumber',
      'query:from',
      'query:lang',
      'query:to',
    ]);
    expect(params('/api/v1/tokens/{serial}/status', 'get')).toEqual(['path:serial']);
  });
});
