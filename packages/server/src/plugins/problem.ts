/**
 * RFC 9457 problem details for every error (SPEC §4, STYLE habit 5): a KinkoError's code is
 * mapped once, here, to a status (problem-status.ts) and a problem body; Fastify's own errors (validation, content
 * type, body size, rate limit, unknown route) are mapped to the matching request.* code.
 */
import { STATUS_CODES } from 'node:http';
import { type ErrorCode, isErrorCode, isKinkoError } from '@kinko/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defaultDetails } from './problem-details.ts';
import { statusOf } from './problem-status.ts';

const problemTypeBase = 'https://kinko.example/problems/';
export const problemContentType = 'application/problem+json; charset=utf-8';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [detail: string]: unknown;
}

const titles: Partial<Record<ErrorCode, string>> = {
  'request.invalid': 'Invalid request',
  'request.too_large': 'Request body too large',
  'request.unsupported_media_type': 'Unsupported media type',
  'request.rate_limited': 'Too many requests',
  'request.csrf': 'CSRF check failed',
  'auth.required': 'Authentication required',
  'auth.invalid_credentials': 'Invalid credentials',
  'auth.locked': 'Login locked',
  'auth.forbidden': 'Forbidden',
  'auth.session_expired': 'Session expired',
  'otp.malformed': 'Malformed one-time password',
  'otp.invalid': 'Wrong one-time password',
  'otp.replayed': 'One-time password already used',
  'otp.user_suspended': 'User suspended',
  'amount.invalid': 'Invalid amount',
  'account.not_found': 'Account not found',
  'ledger.insufficient_funds': 'Insufficient funds',
  'server.internal': 'Internal server error',
  'route.not_found': 'Not found',
};

/** Members a KinkoError's details may not overwrite. */
const reserved = new Set(['type', 'title', 'status', 'code', 'detail', 'instance', 'errors']);

export function problemOf(
  code: ErrorCode,
  detail: string,
  instance: string | undefined,
  details?: Record<string, unknown>,
): Problem {
  const status = statusOf(code);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details ?? {})) if (!reserved.has(k)) extra[k] = v;
  const problem: Problem = {
    type: `${problemTypeBase}${code}`,
    title: titles[code] ?? STATUS_CODES[status] ?? 'Error',
    status,
    code,
    detail,
  };
  if (instance !== undefined) problem.instance = instance;
  return { ...problem, ...extra };
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.invalid',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_VALIDATION: 'request.invalid',
  FST_ERR_NOT_FOUND: 'route.not_found',
};

const byStatus: Record<number, ErrorCode> = {
  404: 'route.not_found',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
};

function validationErrors(err: FastifyLikeError): { path: string; message: string }[] | undefined {
  if (!Array.isArray(err.validation)) return undefined;
  const where = typeof err.validationContext === 'string' ? err.validationContext : 'body';
  return err.validation.map((v: { instancePath?: string; message?: string }) => {
    const rest = (v.instancePath ?? '').split('/').filter(Boolean);
    return { path: [where, ...rest].join('.'), message: v.message ?? 'invalid' };
  });
}

/**
 * Maps any thrown value to a problem. Pure, so the mapping is unit-tested without a server.
 * Anything not recognised is a 500 with a generic message: its text never reaches the client.
 */
export function toProblem(err: unknown, instance?: string): Problem {
  if (isKinkoError(err)) {
    if (!isErrorCode(err.code))
      return problemOf('server.internal', defaultDetails['server.internal'], instance);
    // A KinkoError thrown with its code alone gets the code's own sentence, never the code.
    const detail = err.message === '' || err.message === err.code ? defaultDetails[err.code] : err.message;
    return problemOf(err.code, detail, instance, err.details);
  }
  const e = (typeof err === 'object' && err !== null ? err : {}) as FastifyLikeError;
  const errors = validationErrors(e);
  if (errors) {
    return { ...problemOf('request.invalid', defaultDetails['request.invalid'], instance), errors };
  }
  let code: ErrorCode | undefined = typeof e.code === 'string' ? fastifyCodes[e.code] : undefined;
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (code === undefined && status >= 400 && status < 500) code = byStatus[status] ?? 'request.invalid';
  code ??= 'server.internal';
  return problemOf(code, defaultDetails[code], instance);
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.code === 'request.rate_limited' && typeof problem.retryAfter === 'number') {
    reply.header('retry-after', String(problem.retryAfter));
  }
  // A string payload with a JSON media type bypasses the route's response serializer.
  return reply.code(problem.status).type(problemContentType).send(JSON.stringify(problem));
}

/** The error handler for the whole server: log what the operator needs, answer a problem. */
export function problemErrorHandler(
  err: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const problem = toProblem(err, request.url);
  if (problem.status >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  return sendProblem(reply, problem);
}

export function notFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, problemOf('route.not_found', defaultDetails['route.not_found'], request.url));
}
