/** Security headers on every response, API, page and problem alike. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Also called by plugins/framework-errors.ts, whose answers run no onSend hook. */
export function setSecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('content-security-policy', contentSecurityPolicy);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'no-referrer');
  // API answers carry sessions, balances and CSRF tokens: never cached anywhere.
  if (request.url === '/api' || request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  // RFC 6797: browsers heed HSTS only over HTTPS, so it is sent when the browser's side is TLS
  // (plugins/transport.ts); two years, as the HSTS preload list asks.
  if (request.overTls) reply.header('strict-transport-security', 'max-age=63072000; includeSubDomains');
}

export function securityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(request, reply);
    return payload;
  });
}
