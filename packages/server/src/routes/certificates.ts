/**
 * Client certificates (SPEC A5): the bank's CA certificate and CRL (public), 電子証明書取得 with a
 * 取得 code (public, rate-limited), renewal (customer), and the administrator's issuing, listing
 * and revoking of the contract's certificates. Core does every check; the private key never comes
 * here: clients send PKCS#10 requests.
 */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CertificateCode,
  CertificateList,
  CertificateView,
  certificateRequests,
  IssuedCertificate,
  pkixResponse,
} from '../certificate-schemas.ts';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { anonymous, customerOf, requireAdministrator, requireCustomer } from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import { params, requests } from '../schemas.ts';

const publicTags = ['certificates'];
const write = [{ customerSession: [], csrfToken: [] }];
const read = [{ customerSession: [] }];

/** Codes of a PKCS#10 request as core refuses it (certificates/csr.ts, input.ts). */
const csrCodes = [
  'certificate.csr_malformed',
  'certificate.csr_too_large',
  'certificate.csr_bad_signature',
  'certificate.csr_subject_mismatch',
  'certificate.key_unsupported',
] as const;

export interface CertificateRoutesOptions {
  kinko: KinkoApi;
  /** Per client address, like token provisioning: pickup checks a password with argon2. */
  rateLimit: { max: number; timeWindowMs: number };
}

export const certificateRoutes: FastifyPluginAsyncZod<CertificateRoutesOptions> = async (
  app,
  { kinko, rateLimit },
) => {
  // The CA certificate, PEM by default; DER for Accept: application/pkix-cert or the .der path.
  for (const [url, format] of [
    ['/api/v1/ca/certificate', 'negotiated'],
    ['/api/v1/ca/certificate.pem', 'pem'],
    ['/api/v1/ca/certificate.der', 'der'],
  ] as const) {
    app.get(
      url,
      {
        schema: {
          operationId: {
            negotiated: 'getCaCertificate',
            pem: 'getCaCertificatePem',
            der: 'getCaCertificateDer',
          }[format],
          tags: publicTags,
          summary: "The bank's CA certificate (A5), to trust its client certificates",
          response: {
            200: pkixResponse('The CA certificate', ['application/x-pem-file', 'application/pkix-cert']),
            ...problems('ca.not_configured'),
          },
        },
      },
      async (request, reply) => {
        const ca = kinko.caCertificate();
        const der =
          format === 'der' ||
          (format === 'negotiated' &&
            /application\/(pkix-cert|x-x509-ca-cert)/.test(request.headers.accept ?? ''));
        reply.header('cache-control', 'public, max-age=3600');
        if (der) return reply.type('application/pkix-cert').send(Buffer.from(ca.der) as unknown as string);
        return reply.type('application/x-pem-file').send(ca.pem);
      },
    );
  }

  app.get(
    '/api/v1/ca/crl',
    {
      schema: {
        operationId: 'getCertificateRevocationList',
        tags: publicTags,
        summary: 'The CRL (RFC 5280, DER) signed by the CA: every revoked certificate not yet expired (A5)',
        response: {
          200: pkixResponse('The CRL', ['application/pkix-crl']),
          ...problems('ca.not_configured'),
        },
      },
    },
    async (_request, reply) => {
      const crl = await kinko.certificateRevocationList();
      return reply
        .type('application/pkix-crl')
        .header('cache-control', 'no-cache')
        .send(Buffer.from(crl) as unknown as string);
    },
  );

  app.post(
    '/api/v1/certificates/pickup',
    {
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } },
      schema: {
        operationId: 'pickUpCertificate',
        tags: publicTags,
        summary:
          '電子証明書取得: 取得 code, login ID and password, a PKCS#10 request in, the certificate out (A5)',
        body: certificateRequests.pickup,
        response: {
          201: IssuedCertificate,
          ...problems(
            edge.publicWrite,
            edge.rateLimited,
            csrCodes,
            'ca.not_configured',
            'auth.invalid_credentials',
            'auth.locked',
            'contract.stopped',
            'certificate.login_method',
            'certificate.code_invalid',
            'certificate.code_expired',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await kinko.pickUpCertificate(anonymous(request), request.body)),
  );

  await app.register(renewalRoutes, { kinko });
  await app.register(adminCertificateRoutes, { kinko });
};

const adminCertificateRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  const tags = ['administrator'];
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireAdministrator);
  app.addHook('onRequest', requireCsrfToken);

  app.get(
    '/api/v1/admin/certificates',
    {
      schema: {
        operationId: 'listCertificates',
        tags,
        summary: "The contract's client certificates, newest first (A5)",
        security: read,
        response: { 200: CertificateList, ...problems(edge.adminRead) },
      },
    },
    async (request) => ({ certificates: await kinko.listCertificates(customerOf(request)) }),
  );

  app.post(
    '/api/v1/admin/users/:id/certificate-code',
    {
      schema: {
        operationId: 'issueUserCertificateCode',
        tags,
        summary: '利用者の電子証明書発行: a one-time 取得 code for the user, shown once (A5)',
        security: write,
        params: params.userId,
        body: requests.contractPin,
        response: {
          201: CertificateCode,
          ...problems(
            edge.adminWrite,
            coreCodes.contractPin,
            'ca.not_configured',
            'user.not_found',
            'user.is_administrator',
            'certificate.login_method',
          ),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await kinko.issueUserCertificateCode(customerOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/admin/certificates/:serial/revocation',
    {
      schema: {
        operationId: 'revokeCertificate',
        tags,
        summary: '電子証明書失効: PC change or loss; reissue is a new 取得 code (A5)',
        security: write,
        params: params.serial,
        body: certificateRequests.adminRevocation,
        response: {
          200: CertificateView,
          ...problems(
            edge.adminWrite,
            coreCodes.contractPin,
            'certificate.not_found',
            'certificate.not_active',
          ),
        },
      },
    },
    async (request) => kinko.revokeCertificate(customerOf(request), request.params.serial, request.body),
  );
};

const renewalRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);
  app.post(
    '/api/v1/certificates/renewal',
    {
      schema: {
        operationId: 'renewCertificate',
        tags: publicTags,
        summary: '電子証明書更新: from 30 days before expiry, the current certificate and a new request (A5)',
        security: write,
        body: certificateRequests.renewal,
        response: {
          201: IssuedCertificate,
          ...problems(
            edge.customerWrite,
            csrCodes,
            'ca.not_configured',
            'certificate.login_method',
            'certificate.malformed',
            'certificate.too_large',
            'certificate.rejected',
            'certificate.renewal_not_due',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await kinko.renewCertificate(customerOf(request), request.body)),
  );
};
