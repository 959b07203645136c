import { generateKeyPairSync } from 'node:crypto';
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrets, startServer, T0, type TestServer } from './testing.ts';

const problemType = 'application/problem+json; charset=utf-8';

function p256Jwk(): { kty: string; crv: string; x: string; y: string; d: string } {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'jwk' }) as {
    kty: string;
    crv: string;
    x: string;
    y: string;
    d: string;
  };
}

function publicOf(jwk: ReturnType<typeof p256Jwk>) {
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/** The same point with one bit of y flipped: almost surely not on the curve. */
function offCurve(jwk: ReturnType<typeof p256Jwk>) {
  const y = Buffer.from(jwk.y, 'base64url');
  y[31] = (y[31] ?? 0) ^ 1;
  return { ...publicOf(jwk), y: y.toString('base64url') };
}

describe.each(testBackends())('public endpoints on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    // The rate limit has its own tests below.
    s = await startServer(backend, { server: { activationRateLimit: { max: 1000, timeWindowMs: 60_000 } } });
  });
  afterAll(() => s.close());

  it('GET /api/v1/time answers the server clock (T8)', async () => {
    const res = await s.request('GET', '/api/v1/time');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ serverTime: T0 });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('T5: activation answers 201 with an SKTS serial and the server P-256 public key', async () => {
    const before = await s.counts();
    const jwk = publicOf(p256Jwk());
    const res = await s.request('POST', '/api/v1/token/activations', { payload: { publicKey: jwk } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual([
      'algorithm',
      'digits',
      'period',
      'serial',
      'serverPublicKey',
      'serverTime',
    ]);
    expect(body).toMatchObject({ serverTime: T0, period: 30, digits: 6, algorithm: 'SHA1' });
    expect(body.serial).toMatch(/^SKTS[0-9A-Z]{8}$/);
    expect(body.serverPublicKey).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      y: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect((await s.counts()).tokens).toBe(before.tokens + 1);
  });

  it('T5: the seed the app derives (ECDH + HKDF) is the server seed, so its TOTP registers the token', async () => {
    const token = await s.activate();
    const admin = await s.login(s.contractNumber, secrets.admin.loginId, secrets.admin.password);
    const me = (await s.request('GET', '/api/v1/session', { as: admin })).json().me;
    const res = await s.request('POST', '/api/v1/admin/token-registrations', {
      as: admin,
      payload: {
        serial: token.serial,
        otp: token.code(),
        contractPin: secrets.contractPin,
        userIds: [me.user.id],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const registered = res.json().users.find((u: { id: string }) => u.id === me.user.id);
    expect(registered).toMatchObject({ serial: token.serial, tokenStatus: 'registered', tokenActive: true });
  });

  describe('T5: a malformed public key answers 400 and creates nothing', () => {
    const key = p256Jwk();
    const { y: _y, ...withoutY } = publicOf(key);
    it.each([
      { what: 'a JWK without y', publicKey: withoutY as unknown, code: 'activation.bad_public_key' },
      {
        what: 'a P-384 curve name',
        publicKey: { ...publicOf(key), crv: 'P-384' } as unknown,
        code: 'activation.bad_public_key',
      },
      {
        what: 'an RSA key type',
        publicKey: { ...publicOf(key), kty: 'RSA' } as unknown,
        code: 'activation.bad_public_key',
      },
      {
        what: 'x that is not base64url',
        publicKey: { ...publicOf(key), x: '!!not*base64url!!' } as unknown,
        code: 'activation.bad_public_key',
      },
      {
        what: 'x of the wrong length',
        publicKey: { ...publicOf(key), x: Buffer.alloc(31, 7).toString('base64url') } as unknown,
        code: 'activation.bad_public_key',
      },
      {
        what: 'a point not on the curve',
        publicKey: offCurve(key) as unknown,
        code: 'activation.bad_public_key',
      },
      { what: 'a private key (d present)', publicKey: key as unknown, code: 'activation.bad_public_key' },
      { what: 'an empty object', publicKey: {} as unknown, code: 'activation.bad_public_key' },
      { what: 'a string instead of a JWK', publicKey: 'BASE64KEY' as unknown, code: 'request.invalid' },
      { what: 'null', publicKey: null as unknown, code: 'request.invalid' },
    ])('$what → $code', async ({ publicKey, code }) => {
      const before = await s.counts();
      const res = await s.request('POST', '/api/v1/token/activations', { payload: { publicKey } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toBe(problemType);
      expect(res.json()).toMatchObject({ status: 400, code, type: `https://kinko.example/problems/${code}` });
      expect(await s.counts()).toEqual(before);
    });

    it('a body without publicKey, or with another key too, is request.invalid with errors', async () => {
      for (const payload of [{}, { publicKey: publicOf(key), serial: 'SKTS00000000' }]) {
        const before = await s.counts();
        const res = await s.request('POST', '/api/v1/token/activations', { payload });
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'request.invalid', instance: '/api/v1/token/activations' });
        expect(res.json().errors).toEqual([
          { path: expect.stringMatching(/^body/), message: expect.any(String) },
        ]);
        expect(await s.counts()).toEqual(before);
      }
    });
  });

  describe('the request envelope: JSON only, at most 16 KiB, each refusal a problem that writes nothing', () => {
    const publicKey = publicOf(p256Jwk());
    it.each([
      {
        what: 'text/plain',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ publicKey }),
        status: 415,
        code: 'request.unsupported_media_type',
      },
      {
        what: 'a form',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'publicKey=x',
        status: 415,
        code: 'request.unsupported_media_type',
      },
      {
        what: 'multipart',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload: '--x--',
        status: 415,
        code: 'request.unsupported_media_type',
      },
      {
        what: 'no content type',
        headers: {},
        payload: JSON.stringify({ publicKey }),
        status: 415,
        code: 'request.unsupported_media_type',
      },
      {
        what: 'invalid JSON',
        headers: { 'content-type': 'application/json' },
        payload: '{"publicKey": ',
        status: 400,
        code: 'request.invalid',
      },
      {
        what: 'an empty JSON body',
        headers: { 'content-type': 'application/json' },
        payload: '',
        status: 400,
        code: 'request.invalid',
      },
      {
        what: 'a body over 16 KiB',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ publicKey: { ...publicKey, pad: 'x'.repeat(17 * 1024) } }),
        status: 413,
        code: 'request.too_large',
      },
    ])('$what → $status $code', async ({ headers, payload, status, code }) => {
      const before = await s.counts();
      const res = await s.request('POST', '/api/v1/token/activations', { headers, payload });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toBe(problemType);
      expect(res.json()).toMatchObject({
        status,
        code,
        title: expect.any(String),
        detail: expect.any(String),
      });
      expect(await s.counts()).toEqual(before);
    });
  });

  it('T9 off: POST /api/v1/token/otpauth answers 404 activation.otpauth_disabled and creates nothing', async () => {
    const before = await s.counts();
    const res = await s.request('POST', '/api/v1/token/otpauth', { payload: { label: 'phone' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'activation.otpauth_disabled' });
    expect(await s.counts()).toEqual(before);
  });

  it('an unknown API path is a 404 not_found problem', async () => {
    const res = await s.request('GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toBe(problemType);
    expect(res.json()).toEqual({
      type: 'https://kinko.example/problems/route.not_found',
      title: 'Not found',
      status: 404,
      code: 'route.not_found',
      detail: 'No such resource.',
      instance: '/api/v1/nothing-here',
    });
  });

  it('every response carries the security headers; problems too', async () => {
    for (const res of [await s.request('GET', '/api/v1/time'), await s.request('GET', '/api/v1/session')]) {
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });
});

describe.each(testBackends())('T9 on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend, { config: { otpauthEnabled: true } });
  });
  afterAll(() => s.close());

  it('T9: POST /api/v1/token/otpauth answers 201 with a serial and an otpauth:// URI', async () => {
    const res = await s.request('POST', '/api/v1/token/otpauth', { payload: { label: 'phone' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      serial: expect.stringMatching(/^SKTS[0-9A-Z]{8}$/),
      uri: expect.stringMatching(/^otpauth:\/\/totp\//),
    });
  });
});

describe.each(testBackends())('activation rate limit on $name', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend, { server: { activationRateLimit: { max: 2, timeWindowMs: 60_000 } } });
  });
  afterAll(() => s.close());

  it('per client address: the third activation within the window is 429 request.rate_limited with Retry-After', async () => {
    const from = (remoteAddress: string) =>
      s.request('POST', '/api/v1/token/activations', {
        remoteAddress,
        payload: { publicKey: publicOf(p256Jwk()) },
      });
    expect((await from('203.0.113.1')).statusCode).toBe(201);
    expect((await from('203.0.113.1')).statusCode).toBe(201);
    const before = await s.counts();
    const limited = await from('203.0.113.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toBe(problemType);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({
      status: 429,
      code: 'request.rate_limited',
      type: 'https://kinko.example/problems/request.rate_limited',
      retryAfter: expect.any(Number),
    });
    expect(await s.counts()).toEqual(before);
    // Another address has its own budget; other endpoints are not limited.
    expect((await from('203.0.113.2')).statusCode).toBe(201);
    expect((await s.request('GET', '/api/v1/time', { remoteAddress: '203.0.113.1' })).statusCode).toBe(200);
  });

  it('malformed attempts count too: the limit bounds guessing, not only successes', async () => {
    const bad = () =>
      s.request('POST', '/api/v1/token/otpauth', { remoteAddress: '203.0.113.9', payload: { label: 'x' } });
    expect((await bad()).statusCode).toBe(404);
    expect((await bad()).statusCode).toBe(404);
    expect((await bad()).statusCode).toBe(429);
  });
});
