/**
 * SPEC §5 and A4 over a real TLS socket: Kinko given a certificate speaks HTTPS itself, with HSTS,
 * Secure session cookies and the Origin check against its own https origin. Before, there was no
 * TLS at all, so no browser session could be Secure.
 */
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { secrets, startServer, type TestServer } from './testing.ts';
import { listenOnLoopback, type Pem, send, throwawayCertificate } from './tls-testing.ts';

describe.each(testBackends())('A4 §5: TLS in the server itself on $name', (backend) => {
  let pem: Pem;
  let s: TestServer;
  let port: number;
  let base: string;
  beforeAll(async () => {
    pem = await throwawayCertificate();
    s = await startServer(backend, { server: { tls: pem } });
    port = await listenOnLoopback(s.app);
    base = `https://localhost:${port}`;
  });
  afterAll(() => s.close());

  it('§5: HTTPS answers under the given certificate, with HSTS on every response, problems too', async () => {
    const time = await send(`${base}/api/v1/time`, { ca: pem.cert });
    expect(time.status).toBe(200);
    expect(time.json().serverTime).toEqual(expect.any(Number));
    const missing = await send(`${base}/api/v1/nothing-here`, { ca: pem.cert });
    expect(missing.status).toBe(404);
    for (const res of [time, missing]) {
      expect(res.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    }
  });

  it('A4: a login from Origin https://localhost:<port> succeeds and its cookie is Secure', async () => {
    const res = await send(`${base}/api/v1/session`, {
      method: 'POST',
      ca: pem.cert,
      headers: { origin: base },
      body: { contractNumber: s.contractNumber, ...secrets.admin },
    });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(
      /^kinko_session=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
  });

  it('A4: over TLS an http:// or foreign Origin is still 403 request.csrf', async () => {
    for (const origin of [`http://localhost:${port}`, 'https://evil.example']) {
      const res = await send(`${base}/api/v1/session`, {
        method: 'POST',
        ca: pem.cert,
        headers: { origin },
        body: { contractNumber: s.contractNumber, ...secrets.admin },
      });
      expect(res.status).toBe(403);
      expect(res.json().code).toBe('request.csrf');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('§5: plain HTTP to the TLS port gets no HTTP answer', async () => {
    await expect(send(`http://localhost:${port}/api/v1/time`)).rejects.toThrow();
  });
});
