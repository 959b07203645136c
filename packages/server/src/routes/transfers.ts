/**
 * 振込・振替 (SPEC M2–M4, M6): enter → confirm with the step-up proof, scheduled transfers and
 * their cancellation, and the back office's outbound Zengin export. Create calls carry an
 * Idempotency-Key header (M3), which core checks; no rule of SPEC lives here.
 */
import type { KinkoApi, StepUpProof } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, operatorOf, requireCustomer, requireOperator } from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import {
  idempotencyHeaders,
  OutboundItem,
  outboundQuery,
  PendingTransfer,
  TransferPage,
  TransferReceipt,
  TransferView,
  transferParams,
  transferQuery,
  transferRequests,
} from '../transfer-schemas.ts';

const tags = ['transfers'];
const read = [{ customerSession: [] }];
const write = [{ customerSession: [], csrfToken: [] }];

export type ProofBody = z.infer<typeof transferRequests.proof>;

export function proofOf(body: ProofBody): StepUpProof {
  return 'otp' in body
    ? { otp: body.otp }
    : { confirmPin: body.confirmPin, cardPosition: body.cardPosition, cardValue: body.cardValue };
}

export const transferRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.post(
    '/api/v1/transfers',
    {
      schema: {
        operationId: 'enterTransfer',
        tags,
        summary: 'Enter a transfer (入力): fee, payee as the bank shows it, value date, proof needed',
        security: write,
        headers: idempotencyHeaders,
        body: transferRequests.enter,
        response: {
          201: PendingTransfer,
          ...problems(
            edge.customerWrite,
            'auth.forbidden',
            coreCodes.idempotency,
            coreCodes.payeeAccount,
            coreCodes.valueDate,
            coreCodes.transferLimits,
            'account.not_found',
            'payee.account_not_found',
            'payee.not_found',
            'amount.invalid',
            'transfer.same_account',
            'transfer.same_day_not_allowed',
            'otp.user_suspended',
            'card.not_issued',
            'pin.not_set',
          ),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await kinko.enterTransfer(customerOf(request), request.body, request.headers['idempotency-key']),
        ),
  );

  app.post(
    '/api/v1/transfers/:id/confirm',
    {
      schema: {
        operationId: 'confirmTransfer',
        tags,
        summary: 'Confirm and authorise (確認・実行) with the OTP or PIN and card; posts or schedules',
        security: write,
        headers: idempotencyHeaders,
        params: transferParams.id,
        body: transferRequests.proof,
        response: {
          200: TransferReceipt,
          ...problems(
            edge.customerWrite,
            'auth.forbidden',
            coreCodes.idempotency,
            coreCodes.stepUp,
            coreCodes.posting,
            coreCodes.valueDate,
            coreCodes.transferLimits,
            coreCodes.approval,
            'transfer.not_found',
            'transfer.not_pending',
            'transfer.expired',
            'transfer.same_day_not_allowed',
          ),
        },
      },
    },
    async (request) =>
      kinko.confirmTransfer(
        customerOf(request),
        request.params.id,
        proofOf(request.body),
        request.headers['idempotency-key'],
      ),
  );

  app.get(
    '/api/v1/transfers',
    {
      schema: {
        operationId: 'listTransfers',
        tags,
        summary: "The user's own transfers, newest first, a page at a time (limit, cursor)",
        security: read,
        querystring: transferQuery,
        response: { 200: TransferPage, ...problems(edge.customerRead, edge.input) },
      },
    },
    async (request) => kinko.listTransfers(customerOf(request), request.query),
  );

  app.get(
    '/api/v1/transfers/:id',
    {
      schema: {
        operationId: 'getTransfer',
        tags,
        summary: 'One transfer',
        security: read,
        params: transferParams.id,
        response: { 200: TransferView, ...problems(edge.customerRead, edge.input, 'transfer.not_found') },
      },
    },
    async (request) => kinko.getTransfer(customerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/transfers/:id/cancel',
    {
      schema: {
        operationId: 'cancelScheduledTransfer',
        tags,
        summary: 'Cancel a scheduled transfer (予約取消) with the OTP, until the day before its value date',
        security: write,
        params: transferParams.id,
        body: transferRequests.proof,
        response: {
          200: TransferView,
          ...problems(edge.customerWrite, coreCodes.stepUp, 'transfer.not_found', 'transfer.not_cancellable'),
        },
      },
    },
    async (request) =>
      kinko.cancelScheduledTransfer(customerOf(request), request.params.id, proofOf(request.body)),
  );
};

/** The back office's view of the outbound queue (他行宛振込, B1). */
export const bankTransferRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireOperator(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.get(
    '/api/v1/bank/outbound',
    {
      schema: {
        operationId: 'listOutbound',
        tags: ['back office'],
        summary: "The day's outbound items for the Zengin network",
        security: [{ bankSession: [] }],
        querystring: outboundQuery,
        response: {
          200: z.array(OutboundItem),
          ...problems(edge.operatorRead, edge.input, 'transfer.value_date_invalid'),
        },
      },
    },
    async (request) => kinko.listOutbound(operatorOf(request), request.query.date),
  );

  app.get(
    '/api/v1/bank/outbound/export',
    {
      schema: {
        operationId: 'exportOutbound',
        tags: ['back office'],
        summary: "The day's outbound items as a Zengin 総合振込 file (JIS X 0201, CRLF) or CSV",
        security: [{ bankSession: [] }],
        querystring: outboundQuery,
        response: {
          200: {
            description: 'A Zengin file (application/octet-stream) or CSV (text/csv)',
            content: {
              'application/octet-stream': { schema: z.string() },
              'text/csv': { schema: z.string() },
            },
          },
          ...problems(
            edge.operatorRead,
            edge.input,
            'transfer.value_date_invalid',
            'payee.bank_code_invalid',
            'payee.branch_code_invalid',
            'payee.bank_not_found',
            'payee.branch_not_found',
          ),
        },
      },
    },
    async (request, reply) => {
      const file = await kinko.exportOutbound(
        operatorOf(request),
        request.query.date,
        request.query.format ?? 'zengin',
      );
      // Fastify sends a Buffer as it is, never through the serialiser (as routes/accounts.ts).
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(file.body) as unknown as string);
    },
  );
};
