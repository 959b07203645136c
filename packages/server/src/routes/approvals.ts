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
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import { ApprovalView, transferParams, transferRequests } from '../transfer-schemas.ts';
import { type ProofBody, proofOf } from './transfers.ts';

const actions: [string, ApprovalUserAction, string, string][] = [
  [
    'approve',
    'approve',
    '承認 (the OTP unless the bank configures otherwise, M5b)',
    'approveApprovalRequest',
  ],
  ['return', 'return', '差戻し by an approver', 'returnApprovalRequest'],
  ['cancel', 'cancel_approval', '承認取消 by an approver who approved, before processing', 'cancelApproval'],
  ['withdraw', 'withdraw', '引戻し by the requester', 'withdrawApprovalRequest'],
];

export const approvalRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);
  const tags = ['approvals'];

  app.get(
    '/api/v1/approvals',
    {
      schema: {
        operationId: 'listApprovals',
        tags,
        summary: "The approvals inbox (what the caller may approve), or with box=mine the caller's requests",
        security: [{ customerSession: [] }],
        querystring: z.strictObject({ box: z.enum(['inbox', 'mine']).optional() }),
        response: { 200: z.array(ApprovalView), ...problems(edge.customerRead, edge.input) },
      },
    },
    async (request) => kinko.listApprovals(customerOf(request), { box: request.query.box ?? 'inbox' }),
  );

  for (const [path, action, summary, operationId] of actions) {
    app.post(
      `/api/v1/approvals/:id/${path}`,
      {
        schema: {
          operationId,
          tags,
          summary,
          security: [{ customerSession: [], csrfToken: [] }],
          params: transferParams.id,
          body: z
            .union([transferRequests.proof, z.strictObject({})])
            .nullish()
            .describe('The step-up proof, where M5b asks for it; else {} or no body'),
          response: {
            200: ApprovalView,
            // One use case (actOnApproval) for the four actions: each may reach any of its codes.
            ...problems(
              edge.customerWrite,
              coreCodes.stepUp,
              coreCodes.posting,
              coreCodes.valueDate,
              coreCodes.transferLimits,
              coreCodes.approval,
              'transfer.not_found',
              'transfer.not_pending',
              'transfer.not_cancellable',
            ),
          },
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
