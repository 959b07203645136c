import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { testBackends } from '@kinko/store/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxPathParamLength } from './schemas.ts';
import { type Call, type Party, secrets, startServer, type TestServer } from './testing.ts';

/** Sends raw bytes, as a client the HTTP parser refuses would; resolves with the whole answer. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (d) => {
      answer += d;
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
    socket.end(bytes, 'latin1');
  });
}

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; body: string },
  status: number,
  code: string,
) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  if (res.body !== '')
    expect(JSON.parse(res.body)).toMatchObject({ status, code, type: expect.stringContaining(code) });
}

describe.each(testBackends())(
  'errors of the router and the HTTP parser are problems too, on $name',
  (backend) => {
    let s: TestServer;
    let admin: Party;
    let port: number;
    beforeAll(async () => {
      s = await startServer(backend);
      admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
      await s.app.listen({ port: 0, host: '127.0.0.1' });
      port = (s.app.server.address() as AddressInfo).port;
    });
    afterAll(() => s.close());

    const long = (n: number) => 'a'.repeat(n);
    const json = { 'content-type': 'application/json' };

    // [what, method, url, call, status, code]
    const table: [string, string, string, Call, number, string][] = [
      [
        'a malformed percent-encoding (FST_ERR_BAD_URL)',
        'GET',
        '/api/v1/transfers/%E0%A4%A',
        {},
        400,
        'request.invalid',
      ],
      [
        'a percent-encoded lone surrogate, not UTF-8',
        'GET',
        '/api/v1/transfers/%ED%A0%80',
        {},
        400,
        'request.invalid',
      ],
      [
        `a path id over ${maxPathParamLength} characters (FST_ERR_MAX_PARAM_LENGTH)`,
        'GET',
        `/api/v1/transfers/${long(maxPathParamLength + 1)}`,
        {},
        400,
        'request.invalid',
      ],
      [
        `a path id of ${maxPathParamLength} characters reaches core`,
        'GET',
        `/api/v1/transfers/${long(maxPathParamLength)}`,
        {},
        404,
        'transfer.not_found',
      ],
      [
        'a body that is not JSON (FST_ERR_CTP_INVALID_MEDIA_TYPE)',
        'POST',
        '/api/v1/otp/check',
        { payload: 'otp=123456', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        415,
        'request.unsupported_media_type',
      ],
      [
        'text/plain',
        'POST',
        '/api/v1/otp/check',
        { payload: '123456', headers: { 'content-type': 'text/plain' } },
        415,
        'request.unsupported_media_type',
      ],
      [
        'broken JSON (FST_ERR_CTP_INVALID_JSON_BODY)',
        'POST',
        '/api/v1/otp/check',
        { payload: '{"otp":', headers: json },
        400,
        'request.invalid',
      ],
      [
        'an empty JSON body (FST_ERR_CTP_EMPTY_JSON_BODY)',
        'POST',
        '/api/v1/otp/check',
        { payload: '', headers: json },
        400,
        'request.invalid',
      ],
      [
        'a body over the limit (FST_ERR_CTP_BODY_TOO_LARGE)',
        'POST',
        '/api/v1/otp/check',
        { payload: JSON.stringify({ otp: long(20_000) }), headers: json },
        413,
        'request.too_large',
      ],
      [
        'a content-length the body does not have (FST_ERR_CTP_INVALID_CONTENT_LENGTH)',
        'POST',
        '/api/v1/otp/check',
        { payload: '{"otp":"123456"}', headers: { ...json, 'content-length': '3' } },
        400,
        'request.invalid',
      ],
      [
        'a querystring key repeated',
        'GET',
        '/api/v1/transfers?status=pending&status=completed',
        {},
        400,
        'request.invalid',
      ],
      [
        'a querystring key the route does not know',
        'GET',
        '/api/v1/transfers?page=2',
        {},
        400,
        'request.invalid',
      ],
      ['OPTIONS (no CORS here)', 'OPTIONS', '/api/v1/session', {}, 404, 'route.not_found'],
      ['a method with no route (PROPFIND)', 'PROPFIND', '/api/v1/session', {}, 404, 'route.not_found'],
      ['an unknown path under /api', 'GET', '/api/v1/nope', {}, 404, 'route.not_found'],
      ['HEAD without a session', 'HEAD', '/api/v1/session', { as: undefined }, 401, 'auth.required'],
    ];

    it.each(table)('%s answers a problem', async (_what, method, url, call, status, code) => {
      const res = await s.request(method as 'GET', url, { as: admin, ...call });
      expectProblem(res as LightMyRequestResponse, status, code);
    });

    it("a body on GET is not read: the answer is the GET's, not a parse error", async () => {
      const res = await s.request('GET', '/api/v1/transfers', { as: admin, payload: '{', headers: json });
      expect(res.statusCode, res.body).toBe(200);
    });

    it('an over-long path id names the path parameters in errors, a bad encoding the URL', async () => {
      const res = await s.request('GET', `/api/v1/transfers/${long(maxPathParamLength + 1)}`, { as: admin });
      expect(res.json().errors).toEqual([
        { path: 'params', message: expect.stringContaining(`${maxPathParamLength}`) },
      ]);
      const bad = await s.request('GET', '/api/v1/transfers/%E0%A4%A', { as: admin });
      expect(bad.json().errors).toEqual([
        { path: 'url', message: expect.stringContaining('percent-encoding') },
      ]);
    });

    it('a router problem carries the headers every answer carries', async () => {
      const res = await s.request('GET', '/api/v1/transfers/%E0%A4%A', { as: admin });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    const parse = (answer: string) => {
      const [head = '', body = ''] = answer.split('\r\n\r\n');
      const [status = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      return { statusCode: Number(status.split(' ')[1]), headers, body };
    };

    it.each([
      ['an unknown method', 'FROB /api/v1/time HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'request.invalid'],
      [
        'a header value with a control character',
        'GET /api/v1/time HTTP/1.1\r\nHost: x\r\nX-A: a\x01b\r\n\r\n',
        400,
        'request.invalid',
      ],
      [
        'a content-length that is not a number',
        'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
        400,
        'request.invalid',
      ],
      [
        'both content-length and chunked (request smuggling)',
        'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        400,
        'request.invalid',
      ],
      [
        'a header section over 16 KiB',
        `GET /api/v1/time HTTP/1.1\r\nHost: x\r\nX-Big: ${long(20_000)}\r\n\r\n`,
        413,
        'request.too_large',
      ],
    ])('%s, refused by the HTTP parser, answers a problem', async (_what, bytes, status, code) => {
      const res = parse(await raw(port, bytes));
      expectProblem(res, status, code);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });

    it('a well-formed request over the same socket path still works (the raw client is sound)', async () => {
      const res = parse(await raw(port, 'GET /api/v1/time HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      expect(res.statusCode).toBe(200);
    });
  },
);
