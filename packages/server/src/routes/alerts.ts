/** T2: the reused-OTP alerts of the session's user (listed in the session's `me.alerts`). */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, requireCustomer } from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import { NoContent, params } from '../schemas.ts';

export const alertRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.post(
    '/api/v1/me/alerts/:id/acknowledge',
    {
      schema: {
        operationId: 'acknowledgeAlert',
        tags: ['session'],
        summary:
          "Acknowledge one of the own reused-OTP alerts (T2); the token's other recipients still see it until they do",
        security: [{ customerSession: [], csrfToken: [] }],
        params: params.alertId,
        response: { 204: NoContent, ...problems(edge.customerWrite, 'alert.not_found') },
      },
    },
    async (request, reply) => {
      await kinko.acknowledgeAlert(customerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};
