/**
 * The bank and branch directory for the payee entry (M8): names shown while the codes are typed.
 * Customer realm, read-only; at most 20 entries per answer (core's DIRECTORY_SEARCH_LIMIT).
 */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { customerOf, requireCustomer } from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import { schemaRegistry, text } from '../schemas.ts';

export const DirectoryEntry = z
  .object({
    code: z.string().describe('4 digits for a bank, 3 for a branch'),
    name: z.string(),
    kana: z.string().describe("Half-width Zengin form; '' if unknown"),
  })
  .register(schemaRegistry, {
    id: 'DirectoryEntry',
    description: 'A bank or branch of the Zengin code list',
  });

const searchQuery = z.strictObject({
  q: text(40).optional().describe('A code prefix, or part of the name or kana (みずほ, ﾐｽﾞﾎ)'),
});

const bankParams = z.strictObject({ code: text(4).regex(/^\d{4}$/, 'a bank code is 4 digits') });

export const directoryRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  const tags = ['payees'];
  const security = [{ customerSession: [] }];

  app.get(
    '/api/v1/banks',
    {
      schema: {
        operationId: 'searchBanks',
        tags,
        summary: 'Banks by code prefix, name or kana (at most 20)',
        security,
        querystring: searchQuery,
        response: { 200: z.array(DirectoryEntry), ...problems(edge.customerRead, edge.input) },
      },
    },
    async (request) => kinko.searchBanks(customerOf(request), request.query.q ?? ''),
  );

  app.get(
    '/api/v1/banks/:code/branches',
    {
      schema: {
        operationId: 'searchBranches',
        tags,
        summary: "A bank's branches by code prefix, name or kana (at most 20)",
        security,
        params: bankParams,
        querystring: searchQuery,
        response: {
          200: z.array(DirectoryEntry),
          ...problems(edge.customerRead, edge.input, 'payee.bank_code_invalid', 'payee.bank_not_found'),
        },
      },
    },
    async (request) => kinko.searchBranches(customerOf(request), request.params.code, request.query.q ?? ''),
  );
};
