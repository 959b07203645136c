/** Public endpoints (SPEC §4): server time and token provisioning (T5, T8, T9). */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TokenPublicStatus } from '../office-schemas.ts';
import { anonymous } from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import { ActivationResult, params, requests, ServerTime } from '../schemas.ts';

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
  // The token app asks its status on start and every few minutes while unregistered: a few
  // times the provisioning bound, still far too few to search the serial space (T4).
  const statusRateLimit = { max: activationRateLimit.max * 3, timeWindow: activationRateLimit.timeWindowMs };

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

  // Issue 9.10: the token app learns that its serial was registered. No secret goes either way
  // and the answer is one bit (core tokens/public-status.ts); bounded per address like the
  // provisioning endpoints, with its own counter.
  app.get(
    '/api/v1/tokens/:serial/status',
    {
      config: { rateLimit: statusRateLimit },
      schema: {
        operationId: 'getTokenStatus',
        tags: ['public'],
        summary: 'Whether a serial is registered (the token app asks it; nothing else is told)',
        params: params.serial,
        response: {
          200: TokenPublicStatus,
          ...problems(edge.input, edge.rateLimited, 'serial.malformed', 'serial.check_failed'),
        },
      },
    },
    async (request) => kinko.tokenStatus(request.params.serial),
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
