import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackends } from '@kinko/store/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './testing.ts';

const [backend] = testBackends();
if (!backend) throw new Error('no test backend');

async function fakeWebBuild(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'kinko-web-'));
  await mkdir(join(root, 'bank'));
  await mkdir(join(root, 'token'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>customer</title>');
  await writeFile(join(root, 'bank', 'index.html'), '<!doctype html><title>bank</title>');
  await writeFile(join(root, 'token', 'index.html'), '<!doctype html><title>token</title>');
  await writeFile(join(root, 'token', 'sw.js'), 'self.addEventListener("fetch", () => {});');
  await writeFile(
    join(root, 'token', 'manifest.webmanifest'),
    '{"name":"Kinko token","start_url":"/token/"}',
  );
  await writeFile(join(root, 'assets', 'app-3f2a1b.js'), 'console.log(1);');
  return root;
}

describe('the web entries (packages/web/dist)', () => {
  let s: TestServer;
  let root: string;
  beforeAll(async () => {
    root = await fakeWebBuild();
    s = await startServer(backend, { server: { webRoot: root } });
  });
  afterAll(async () => {
    await s.close();
    await rm(root, { recursive: true, force: true });
  });

  const title = (body: string) => /<title>(\w+)<\/title>/.exec(body)?.[1];

  it.each([
    ['/', 'customer'],
    ['/transfers/new', 'customer'],
    ['/bank', 'bank'],
    ['/bank/', 'bank'],
    ['/bank/contracts/12345678901', 'bank'],
    ['/token/', 'token'],
    ['/token/settings', 'token'],
  ])('GET %s serves the %s entry', async (url, entry) => {
    const res = await s.request('GET', url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(title(res.body)).toBe(entry);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('9.10 T8: /token (the printed URL) redirects to /token/, inside the service worker scope, keeping the query', async () => {
    for (const [url, to] of [
      ['/token', '/token/'],
      ['/token?from=print', '/token/?from=print'],
    ] as const) {
      const res = await s.request('GET', url);
      expect(res.statusCode).toBe(301);
      expect(res.headers.location).toBe(to);
    }
  });

  it('T8: the token service worker may control /token/ and is revalidated on every load', async () => {
    const res = await s.request('GET', '/token/sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['service-worker-allowed']).toBe('/token/');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('the web app manifest is application/manifest+json', async () => {
    const res = await s.request('GET', '/token/manifest.webmanifest');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(res.json().start_url).toBe('/token/');
  });

  it('hashed assets are cached for good', async () => {
    const res = await s.request('GET', '/assets/app-3f2a1b.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('a missing file is a 404 problem, not an entry page', async () => {
    const res = await s.request('GET', '/assets/missing.js');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('an unknown API path stays a 404 problem', async () => {
    const res = await s.request('GET', '/api/v1/unknown');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });

  it('a non-GET to a web path is a 404 problem', async () => {
    const res = await s.request('POST', '/bank/contracts', { payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });

  it('the API is still served in front of the wildcard', async () => {
    expect((await s.request('GET', '/api/v1/time')).json()).toHaveProperty('serverTime');
  });
});

describe('without a web build', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer(backend, { server: { webRoot: join(tmpdir(), 'kinko-no-such-dir') } });
  });
  afterAll(() => s.close());

  it('GET / says to run npm run build', async () => {
    const res = await s.request('GET', '/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body).toContain('npm run build');
  });

  it('other pages are 404 problems', async () => {
    const res = await s.request('GET', '/bank');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });
});
