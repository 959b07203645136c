/**
 * Accounts (SPEC M9, B1): the customer's 残高照会 and 入出金明細 with CSV download, and the
 * back office's account opening. Core checks every account id against the session's contract
 * (another contract's account is 404 account.not_found) and every amount (M1).
 */
import { Readable } from 'node:stream';
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, operatorOf, requireCustomer, requireOperator } from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import {
  AccountView,
  BankAccountView,
  csvResponse,
  params,
  requests,
  Statement,
  statementCsvQuery,
  statementQuery,
} from '../schemas.ts';

export const accountRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  await app.register(customerAccountRoutes, { kinko });
  await app.register(bankAccountRoutes, { kinko });
};

const customerAccountRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  const tags = ['accounts'];
  const security = [{ customerSession: [] }];
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.get(
    '/api/v1/accounts',
    {
      schema: {
        operationId: 'listAccounts',
        tags,
        summary: 'The contract’s accounts with balances (残高照会)',
        security,
        response: { 200: z.array(AccountView), ...problems(edge.customerRead) },
      },
    },
    async (request) => kinko.listAccounts(customerOf(request)),
  );

  app.get(
    '/api/v1/accounts/:id/statement',
    {
      schema: {
        operationId: 'getStatement',
        tags,
        summary: 'Statement for days in Japan, from and to inclusive, a page of lines at a time (入出金明細)',
        security,
        params: params.accountId,
        querystring: statementQuery,
        response: { 200: Statement, ...problems(edge.customerRead, edge.input, 'account.not_found') },
      },
    },
    async (request) => kinko.statement(customerOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/accounts/:id/statement.csv',
    {
      schema: {
        operationId: 'getStatementCsv',
        tags,
        summary: 'Statement as CSV, UTF-8 with BOM or Shift_JIS for Excel (入出金明細ダウンロード)',
        security,
        params: params.accountId,
        querystring: statementCsvQuery,
        response: { 200: csvResponse, ...problems(edge.customerRead, edge.input, 'account.not_found') },
      },
    },
    async (request, reply) => {
      const csv = await kinko.statementCsv(customerOf(request), request.params.id, request.query);
      // Core reads the lines a page at a time as the stream is read; Fastify sends a stream as
      // it is, never through the response serialiser; the typed reply only knows the documented
      // schema (a string), hence the cast.
      const body = Readable.from(csv.chunks) as unknown as string;
      return reply
        .type(csv.contentType)
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
};

const bankAccountRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireOperator(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.post(
    '/api/v1/bank/accounts',
    {
      schema: {
        operationId: 'openAccount',
        tags: ['back office'],
        summary: 'Open an account (口座開設) with an opening deposit',
        security: [{ bankSession: [], csrfToken: [] }],
        body: requests.openAccount,
        response: {
          201: BankAccountView,
          ...problems(
            edge.operatorWrite,
            coreCodes.posting,
            'amount.invalid',
            'branch.not_found',
            'contract.not_found',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await kinko.openAccount(operatorOf(request), request.body)),
  );
};
