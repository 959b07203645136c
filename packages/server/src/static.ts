/**
 * The three web entries built by Vite (docs/http-api.md "Web"): the customer site at `/`, the
 * back office at `/bank`, the token app at `/token`. A path that is not a file falls back to its
 * entry's index.html so that client-side routes survive a reload; `/token` redirects to `/token/`.
 */
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type WebFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

const hasExtension = /\/[^/]*\.[^/]*$/;

function entryFor(path: string): string {
  if (path === '/bank' || path.startsWith('/bank/')) return 'bank/index.html';
  if (path === '/token' || path.startsWith('/token/')) return 'token/index.html';
  return 'index.html';
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function headersFor(rel: string, reply: FastifyReply): void {
  if (rel === 'token/sw.js') {
    // The service worker lives at /token/sw.js and controls /token/ only; revalidate it on
    // every load so a new version of the token app is picked up.
    reply.header('service-worker-allowed', '/token/');
    reply.header('cache-control', 'no-cache');
  } else if (rel.endsWith('.webmanifest')) {
    reply.header('content-type', 'application/manifest+json; charset=utf-8');
  } else if (rel.endsWith('.html')) {
    reply.header('cache-control', 'no-cache');
  } else if (rel.startsWith('assets/')) {
    // Vite names these after their content hash.
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  }
}

/**
 * Serves `webRoot` when it exists and returns the fallback for the not-found handler; when it
 * does not, GET / tells the operator how to build it and every other path is a 404.
 */
export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<WebFallback | null> {
  if (!existsSync(webRoot)) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Kinko server is running, but the web app is not built.\nRun `npm run build`, then restart.\n'),
    );
    return null;
  }
  // The printed URL is /token, but the service worker's scope is /token/ (T8): a page loaded as
  // /token is not controlled, so an offline reload of it fails. Send it where the worker works.
  app.get('/token', { schema: { hide: true } }, async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`/token/${query === -1 ? '' : request.url.slice(query)}`, 301);
  });
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    redirect: false,
    setHeaders: (reply, path) => headersFor(relative(webRoot, path).split(sep).join('/'), reply),
  });
  return (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path) || hasExtension.test(path)) return null;
    return reply.code(200).sendFile(entryFor(path));
  };
}
