/**
 * The HTTP server over KinkoApi (docs/http-api.md). It establishes who is calling, checks the
 * request's shape, calls core and maps core's answer or error to HTTP; no rule of SPEC lives
 * here (STYLE: data flows web → server → core).
 */
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { type KinkoApi, KinkoError } from '@kinko/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { LoggerOptions } from 'pino';
import { z } from 'zod';
import { loggerConfig } from './logger.ts';
import { requireSameOrigin } from './plugins/csrf.ts';
import { clientErrorProblem, frameworkErrorProblem } from './plugins/framework-errors.ts';
import { notFoundProblem, problemErrorHandler } from './plugins/problem.ts';
import { securityHeaders } from './plugins/security-headers.ts';
import { decorateSessions } from './plugins/session.ts';
import { decorateTransport } from './plugins/transport.ts';
import { problems } from './problem-schemas.ts';
import { accountRoutes } from './routes/accounts.ts';
import { adminRoutes } from './routes/admin.ts';
import { alertRoutes } from './routes/alerts.ts';
import { approvalRoutes } from './routes/approvals.ts';
import { bankRoutes } from './routes/bank.ts';
import { bankCertificateRoutes } from './routes/bank-certificates.ts';
import { certificateRoutes } from './routes/certificates.ts';
import { directoryRoutes } from './routes/directory.ts';
import { adminLimitRoutes, bankLimitRoutes } from './routes/limits.ts';
import { bankPayeeRoutes, payeeRoutes } from './routes/payees.ts';
import { publicRoutes } from './routes/public.ts';
import { sessionRoutes } from './routes/session.ts';
import { stepUpRoutes } from './routes/stepup.ts';
import { bankTransferRoutes, transferRoutes } from './routes/transfers.ts';
import { maxPathParamLength, schemaRegistry } from './schemas.ts';
import { registerWeb } from './static.ts';

export interface BuildServerOptions {
  kinko: KinkoApi;
  /** true: Kinko's pino options (src/logger.ts); an object: those merged over ours (redaction kept). */
  logger?: boolean | LoggerOptions;
  /** The Vite build of packages/web; served when it exists. */
  webRoot?: string;
  /**
   * Token provisioning per client address (request.ip: behind trusted proxies, the forwarded
   * client's); default 10 per minute.
   */
  activationRateLimit?: { max: number; timeWindowMs: number };
  /**
   * Behind a TLS-terminating proxy (SPEC §5): the proxies whose X-Forwarded-For, -Proto and -Host
   * count, as addresses, CIDRs or proxy-addr names (see trustedProxies); a forwarded header from any
   * other peer is ignored. `true` trusts every peer, for app.inject tests only. Default: none.
   */
  trustProxy?: boolean | string[];
  /** HTTPS in this process (SPEC §5): a PEM certificate (chain) and its private key; HTTP/1.1. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * The origins customers' browsers use (see publicOrigin), e.g. https://ib.example-shinkin.jp:
   * the CSRF Origin check accepts these instead of the request's own protocol and Host, and an
   * https one makes the session cookies Secure.
   */
  publicOrigins?: readonly string[];
  /** Largest request body in bytes; default 16 KiB (docs/http-api.md). */
  bodyLimit?: number;
}

const defaultWebRoot = fileURLToPath(new URL('../../web/dist', import.meta.url));
const defaultBodyLimit = 16 * 1024;
const defaultActivationRateLimit = { max: 10, timeWindowMs: 60_000 };

/**
 * Fastify's https option, typed as the plain HTTP server's options: the instance's type follows
 * http.Server either way, and Kinko uses nothing that differs between the two servers.
 */
function httpsOption(tls: BuildServerOptions['tls']): object {
  return tls === undefined ? {} : { https: { cert: tls.cert, key: tls.key } };
}

export async function buildServer(o: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...httpsOption(o.tls),
    logger: loggerConfig(o.logger),
    trustProxy: o.trustProxy ?? false,
    bodyLimit: o.bodyLimit ?? defaultBodyLimit,
    // The router's and the HTTP parser's refusals are problems too (plugins/framework-errors.ts);
    // path parameters as long as the params schemas allow, so the OpenAPI document tells the truth.
    routerOptions: { maxParamLength: maxPathParamLength },
    frameworkErrors: frameworkErrorProblem,
    clientErrorHandler: clientErrorProblem,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: without this, text/plain bodies would reach the validator as strings.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(problemErrorHandler);

  decorateTransport(app, { publicOrigins: o.publicOrigins });
  securityHeaders(app);
  decorateSessions(app);
  app.addHook('onRequest', requireSameOrigin(o.publicOrigins));

  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new KinkoError('request.rate_limited', `Too many requests; retry in ${context.after}.`, {
        retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)),
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kinko',
        version: '1.0.0',
        description: 'Corporate internet banking with a software-token OTP. Errors are RFC 9457 problems.',
      },
      components: {
        securitySchemes: {
          customerSession: { type: 'apiKey', in: 'cookie', name: 'kinko_session' },
          bankSession: { type: 'apiKey', in: 'cookie', name: 'kinko_bank' },
          csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: createJsonSchemaTransform({ schemaRegistry, skipList: [] }),
    transformObject: createJsonSchemaTransformObject({ schemaRegistry }),
  });

  app.get(
    '/api/openapi.json',
    {
      schema: {
        operationId: 'getOpenApiDocument',
        tags: ['public'],
        summary: 'This OpenAPI 3.1 document',
        response: { 200: z.record(z.string(), z.unknown()), ...problems() },
      },
    },
    async () => app.swagger() as unknown as Record<string, unknown>,
  );

  const kinko = o.kinko;
  await app.register(publicRoutes, {
    kinko,
    activationRateLimit: o.activationRateLimit ?? defaultActivationRateLimit,
  });
  await app.register(sessionRoutes, { kinko });
  await app.register(stepUpRoutes, { kinko });
  await app.register(alertRoutes, { kinko });
  await app.register(adminRoutes, { kinko });
  await app.register(bankRoutes, { kinko });
  await app.register(accountRoutes, { kinko });
  await app.register(transferRoutes, { kinko });
  await app.register(payeeRoutes, { kinko });
  await app.register(directoryRoutes, { kinko });
  await app.register(bankTransferRoutes, { kinko });
  await app.register(bankPayeeRoutes, { kinko });
  await app.register(adminLimitRoutes, { kinko });
  await app.register(bankLimitRoutes, { kinko });
  await app.register(approvalRoutes, { kinko });
  await app.register(certificateRoutes, {
    kinko,
    rateLimit: o.activationRateLimit ?? defaultActivationRateLimit,
  });
  await app.register(bankCertificateRoutes, { kinko });

  const web = await registerWeb(app, o.webRoot ?? defaultWebRoot);
  app.setNotFoundHandler((request, reply) => web?.(request, reply) ?? notFoundProblem(request, reply));

  await app.ready();
  return app;
}
