/**
 * The errors that never reach the error handler, answered as problems too (SPEC §4): the
 * router's (a malformed percent-encoding, an over-long path parameter, a failed async
 * constraint: Fastify's `frameworkErrors`) and Node's HTTP parser's (a request that is not
 * HTTP/1.1: an unknown method, a bad header, a header section too large, a timeout: Fastify's
 * `clientErrorHandler`), which Fastify would otherwise answer with its own JSON.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '@kinko/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { maxPathParamLength } from '../schemas.ts';
import { type Problem, problemContentType, problemOf, sendProblem } from './problem.ts';
import { contentSecurityPolicy, setSecurityHeaders } from './security-headers.ts';

const routerErrors: Record<string, { code: ErrorCode; detail: string; path: string; message: string }> = {
  FST_ERR_BAD_URL: {
    code: 'request.invalid',
    detail: 'The path is not a valid URL: every %XX sequence must decode to UTF-8 text.',
    path: 'url',
    message: 'not a valid percent-encoding of UTF-8',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: 'request.invalid',
    detail: `A path parameter is at most ${maxPathParamLength} characters.`,
    path: 'params',
    message: `must have at most ${maxPathParamLength} characters`,
  },
};

/** Fastify's `frameworkErrors`: the router refused the URL before any route ran. */
export function frameworkErrorProblem(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = routerErrors[err.code];
  const instance = request.url;
  let problem: Problem;
  if (known) {
    problem = {
      ...problemOf(known.code, known.detail, instance),
      errors: [{ path: known.path, message: known.message }],
    };
    request.log.info({ code: problem.code, fastify: err.code }, 'request refused');
  } else {
    problem = problemOf('server.internal', 'An unexpected error occurred.', instance);
    request.log.error({ err }, 'router failed');
  }
  // No route, so no onSend hook: the headers every answer carries are set here.
  setSecurityHeaders(request, reply);
  sendProblem(reply, problem);
}

function clientProblem(err: NodeJS.ErrnoException): Problem {
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    return problemOf(
      'request.too_large',
      'The request header section is larger than the server accepts.',
      undefined,
    );
  }
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return problemOf('request.invalid', 'The request did not arrive in time.', undefined);
  }
  return problemOf('request.invalid', 'The request is not valid HTTP/1.1.', undefined);
}

/**
 * Fastify's `clientErrorHandler`: Node's parser refused the bytes, so there is no request to
 * reply to; the problem is written to the socket as Fastify's default handler writes its JSON,
 * with the headers every answer carries (security-headers.ts), and the connection closed.
 */
export function clientErrorProblem(err: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection or a destroyed socket has nobody to answer (Node's clientError docs).
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const problem = clientProblem(err);
    const body = JSON.stringify(problem);
    socket.write(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? 'Error'}`,
        `content-type: ${problemContentType}`,
        `content-length: ${Buffer.byteLength(body)}`,
        `content-security-policy: ${contentSecurityPolicy}`,
        'x-content-type-options: nosniff',
        'referrer-policy: no-referrer',
        'cache-control: no-store',
        'connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  }
  socket.destroy(err);
}
