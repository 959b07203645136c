/** Public endpoints (SPEC §4): server time and token provisioning (T5, T8, T9). */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonymous } from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import { ActivationResult, requests, ServerTime } from '../schemas.ts';

export interface PublicRoutesOptions {
  kinko: KinkoApi;
  /** Per client address (request.ip), shared by both provisioning endpoints' own counters. */
  activationRateLimit: { max: number; timeWindowMs: number };
}

export const publicRoutes: FastifyPluginAsyncZod<PublicRoutesOptions> = async (
  app,
  { kinko, activationRateLimit },
) => {
  // Provisioning writes a token row per call and is open to anyone: bound it per address.
  // @fastify/rate-limit's default key is request.ip (an IPv6 client by its /64), which behind
  // trusted proxies is the forwarded client's address, not the proxy's (app.ts trustProxy).
  const rateLimit = { max: activationRateLimit.max, timeWindow: activationRateLimit.timeWindowMs };

  app.get(
    '/api/v1/time',
    {
      schema: {
        operationId: 'getServerTime',
        tags: ['public'],
        summary: 'Server time, for the token app to correct its clock (T8)',
        response: { 200: ServerTime, ...problems() },
      },
    },
    async () => ({ serverTime: kinko.serverTime() }),
  );

  app.post(
    '/api/v1/token/activations',
    {
      config: { rateLimit },
      schema: {
        operationId: 'activateToken',
        tags: ['public'],
        summary: 'Activate a software token by ECDH on P-256 (T5); the seed never crosses the wire',
        body: requests.activation,
        response: {
          201: ActivationResult,
          ...problems(edge.publicWrite, edge.rateLimited, 'activation.bad_public_key'),
        },
      },
    },
    async (request, reply) => {
      const result = await kinko.activateToken(anonymous(request), request.body.publicKey);
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/v1/token/otpauth',
    {
      config: { rateLimit },
      schema: {
        operationId: 'activateOtpauthToken',
        tags: ['public'],
        summary: 'Provision a token as an otpauth:// URI when the bank allows it (T9)',
        body: requests.otpauth,
        response: {
          201: z.object({ serial: z.string(), uri: z.string() }),
          ...problems(edge.publicWrite, edge.rateLimited, 'activation.otpauth_disabled'),
        },
      },
    },
    async (request, reply) => {
      const result = await kinko.activateOtpauthToken(anonymous(request), request.body.label);
      return reply.code(201).send(result);
    },
  );
};
