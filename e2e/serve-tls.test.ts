/**
 * SPEC §5, A4 through the real `kinko serve`: before, it had no TLS option and no trust-proxy
 * setting, so behind a TLS-terminating proxy a browser's login was 403 request.csrf, cookies were
 * never Secure, and every client behind the proxy shared one activation allowance.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientActivationKeys, demoBank } from '@kinko/core';
import {
  type Pem,
  send,
  startTlsProxy,
  type TlsProxy,
  throwawayCertificate,
} from '@kinko/server/tls-testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Backend,
  backendNames,
  kinkoCli,
  kinkoRun,
  makeBackend,
  type RunningServer,
  startServer,
} from './harness.ts';

const adminLogin = {
  contractNumber: demoBank.contract.contractNumber,
  loginId: 'admin',
  password: 'adminpass1',
};

interface Files {
  dir: string;
  cert: string;
  key: string;
  otherKey: string;
}

function writePems(pem: Pem, other: Pem): Files {
  const dir = mkdtempSync(join(tmpdir(), 'kinko-tls-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text, { mode: 0o600 });
    return join(dir, name);
  };
  return {
    dir,
    cert: file('cert.pem', pem.cert),
    key: file('key.pem', pem.key),
    otherKey: file('other.pem', other.key),
  };
}

const activate = async (
  url: string,
  o: { ca?: string; localAddress?: string; headers?: Record<string, string> },
) =>
  send(`${url}/api/v1/token/activations`, {
    method: 'POST',
    ...o,
    body: { publicKey: (await clientActivationKeys()).publicKey },
  });

describe('A4 §5: kinko serve refuses bad TLS and proxy options with one clear line', () => {
  let backend: Backend;
  let files: Files;
  beforeAll(async () => {
    backend = await makeBackend('sqlite');
    files = writePems(await throwawayCertificate(), await throwawayCertificate());
  });
  afterAll(async () => {
    rmSync(files.dir, { recursive: true, force: true });
    await backend.cleanup();
  });

  test('§5: a lone, unreadable, invalid or mismatched certificate or key, and unsafe proxy trust, exit 2', async () => {
    // One of each kind through the real CLI; serve-options.test.ts has every case of each.
    const cases: [string[], Record<string, string>, RegExp][] = [
      [['--tls-cert', files.cert], {}, /--tls-cert and --tls-key go together/],
      [['--tls-cert', files.cert, '--tls-key', files.otherKey], {}, /is not the key of the certificate/],
      [['--tls-cert', join(files.dir, 'none.pem'), '--tls-key', files.key], {}, /cannot read it \(ENOENT\)/],
      [['--trust-proxy', 'true'], {}, /"true" and hop counts/],
      [[], { KINKO_TRUST_PROXY: 'true' }, /from env 'KINKO_TRUST_PROXY' is invalid/],
      [['--public-url', 'https://ib.example-shinkin.jp/ib'], {}, /an origin only/],
      [['--activation-rate-limit', '10'], {}, /N\/MINUTES/],
    ];
    const runs = await Promise.all(
      cases.map(([args, env]) =>
        kinkoRun({ ...backend, env: { ...backend.env, ...env } }, ['serve', ...args]),
      ),
    );
    runs.forEach((r, i) => {
      const [args, env, message] = cases[i] ?? [[], {}, /$^/];
      const what = `${args.join(' ')} ${JSON.stringify(env)}`;
      expect(r.code, what).toBe(2);
      expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
      expect(r.stderr, what).toMatch(message);
      expect(r.stdout, what).not.toMatch(/listening/);
    });
    // Seven CLI processes at once on two shared cores: more than the default minute may pass.
  }, 180_000);
});

describe.each(backendNames())('A4 §5: kinko serve on %s', (name) => {
  let backend: Backend;
  let pem: Pem;
  let files: Files;
  beforeAll(async () => {
    backend = await makeBackend(name);
    await kinkoCli(backend, ['demo', '--no-serve']);
    pem = await throwawayCertificate();
    files = writePems(pem, await throwawayCertificate());
  });
  afterAll(async () => {
    rmSync(files.dir, { recursive: true, force: true });
    await backend?.cleanup();
  });

  describe('with --tls-cert and --tls-key', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(backend, {}, ['--tls-cert', files.cert, '--tls-key', files.key]);
    });
    afterAll(() => server?.stop());

    test('§5 A4: HTTPS with HSTS; a login from its own https origin succeeds with a Secure cookie', async () => {
      expect(server.url).toMatch(/^https:\/\/localhost:\d+$/);
      const res = await send(`${server.url}/api/v1/session`, {
        method: 'POST',
        ca: pem.cert,
        headers: { origin: server.url },
        body: adminLogin,
      });
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; HttpOnly; Secure; SameSite=Strict$/);
      expect(res.headers['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
      await expect(send(`${server.url.replace('https:', 'http:')}/api/v1/time`)).rejects.toThrow();
    });
  });

  describe('behind a TLS-terminating proxy with --trust-proxy and --public-url', () => {
    let proxy: TlsProxy;
    let server: RunningServer;
    let origin: string;
    beforeAll(async () => {
      proxy = await startTlsProxy(pem);
      origin = `https://localhost:${proxy.port}`;
      server = await startServer(backend, {}, [
        '--trust-proxy',
        '127.0.0.1',
        '--public-url',
        origin,
        '--activation-rate-limit',
        '2/1',
      ]);
      proxy.forwardTo(Number(new URL(server.url).port));
    });
    afterAll(async () => {
      await proxy?.close();
      await server?.stop();
    });

    test("A4 §5: a browser's login through the proxy with Origin https://… succeeds with a Secure cookie", async () => {
      const res = await send(`${origin}/api/v1/session`, {
        method: 'POST',
        ca: pem.cert,
        localAddress: '127.0.0.2',
        headers: { origin },
        body: adminLogin,
      });
      expect(res.status).toBe(200);
      expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    });

    test('§5: N+1 activations from one forwarded client are limited; another client has its own allowance', async () => {
      const from = (localAddress: string) => activate(origin, { ca: pem.cert, localAddress });
      expect((await from('127.0.0.4')).status).toBe(201);
      expect((await from('127.0.0.4')).status).toBe(201);
      const limited = await from('127.0.0.4');
      expect(limited.status).toBe(429);
      expect(limited.json().code).toBe('request.rate_limited');
      expect((await from('127.0.0.5')).status).toBe(201);
    });
  });

  describe('X-Forwarded-* from a peer that --trust-proxy does not name', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startServer(backend, {}, [
        '--trust-proxy',
        '192.0.2.1',
        '--activation-rate-limit',
        '1/1',
      ]);
    });
    afterAll(() => server?.stop());

    test('A4 §5: count for nothing: Origin https://… is 403 request.csrf and the limit keys on the peer', async () => {
      const forged = { 'x-forwarded-proto': 'https', 'x-forwarded-host': new URL(server.url).host };
      const res = await send(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { ...forged, origin: server.url.replace('http:', 'https:') },
        body: adminLogin,
      });
      expect(res.status).toBe(403);
      expect(res.json().code).toBe('request.csrf');
      expect((await activate(server.url, { headers: { 'x-forwarded-for': '203.0.113.1' } })).status).toBe(
        201,
      );
      expect((await activate(server.url, { headers: { 'x-forwarded-for': '203.0.113.2' } })).status).toBe(
        429,
      );
    });
  });
});
