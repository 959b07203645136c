/**
 * SPEC §5 and A4 behind a TLS-terminating proxy, over real sockets: with trustProxy naming the
 * proxy and publicOrigins the https:// origin browsers use, a browser's login through the proxy
 * passes the Origin check and gets a Secure cookie, and the activation limit counts each forwarded
 * client. Before, such a login was 403 request.csrf (Origin against the rewritten Host) and every
 * client behind the proxy shared the proxy's one allowance. X-Forwarded-* from any other peer count
 * for nothing.
 */
import { clientActivationKeys } from '@kinko/core';
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrets, startServer, type TestServer } from './testing.ts';
import {
  listenOnLoopback,
  type Pem,
  send,
  startTlsProxy,
  type TlsProxy,
  throwawayCertificate,
} from './tls-testing.ts';

const login = (s: TestServer) => ({ contractNumber: s.contractNumber, ...secrets.admin });

describe.each(testBackends())('A4 §5: behind a trusted TLS-terminating proxy on $name', (backend) => {
  let pem: Pem;
  let proxy: TlsProxy;
  let s: TestServer;
  let origin: string;
  beforeAll(async () => {
    pem = await throwawayCertificate();
    proxy = await startTlsProxy(pem);
    origin = `https://localhost:${proxy.port}`;
    s = await startServer(backend, {
      server: {
        trustProxy: ['127.0.0.1'],
        publicOrigins: [origin],
        activationRateLimit: { max: 2, timeWindowMs: 60_000 },
      },
    });
    proxy.forwardTo(await listenOnLoopback(s.app));
  });
  afterAll(async () => {
    await proxy.close();
    await s.close();
  });

  it("A4 §5: a browser's login through the proxy with Origin https://… succeeds, Secure cookie and HSTS", async () => {
    const res = await send(`${origin}/api/v1/session`, {
      method: 'POST',
      ca: pem.cert,
      localAddress: '127.0.0.2',
      headers: { origin },
      body: login(s),
    });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);

    const foreign = await send(`${origin}/api/v1/session`, {
      method: 'POST',
      ca: pem.cert,
      headers: { origin: 'https://evil.example' },
      body: login(s),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json().code).toBe('request.csrf');
  });

  it('§5: activations are limited per forwarded client: N+1 from one are refused, another has its own', async () => {
    const activate = async (localAddress: string) => {
      const keys = await clientActivationKeys();
      return send(`${origin}/api/v1/token/activations`, {
        method: 'POST',
        ca: pem.cert,
        localAddress,
        body: { publicKey: keys.publicKey },
      });
    };
    expect((await activate('127.0.0.4')).status).toBe(201);
    expect((await activate('127.0.0.4')).status).toBe(201);
    const limited = await activate('127.0.0.4');
    expect(limited.status).toBe(429);
    expect(limited.json().code).toBe('request.rate_limited');
    // The proxy's own address is the same for both; the forwarded client's is not.
    expect((await activate('127.0.0.5')).status).toBe(201);
    expect((await activate('127.0.0.5')).status).toBe(201);
  });
});

describe.each(testBackends())('A4 §5: X-Forwarded-* count only from a trusted proxy on $name', (backend) => {
  let s: TestServer;
  let base: string;
  // What a client on 127.0.0.1 sends directly, posing as the proxy's request.
  const forged = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'localhost' };
  beforeAll(async () => {
    s = await startServer(backend, {
      server: { trustProxy: ['192.0.2.1'], activationRateLimit: { max: 1, timeWindowMs: 60_000 } },
    });
    base = `http://localhost:${await listenOnLoopback(s.app)}`;
  });
  afterAll(() => s.close());

  it('A4: Origin https://… with a forged X-Forwarded-Proto is 403 request.csrf; no Secure, no HSTS', async () => {
    const res = await send(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { ...forged, origin: base.replace('http:', 'https:') },
      body: login(s),
    });
    expect(res.status).toBe(403);
    expect(res.json().code).toBe('request.csrf');

    const plain = await send(`${base}/api/v1/session`, { method: 'POST', headers: forged, body: login(s) });
    expect(plain.status).toBe(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('§5: the activation limit is keyed by the peer, whatever X-Forwarded-For claims', async () => {
    const activate = async (claimed: string) => {
      const keys = await clientActivationKeys();
      return send(`${base}/api/v1/token/activations`, {
        method: 'POST',
        headers: { 'x-forwarded-for': claimed },
        body: { publicKey: keys.publicKey },
      });
    };
    expect((await activate('203.0.113.1')).status).toBe(201);
    expect((await activate('203.0.113.2')).status).toBe(429);
  });

  it('A4: the same forged headers from a peer that is trusted do count (the control)', async () => {
    const trusting = await startServer(backend, { server: { trustProxy: ['127.0.0.1'] } });
    try {
      const port = await listenOnLoopback(trusting.app);
      const res = await send(`http://localhost:${port}/api/v1/session`, {
        method: 'POST',
        headers: { ...forged, origin: 'https://localhost' },
        body: login(trusting),
      });
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await trusting.close();
    }
  });
});

describe.each(testBackends())('A4: an https public URL makes cookies Secure on $name', (backend) => {
  it('A4: with publicOrigins https://…, a login that reached Kinko over plain HTTP still gets a Secure cookie', async () => {
    const s = await startServer(backend, { server: { publicOrigins: ['https://ib.example-shinkin.jp'] } });
    try {
      const accepted = await s.request('POST', '/api/v1/session', {
        headers: { origin: 'https://ib.example-shinkin.jp' },
        payload: login(s),
      });
      expect(accepted.statusCode).toBe(200);
      expect(String(accepted.headers['set-cookie'])).toMatch(/; Secure/);
      // The public origin replaces the request's own: Origin http://localhost is now foreign.
      const own = await s.request('POST', '/api/v1/session', {
        headers: { origin: 'http://localhost' },
        payload: login(s),
      });
      expect(own.statusCode).toBe(403);
      expect(own.json().code).toBe('request.csrf');
    } finally {
      await s.close();
    }
  });
});
