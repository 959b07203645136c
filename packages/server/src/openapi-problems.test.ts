import { type ErrorCode, isErrorCode } from '@kinko/core';
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undocumentedProblem } from './documented-problems.ts';
import { statusOf } from './plugins/problem-status.ts';
import { startServer, type TestServer } from './testing.ts';

interface ProblemSchema {
  allOf?: [{ $ref?: string }, { properties?: { code?: { enum?: string[] } } }];
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { description?: string; content?: Record<string, { schema?: ProblemSchema }> }>;
}

const stateChanging = new Set(['post', 'put', 'patch', 'delete']);

describe.each(testBackends())(
  'the OpenAPI document says every problem an operation answers, on $name',
  (backend) => {
    let s: TestServer;
    let ops: { where: string; method: string; path: string; op: Operation }[];
    beforeAll(async () => {
      s = await startServer(backend);
      const doc: { paths: Record<string, Record<string, Operation>> } = (
        await s.request('GET', '/api/openapi.json')
      ).json();
      ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
        Object.entries(byMethod).map(([method, op]) => ({ where: `${method} ${path}`, method, path, op })),
      );
    });
    afterAll(() => s.close());

    /** status → the codes its problem's `code` enumerates. */
    const problemsOf = (op: Operation) =>
      new Map(
        Object.entries(op.responses)
          .filter(([, r]) => r.content?.['application/problem+json'])
          .map(([status, r]) => [
            Number(status),
            r.content?.['application/problem+json']?.schema?.allOf?.[1]?.properties?.code?.enum ?? [],
          ]),
      );

    it('every operation has an operationId: present, camelCase and unique', () => {
      const ids = ops.map((o) => o.op.operationId);
      for (const [i, id] of ids.entries()) expect(id, ops[i]?.where).toMatch(/^[a-z][a-zA-Z0-9]*$/);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("every problem response is a Problem whose code enumerates codes of that status (the server's statusOf)", () => {
      for (const { where, op } of ops) {
        const byStatus = problemsOf(op);
        expect(byStatus.size, where).toBeGreaterThan(0);
        for (const [status, codes] of byStatus) {
          const schema = op.responses[String(status)]?.content?.['application/problem+json']?.schema;
          expect(schema?.allOf?.[0]?.$ref, where).toBe('#/components/schemas/Problem');
          expect(codes.length, `${where} ${status}`).toBeGreaterThan(0);
          for (const code of codes) {
            expect(isErrorCode(code), `${where}: ${code}`).toBe(true);
            expect(statusOf(code as ErrorCode), `${where}: ${code}`).toBe(status);
          }
        }
      }
    });

    it('every operation documents the codes its shape implies: its hooks, its method and its inputs', () => {
      const missing: string[] = [];
      for (const { where, method, path, op } of ops) {
        const expected: ErrorCode[] = ['server.internal'];
        const schemes = new Set((op.security ?? []).flatMap((s) => Object.keys(s)));
        if (op.parameters?.length || op.requestBody) expected.push('request.invalid');
        if (stateChanging.has(method))
          expected.push(
            'request.invalid',
            'request.too_large',
            'request.unsupported_media_type',
            'request.csrf',
          );
        if (schemes.has('customerSession'))
          expected.push('auth.required', 'auth.session_expired', 'contract.stopped');
        if (schemes.has('bankSession')) expected.push('auth.required', 'auth.session_expired', 'auth.locked');
        if (path.startsWith('/api/v1/admin/')) expected.push('auth.forbidden');
        const documented = problemsOf(op);
        for (const code of expected) {
          if (!documented.get(statusOf(code))?.includes(code))
            missing.push(`${where}: ${statusOf(code)} ${code}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('a problem a test receives is checked against its operation (testing.ts runs this on every answer)', () => {
      const problem = (status: number, code: string) => ({
        statusCode: status,
        headers: { 'content-type': 'application/problem+json; charset=utf-8' },
        body: JSON.stringify({ status, code }),
      });
      expect(
        undocumentedProblem(s.app, 'GET', '/api/v1/transfers/abc', problem(404, 'transfer.not_found')),
      ).toBe(undefined);
      expect(
        undocumentedProblem(s.app, 'GET', '/api/v1/transfers/abc?x=1', problem(409, 'transfer.not_pending')),
      ).toMatch(/GET \/api\/v1\/transfers\/abc answered 409 transfer.not_pending/);
      // A static path is matched before a parametric one.
      expect(
        undocumentedProblem(s.app, 'GET', '/api/v1/bank/audit/verify', problem(400, 'request.invalid')),
      ).toMatch(/does not document/);
      // No operation (an unknown path or method): the router's not_found, not an operation's.
      expect(undocumentedProblem(s.app, 'OPTIONS', '/api/v1/session', problem(404, 'route.not_found'))).toBe(
        undefined,
      );
    });
  },
);
