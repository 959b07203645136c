/**
 * Sessions (SPEC A4): the cookie carries an opaque token that core resolves (only its SHA-256
 * is stored). Each realm has its own cookie, so a customer session never opens the back office
 * and an operator session never opens the customer site (B1).
 */
import type { AnonymousActor, CustomerActor, KinkoApi, OperatorActor, SessionTiming } from '@kinko/core';
import { isKinkoError, KinkoError } from '@kinko/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';

const customerCookie = 'kinko_session';
const bankCookie = 'kinko_bank';

export type Realm = 'customer' | 'bank';
const cookieOf: Record<Realm, string> = { customer: customerCookie, bank: bankCookie };

export interface ResolvedSession {
  realm: Realm;
  token: string;
  csrfToken: string;
  /** A4: the idle timeout and what is left of it after this request. */
  timing: SessionTiming;
}

declare module 'fastify' {
  interface FastifyRequest {
    kinkoSession: ResolvedSession | null;
    customer: CustomerActor | null;
    operator: OperatorActor | null;
  }
}

/** Declares the per-request slots up front (Fastify keeps the request object's shape stable). */
export function decorateSessions(app: FastifyInstance): void {
  app.decorateRequest('kinkoSession', null);
  app.decorateRequest('customer', null);
  app.decorateRequest('operator', null);
}

export function anonymous(request: FastifyRequest): AnonymousActor {
  return { kind: 'anonymous', clientAddress: request.ip };
}

/** The customer established by `requireCustomer`; a route that calls this without it is a bug. */
export function customerOf(request: FastifyRequest): CustomerActor {
  if (!request.customer) throw new KinkoError('auth.required');
  return request.customer;
}

export function operatorOf(request: FastifyRequest): OperatorActor {
  if (!request.operator) throw new KinkoError('auth.required');
  return request.operator;
}

export function sessionOf(request: FastifyRequest): ResolvedSession {
  if (!request.kinkoSession) throw new KinkoError('auth.required');
  return request.kinkoSession;
}

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  realm: Realm,
  token: string,
): void {
  // A4: HttpOnly, SameSite=Strict, Secure under TLS (here, at a trusted proxy, or an https public
  // URL: plugins/transport.ts). No Expires: core enforces the idle and
  // absolute timeouts, and the browser drops the cookie when it closes.
  reply.setCookie(cookieOf[realm], token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.overTls,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, realm: Realm): void {
  reply.clearCookie(cookieOf[realm], {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: request.overTls,
  });
}

/**
 * A4 (issue 9 item 8): every answer in a session says how long the session has left after it,
 * in ms, so that the site can warn before the idle timeout whichever call came last.
 */
const SESSION_EXPIRES_IN_HEADER = 'Kinko-Session-Expires-In';
export function setSessionExpiresIn(reply: FastifyReply, timing: SessionTiming): void {
  reply.header(SESSION_EXPIRES_IN_HEADER, String(timing.expiresInMs));
}

export function sessionToken(request: FastifyRequest, realm: Realm): string | undefined {
  const token = request.cookies[cookieOf[realm]];
  return token === undefined || token === '' ? undefined : token;
}

async function resolve(kinko: KinkoApi, request: FastifyRequest, reply: FastifyReply, realm: Realm) {
  const token = sessionToken(request, realm);
  if (token === undefined) throw new KinkoError('auth.required', 'Log in first.');
  try {
    const resumed = await kinko.resumeSession(token, realm);
    request.kinkoSession = { realm, token, csrfToken: resumed.csrfToken, timing: resumed.timing };
    setSessionExpiresIn(reply, resumed.timing);
    return resumed;
  } catch (err) {
    // A dead session's cookie is of no further use; clear it with the 401.
    if (isKinkoError(err) && (err.code === 'auth.required' || err.code === 'auth.session_expired')) {
      clearSessionCookie(request, reply, realm);
    }
    throw err;
  }
}

/**
 * onRequest hook: resolves `kinko_session` into a CustomerActor. It runs before the body is
 * read, so a request without a session learns nothing from validation errors.
 */
export function requireCustomer(kinko: KinkoApi): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const s = await resolve(kinko, request, reply, 'customer');
    if (s.contractId === null) throw new KinkoError('auth.required');
    request.customer = {
      kind: 'customer',
      userId: s.subjectId,
      contractId: s.contractId,
      // Least privilege when core does not say.
      role: s.role ?? 'user',
      clientAddress: request.ip,
    };
  };
}

/** onRequest hook for the administrator's routes (R1): role admin, after requireCustomer. */
export const requireAdministrator: onRequestAsyncHookHandler = async (request) => {
  if (customerOf(request).role !== 'admin') {
    throw new KinkoError('auth.forbidden', 'Only the administrator may do this.');
  }
};

/** onRequest hook: resolves `kinko_bank` into an OperatorActor (B1). */
export function requireOperator(kinko: KinkoApi): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const s = await resolve(kinko, request, reply, 'bank');
    request.operator = { kind: 'operator', operatorId: s.subjectId, clientAddress: request.ip };
  };
}
