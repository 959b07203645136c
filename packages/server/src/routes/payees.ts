/**
 * Payees (SPEC M8): the user's lists (事前登録, their own, 最近10回) and, in the back office,
 * the registration of payees from the customer's written form (事前登録, B1).
 */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, operatorOf, requireCustomer, requireOperator } from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import { NoContent, params } from '../schemas.ts';
import {
  idempotencyHeaders,
  PayeeList,
  PayeeView,
  transferParams,
  transferRequests,
} from '../transfer-schemas.ts';

export const payeeRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);
  const tags = ['payees'];

  app.get(
    '/api/v1/payees',
    {
      schema: {
        operationId: 'listPayees',
        tags,
        summary: "事前登録 payees, the user's own list and the last ten paid (最近10回)",
        security: [{ customerSession: [] }],
        response: { 200: PayeeList, ...problems(edge.customerRead) },
      },
    },
    async (request) => kinko.listPayees(customerOf(request)),
  );

  app.post(
    '/api/v1/payees',
    {
      schema: {
        operationId: 'savePayee',
        tags,
        summary: "Save a payee to the user's own list",
        security: [{ customerSession: [], csrfToken: [] }],
        headers: idempotencyHeaders,
        body: transferRequests.payee,
        response: {
          201: PayeeView,
          ...problems(edge.customerWrite, coreCodes.idempotency, coreCodes.payeeAccount),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await kinko.savePayee(customerOf(request), request.body, request.headers['idempotency-key'])),
  );

  app.delete(
    '/api/v1/payees/:id',
    {
      schema: {
        operationId: 'removeSavedPayee',
        tags,
        summary: "Remove a payee from the user's own list (a registered one is the bank's to change)",
        security: [{ customerSession: [], csrfToken: [] }],
        params: transferParams.id,
        response: {
          204: NoContent,
          ...problems(edge.customerWrite, 'payee.not_found', 'payee.registered_read_only'),
        },
      },
    },
    async (request, reply) => {
      await kinko.removeSavedPayee(customerOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
};

export const bankPayeeRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireOperator(kinko));
  app.addHook('onRequest', requireCsrfToken);
  const tags = ['back office'];

  app.get(
    '/api/v1/bank/contracts/:number/payees',
    {
      schema: {
        operationId: 'listWrittenPayees',
        tags,
        summary: 'Payees registered in writing (事前登録) for a contract',
        security: [{ bankSession: [] }],
        params: params.contractNumber,
        response: {
          200: z.array(PayeeView),
          ...problems(edge.operatorRead, edge.input, 'contract.not_found'),
        },
      },
    },
    async (request) => kinko.listWrittenPayees(operatorOf(request), request.params.number),
  );

  app.post(
    '/api/v1/bank/contracts/:number/payees',
    {
      schema: {
        operationId: 'registerWrittenPayee',
        tags,
        summary: "Register a payee from the customer's written form (事前登録)",
        security: [{ bankSession: [], csrfToken: [] }],
        headers: idempotencyHeaders,
        params: params.contractNumber,
        body: transferRequests.payee,
        response: {
          201: PayeeView,
          ...problems(
            edge.operatorWrite,
            coreCodes.idempotency,
            coreCodes.payeeAccount,
            'contract.not_found',
          ),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await kinko.registerWrittenPayee(
            operatorOf(request),
            request.params.number,
            request.body,
            request.headers['idempotency-key'],
          ),
        ),
  );

  app.delete(
    '/api/v1/bank/contracts/:number/payees/:id',
    {
      schema: {
        operationId: 'removeWrittenPayee',
        tags,
        summary: "Remove a registered payee (on the customer's written request)",
        security: [{ bankSession: [], csrfToken: [] }],
        params: transferParams.payee,
        response: {
          204: NoContent,
          ...problems(edge.operatorWrite, 'contract.not_found', 'payee.not_found'),
        },
      },
    },
    async (request, reply) => {
      await kinko.removeWrittenPayee(operatorOf(request), request.params.number, request.params.id);
      return reply.code(204).send();
    },
  );
};
