/*
 * Kinko token app service worker (scope /token/): keeps the app shell so the token shows its
 * code offline. The OTP itself needs no network: the key is in IndexedDB, the clock offset too.
 *   - pages under /token/: network first, the cached shell when offline;
 *   - built assets (/assets/…, hashed names) and the shell's static files: cache first;
 *   - /api/: network first, and never answered from a stale copy — a replayed /api/v1/time would
 *     skew the clock offset (T8) — so offline it gets a 503 problem the app already handles.
 */
const CACHE = 'kinko-token-v1';
const SHELL = [
  '/token/',
  '/token/manifest.webmanifest',
  '/token/icon.svg',
  '/token/icon-192.png',
  '/token/icon-512.png',
  '/token/icon-maskable-512.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      // The built assets have hashed names: read them from the shell page itself.
      const page = await cache.match('/token/');
      if (page) {
        const html = await page.text();
        const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
        await Promise.allSettled(assets.map((url) => cache.add(url)));
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('kinko-token-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

function offlineProblem() {
  const body = JSON.stringify({
    type: 'about:blank',
    title: 'Offline',
    status: 503,
    code: 'network',
    detail: 'offline',
  });
  return new Response(body, { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
}

async function networkFirstPage(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/token/', response.clone());
    return response;
  } catch {
    return (await cache.match('/token/')) ?? offlineProblem();
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(fetch(request).catch(offlineProblem));
  } else if (request.mode === 'navigate' && url.pathname.startsWith('/token')) {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith('/assets/') || SHELL.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});
