/**
 * CSRF defences (SPEC A4), two layers: a synchroniser token (X-CSRF-Token must equal the
 * session's csrfToken) on every state-changing request within a session, and an Origin check
 * on every state-changing request, login included (login CSRF).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { KinkoError } from '@kinko/core';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';

const csrfHeader = 'x-csrf-token';
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isStateChanging(method: string): boolean {
  return stateChanging.has(method);
}

/** Constant-time equality; hashing first makes the lengths equal, so length leaks nothing. */
function safeEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** onRequest hook, after the session hook: the session's token must be echoed in a header. */
export async function requireCsrfToken(request: FastifyRequest): Promise<void> {
  if (!isStateChanging(request.method)) return;
  const expected = request.kinkoSession?.csrfToken;
  const given = request.headers[csrfHeader];
  if (expected === undefined || typeof given !== 'string' || !safeEqual(given, expected)) {
    throw new KinkoError('request.csrf', 'Missing or wrong X-CSRF-Token header.');
  }
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * onRequest hook for the whole server: a browser's cross-site write is refused outright. The
 * request's own origin is its protocol and Host (forwarded ones only from trusted proxies); with
 * public origins configured (a proxy that rewrites Host, several names) those are the accepted ones.
 */
export function requireSameOrigin(publicOrigins?: readonly string[]): onRequestAsyncHookHandler {
  const accepted = publicOrigins === undefined || publicOrigins.length === 0 ? null : new Set(publicOrigins);
  return async (request) => {
    if (!isStateChanging(request.method)) return;
    const origin = request.headers.origin;
    // Native apps and the CLI send no Origin; within a session the CSRF token still applies.
    if (origin === undefined) return;
    const given = originOf(origin);
    const ok =
      given !== null &&
      (accepted === null ? given === originOf(`${request.protocol}://${request.host}`) : accepted.has(given));
    if (!ok) throw new KinkoError('request.csrf', 'Cross-origin request refused.');
  };
}
