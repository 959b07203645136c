/**
 * 承認 (SPEC M5a): the inbox and the requester's own requests, and the actions on one request.
 * Core decides who may do what from the stored user's privileges and asks for the OTP where
 * M5b says (承認 by default); no rule of SPEC lives here.
 */
import type { ApprovalUserAction, KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, requireCustomer } from '../plugins/session.ts';
import { problemResponse } from '../schemas.ts';
import { ApprovalView, transferParams, transferRequests } from '../transfer-schemas.ts';
import { type ProofBody, proofOf } from './transfers.ts';

const actions: [string, ApprovalUserAction, string][] = [
  ['approve', 'approve', '承認 (the OTP unless the bank configures otherwise, M5b)'],
  ['return', 'return', '差戻し by an approver'],
  ['cancel', 'cancel_approval', '承認取消 by an approver who approved, before processing'],
  ['withdraw', 'withdraw', '引戻し by the requester'],
];

export const approvalRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);
  const tags = ['approvals'];

  app.get(
    '/api/v1/approvals',
    {
      schema: {
        tags,
        summary: "The approvals inbox (what the caller may approve), or with box=mine the caller's requests",
        security: [{ customerSession: [] }],
        querystring: z.strictObject({ box: z.enum(['inbox', 'mine']).optional() }),
        response: { 200: z.array(ApprovalView), ...problemResponse },
      },
    },
    async (request) => kinko.listApprovals(customerOf(request), { box: request.query.box ?? 'inbox' }),
  );

  for (const [path, action, summary] of actions) {
    app.post(
      `/api/v1/approvals/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          security: [{ customerSession: [], csrfToken: [] }],
          params: transferParams.id,
          body: z
            .union([transferRequests.proof, z.strictObject({})])
            .nullish()
            .describe('The step-up proof, where M5b asks for it; else {} or no body'),
          response: { 200: ApprovalView, ...problemResponse },
        },
      },
      async (request) => {
        const b = request.body;
        const proof = b && ('otp' in b || 'confirmPin' in b) ? proofOf(b as ProofBody) : undefined;
        return kinko.actOnApproval(customerOf(request), request.params.id, action, proof);
      },
    );
  }
};
