/**
 * Where the browser's connection is encrypted (SPEC §5, A4): in `kinko serve` itself, or at a
 * TLS-terminating proxy that the configuration trusts. Session cookies get `Secure` and responses
 * get HSTS exactly when the browser's side of the connection is HTTPS.
 */
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The browser reached Kinko over HTTPS: TLS in this process, X-Forwarded-Proto https from a
     * trusted proxy (request.protocol covers both), or the configured public URL is https.
     */
    readonly overTls: boolean;
  }
}

/**
 * The origin of a public URL (what browsers send as Origin), or a TypeError saying what is wrong.
 * A path would suggest Kinko can live under a prefix, which it cannot (its pages and API are at /).
 */
export function publicOrigin(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TypeError(`${url} is not a URL (e.g. https://ib.example-shinkin.jp)`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new TypeError(`${url}: a public URL is https:// (or http://)`);
  }
  if (u.username !== '' || u.password !== '')
    throw new TypeError(`${url}: a public URL has no user or password`);
  if (u.pathname !== '/' || u.search !== '' || u.hash !== '') {
    throw new TypeError(`${url}: a public URL is an origin only, with no path, query or fragment`);
  }
  return u.origin;
}

/**
 * The trusted proxies of a comma-separated list: IPv4/IPv6 addresses, CIDR ranges, or
 * proxy-addr's names loopback, linklocal and uniquelocal. A bare `true` (every peer) and hop counts
 * are refused: `true` lets any client that reaches the port forge its address and protocol, and
 * Fastify 5 ignores forwarded headers altogether under a hop count.
 */
export function trustedProxies(spec: string): string[] {
  const entries = spec.split(',').map((s) => s.trim());
  if (entries.some((e) => e === 'true' || /^\d+$/.test(e))) {
    throw new TypeError(
      `${spec}: name the proxies' addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16); "true" and hop counts would trust every peer or none`,
    );
  }
  try {
    // The parser Fastify itself uses, so what passes here is what Fastify trusts.
    proxyAddr.compile(entries);
  } catch (e) {
    throw new TypeError(`${spec}: ${(e as Error).message}`);
  }
  return entries;
}

export function decorateTransport(app: FastifyInstance, o: { publicOrigins?: readonly string[] }): void {
  const publicHttps = o.publicOrigins?.some((origin) => origin.startsWith('https:')) ?? false;
  app.decorateRequest('overTls', {
    getter(this: FastifyRequest) {
      return publicHttps || this.protocol === 'https';
    },
  });
}
