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
import { problemResponse } from '../schemas.ts';
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
        tags,
        summary: 'Enter a transfer (入力): fee, payee as the bank shows it, value date, proof needed',
        security: write,
        headers: idempotencyHeaders,
        body: transferRequests.enter,
        response: { 201: PendingTransfer, ...problemResponse },
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
        tags,
        summary: 'Confirm and authorise (確認・実行) with the OTP or PIN and card; posts or schedules',
        security: write,
        headers: idempotencyHeaders,
        params: transferParams.id,
        body: transferRequests.proof,
        response: { 200: TransferReceipt, ...problemResponse },
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
        tags,
        summary: "The user's own transfers, newest first, a page at a time (limit, cursor)",
        security: read,
        querystring: transferQuery,
        response: { 200: TransferPage, ...problemResponse },
      },
    },
    async (request) => kinko.listTransfers(customerOf(request), request.query),
  );

  app.get(
    '/api/v1/transfers/:id',
    {
      schema: {
        tags,
        summary: 'One transfer',
        security: read,
        params: transferParams.id,
        response: { 200: TransferView, ...problemResponse },
      },
    },
    async (request) => kinko.getTransfer(customerOf(request), request.params.id),
  );

  app.post(
    '/api/v1/transfers/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a scheduled transfer (予約取消) with the OTP, until the day before its value date',
        security: write,
        params: transferParams.id,
        body: transferRequests.proof,
        response: { 200: TransferView, ...problemResponse },
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
        tags: ['back office'],
        summary: "The day's outbound items for the Zengin network",
        security: [{ bankSession: [] }],
        querystring: outboundQuery,
        response: { 200: z.array(OutboundItem), ...problemResponse },
      },
    },
    async (request) => kinko.listOutbound(operatorOf(request), request.query.date),
  );

  app.get(
    '/api/v1/bank/outbound/export',
    {
      schema: {
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
          ...problemResponse,
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
