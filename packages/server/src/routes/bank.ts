/** The back office (SPEC B1, A3): its own realm and cookie, `kinko_bank`. */

import { Readable } from 'node:stream';
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OpenedContract } from '../certificate-schemas.ts';
import { auditCsvQuery, auditCsvResponse } from '../office-schemas.ts';
import { requireCsrfToken } from '../plugins/csrf.ts';
import {
  anonymous,
  clearSessionCookie,
  operatorOf,
  requireOperator,
  sessionOf,
  sessionToken,
  setSessionCookie,
} from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import {
  AuditPage,
  AuditVerification,
  auditQuery,
  ContractView,
  ContractWithUsers,
  NoContent,
  OperatorSession,
  params,
  ResumedOperatorSession,
  requests,
} from '../schemas.ts';

const tags = ['back office'];
const read = [{ bankSession: [] }];
const write = [{ bankSession: [], csrfToken: [] }];

export const bankRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.post(
    '/api/v1/bank/session',
    {
      schema: {
        operationId: 'operatorLogin',
        tags,
        summary: 'Operator login',
        body: requests.operatorLogin,
        response: {
          200: OperatorSession,
          ...problems(edge.publicWrite, 'auth.invalid_credentials', 'auth.locked'),
        },
      },
    },
    async (request, reply) => {
      const previous = sessionToken(request, 'bank');
      const { session, operator } = await kinko.operatorLogin(anonymous(request), request.body);
      if (previous !== undefined) await kinko.logout(previous).catch(() => undefined);
      setSessionCookie(request, reply, 'bank', session.sessionToken);
      return { csrfToken: session.csrfToken, operator };
    },
  );

  await app.register(async (scoped) => {
    scoped.addHook('onRequest', requireOperator(kinko));
    scoped.addHook('onRequest', requireCsrfToken);
    registerOperatorRoutes(scoped, kinko);
  });
};

function registerOperatorRoutes(app: Parameters<FastifyPluginAsyncZod>[0], kinko: KinkoApi): void {
  app.get(
    '/api/v1/bank/session',
    {
      schema: {
        operationId: 'getOperatorSession',
        tags,
        summary: 'The current operator session',
        security: read,
        response: { 200: ResumedOperatorSession, ...problems(edge.operatorRead) },
      },
    },
    async (request) => ({
      csrfToken: sessionOf(request).csrfToken,
      operator: await kinko.operatorProfile(operatorOf(request)),
    }),
  );

  app.delete(
    '/api/v1/bank/session',
    {
      schema: {
        operationId: 'operatorLogout',
        tags,
        summary: 'Operator logout',
        security: write,
        response: { 204: NoContent, ...problems(edge.operatorWrite) },
      },
    },
    async (request, reply) => {
      await kinko.logout(sessionOf(request).token);
      clearSessionCookie(request, reply, 'bank');
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/bank/branches',
    {
      schema: {
        operationId: 'listBranches',
        tags,
        summary: 'Branches (営業店)',
        security: read,
        response: {
          200: z.array(z.object({ code: z.string(), name: z.string() })),
          ...problems(edge.operatorRead),
        },
      },
    },
    async (request) => kinko.listBranches(operatorOf(request)),
  );

  app.get(
    '/api/v1/bank/contracts',
    {
      schema: {
        operationId: 'listContracts',
        tags,
        summary: 'Contracts',
        security: read,
        response: { 200: z.array(ContractView), ...problems(edge.operatorRead) },
      },
    },
    async (request) => kinko.listContracts(operatorOf(request)),
  );

  app.post(
    '/api/v1/bank/contracts',
    {
      schema: {
        operationId: 'openContract',
        tags,
        summary: 'Open a contract with its administrator',
        security: write,
        body: requests.openContract,
        response: {
          201: OpenedContract,
          ...problems(edge.operatorWrite, 'branch.not_found', 'ca.not_configured'),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await kinko.openContract(operatorOf(request), request.body)),
  );

  app.get(
    '/api/v1/bank/contracts/:number',
    {
      schema: {
        operationId: 'getContract',
        tags,
        summary: 'A contract and its users',
        security: read,
        params: params.contractNumber,
        response: {
          200: ContractWithUsers,
          ...problems(edge.operatorRead, edge.input, 'contract.not_found'),
        },
      },
    },
    async (request) => kinko.getContract(operatorOf(request), request.params.number),
  );

  app.post(
    '/api/v1/bank/contracts/:number/restore-admin',
    {
      schema: {
        operationId: 'restoreAdministrator',
        tags,
        summary: 'Restore an administrator who cannot log on (A3)',
        security: write,
        params: params.contractNumber,
        body: requests.restoreAdmin,
        response: {
          200: ContractView,
          ...problems(edge.operatorWrite, 'contract.not_found', 'user.not_found'),
        },
      },
    },
    async (request) => kinko.restoreAdministrator(operatorOf(request), request.params.number, request.body),
  );

  app.post(
    '/api/v1/bank/tokens/:serial/revoke',
    {
      schema: {
        operationId: 'revokeToken',
        tags,
        summary: 'Revoke a token',
        security: write,
        params: params.serial,
        body: requests.empty,
        response: {
          204: NoContent,
          ...problems(
            edge.operatorWrite,
            'serial.malformed',
            'serial.check_failed',
            'token.not_found',
            'token.revoked',
          ),
        },
      },
    },
    async (request, reply) => {
      await kinko.revokeToken(operatorOf(request), request.params.serial);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/bank/audit',
    {
      schema: {
        operationId: 'readAudit',
        tags,
        summary: 'Read the audit log (L1), newest first, a page at a time (cursor)',
        security: read,
        querystring: auditQuery,
        response: {
          200: AuditPage,
          ...problems(edge.operatorRead, edge.input, 'contract.not_found'),
        },
      },
    },
    async (request) => {
      return kinko.readAudit(operatorOf(request), request.query);
    },
  );

  app.get(
    '/api/v1/bank/audit.csv',
    {
      schema: {
        operationId: 'readAuditCsv',
        tags,
        summary: 'The audit log as CSV (UTF-8 with BOM, for Excel), with the listing’s filters (B1)',
        security: read,
        querystring: auditCsvQuery,
        response: {
          200: auditCsvResponse,
          ...problems(edge.operatorRead, edge.input, 'contract.not_found'),
        },
      },
    },
    async (request, reply) => {
      const csv = await kinko.auditCsv(operatorOf(request), request.query);
      // Page by page as the client reads: the log is never one string in memory.
      const body = Readable.from(csv.chunks) as unknown as string;
      return reply
        .type(csv.contentType)
        .header('content-disposition', `attachment; filename="${csv.filename}"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );

  app.get(
    '/api/v1/bank/audit/verify',
    {
      schema: {
        operationId: 'verifyAudit',
        tags,
        summary: 'Verify every MAC chain of the audit log (L1)',
        security: read,
        response: { 200: AuditVerification, ...problems(edge.operatorRead) },
      },
    },
    async (request) => kinko.verifyAudit(operatorOf(request)),
  );
}
