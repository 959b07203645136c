/**
 * pino options for Fastify (STYLE: secrets redacted by configuration, not by habit). Request
 * headers are logged for tracing, with the session cookie, the CSRF token and any credentials
 * censored; bodies are never logged (they hold passwords, PINs and OTPs).
 */
import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

export const redactPaths = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
];

const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL ?? 'info',
  redact: { paths: redactPaths, censor: '[redacted]' },
  serializers: {
    req(request: FastifyRequest) {
      return {
        method: request.method,
        url: request.url,
        host: request.host,
        remoteAddress: request.ip,
        headers: { ...request.headers },
      };
    },
  },
};

/** Fastify's `logger` option from buildServer's: true → ours, options → ours overridden, else off. */
export function loggerConfig(option: boolean | LoggerOptions | undefined): false | LoggerOptions {
  if (option === undefined || option === false) return false;
  if (option === true) return loggerOptions;
  const redact = option.redact;
  const extra = Array.isArray(redact) ? redact : (redact?.paths ?? []);
  return {
    ...loggerOptions,
    ...option,
    // Redaction is not optional: callers may add paths, never remove ours.
    redact: { paths: [...redactPaths, ...extra], censor: '[redacted]' },
    serializers: { ...loggerOptions.serializers, ...option.serializers },
  };
}
