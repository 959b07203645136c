/** The back office's certificates (SPEC B1, A3, A5): list a contract's, restore the administrator's, revoke any. */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CertificateCode,
  CertificateList,
  CertificateView,
  certificateRequests,
} from '../certificate-schemas.ts';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { operatorOf, requireOperator } from '../plugins/session.ts';
import { edge, problems } from '../problem-schemas.ts';
import { params } from '../schemas.ts';

const tags = ['back office'];
const read = [{ bankSession: [] }];
const write = [{ bankSession: [], csrfToken: [] }];

export const bankCertificateRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireOperator(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.get(
    '/api/v1/bank/contracts/:number/certificates',
    {
      schema: {
        operationId: 'listContractCertificates',
        tags,
        summary: "A contract's client certificates, newest first (A5)",
        security: read,
        params: params.contractNumber,
        response: { 200: CertificateList, ...problems(edge.operatorRead, edge.input, 'contract.not_found') },
      },
    },
    async (request) => ({
      certificates: await kinko.listContractCertificates(operatorOf(request), request.params.number),
    }),
  );

  app.post(
    '/api/v1/bank/contracts/:number/certificate-code',
    {
      schema: {
        operationId: 'issueAdministratorCertificateCode',
        tags,
        summary: "The administrator's 取得 code (A5 at contract, A3 to restore), shown once",
        security: write,
        params: params.contractNumber,
        response: {
          201: CertificateCode,
          ...problems(
            edge.operatorWrite,
            'ca.not_configured',
            'contract.not_found',
            'user.not_found',
            'certificate.login_method',
          ),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await kinko.issueAdministratorCertificateCode(operatorOf(request), request.params.number)),
  );

  app.post(
    '/api/v1/bank/certificates/:serial/revocation',
    {
      schema: {
        operationId: 'revokeCertificateByBank',
        tags,
        summary: 'Revoke any client certificate (B1)',
        security: write,
        params: params.serial,
        body: certificateRequests.bankRevocation,
        response: {
          200: CertificateView,
          ...problems(edge.operatorWrite, 'certificate.not_found', 'certificate.not_active'),
        },
      },
    },
    async (request) =>
      kinko.revokeCertificateByBank(operatorOf(request), request.params.serial, request.body),
  );
};
