/** Customer login, session and password (SPEC A1, A4). */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import {
  anonymous,
  clearSessionCookie,
  customerOf,
  requireCustomer,
  sessionOf,
  sessionToken,
  setSessionCookie,
  setSessionExpiresIn,
} from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import { CustomerSession, NoContent, requests, SessionTiming } from '../schemas.ts';

const tags = ['session'];
const security = [{ customerSession: [] }];
const securityCsrf = [{ customerSession: [], csrfToken: [] }];

export const sessionRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.post(
    '/api/v1/session',
    {
      schema: {
        operationId: 'login',
        tags,
        summary: 'Log in with contract number, login ID and password (A1)',
        body: requests.login,
        response: {
          200: CustomerSession,
          ...problems(edge.publicWrite, 'auth.invalid_credentials', 'auth.locked', 'contract.stopped'),
        },
      },
    },
    async (request, reply) => {
      const previous = sessionToken(request, 'customer');
      const { session, me } = await kinko.login(anonymous(request), request.body);
      // A new login replaces whatever session this browser held.
      if (previous !== undefined) await kinko.logout(previous).catch(() => undefined);
      setSessionCookie(request, reply, 'customer', session.sessionToken);
      return { csrfToken: session.csrfToken, me, session: session.timing };
    },
  );

  await app.register(async (plain) => {
    const scoped = plain.withTypeProvider<ZodTypeProvider>();
    scoped.addHook('onRequest', requireCustomer(kinko));
    scoped.addHook('onRequest', requireCsrfToken);

    scoped.get(
      '/api/v1/session',
      {
        schema: {
          operationId: 'getSession',
          tags,
          summary: 'The current session: CSRF token, who is logged in and the idle timeout (A4)',
          security,
          response: { 200: CustomerSession, ...problems(edge.customerRead) },
        },
      },
      async (request) => ({
        csrfToken: sessionOf(request).csrfToken,
        me: await kinko.me(customerOf(request)),
        session: sessionOf(request).timing,
      }),
    );

    scoped.post(
      '/api/v1/session/extend',
      {
        schema: {
          operationId: 'extendSession',
          tags,
          summary: '延長: the idle timeout starts again now (A4); what is left of it',
          security: securityCsrf,
          response: { 200: SessionTiming, ...problems(edge.customerWrite) },
        },
      },
      async (request, reply) => {
        const timing = await kinko.extendSession(sessionOf(request).token, 'customer');
        setSessionExpiresIn(reply, timing);
        return timing;
      },
    );

    scoped.delete(
      '/api/v1/session',
      {
        schema: {
          operationId: 'logout',
          tags,
          summary: 'Log out',
          security: securityCsrf,
          response: { 204: NoContent, ...problems(edge.customerWrite) },
        },
      },
      async (request, reply) => {
        await kinko.logout(sessionOf(request).token);
        clearSessionCookie(request, reply, 'customer');
        return reply.code(204).send();
      },
    );

    scoped.post(
      '/api/v1/me/password',
      {
        schema: {
          operationId: 'changePassword',
          tags,
          summary: 'Change the own password',
          security: securityCsrf,
          body: requests.changePassword,
          response: {
            204: NoContent,
            ...problems(edge.customerWrite, 'auth.invalid_credentials', 'auth.locked'),
          },
        },
      },
      async (request, reply) => {
        await kinko.changePassword(customerOf(request), request.body);
        return reply.code(204).send();
      },
    );
  });
};
