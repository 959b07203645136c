/**
 * Limits and privileges (SPEC M5): the administrator's ご契約先限度額変更 and per-user limits and
 * 利用権限 and the approval setting (M5a) (contract PIN, R2), and the back office's 契約限度額. Core authorises
 * every call from the stored actor and audits every change.
 */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ApprovalSettings,
  LayerLimits,
  LimitsView,
  limitRequests,
  UserLimitsView,
} from '../limit-schemas.ts';
import { requireCsrfToken } from '../plugins/csrf.ts';
import {
  customerOf,
  operatorOf,
  requireAdministrator,
  requireCustomer,
  requireOperator,
} from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import { params } from '../schemas.ts';

export const adminLimitRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireAdministrator);
  app.addHook('onRequest', requireCsrfToken);
  const tags = ['administrator'];

  app.get(
    '/api/v1/admin/limits',
    {
      schema: {
        operationId: 'getLimits',
        tags,
        summary: "The bank's ceiling, the contract's limits, each user's limits and privileges (M5)",
        security: [{ customerSession: [] }],
        response: { 200: LimitsView, ...problems(edge.adminRead) },
      },
    },
    async (request) => kinko.getLimits(customerOf(request)),
  );

  app.put(
    '/api/v1/admin/limits',
    {
      schema: {
        operationId: 'setLimits',
        tags,
        summary: 'ご契約先限度額変更 and per-user limits, within the bank ceiling (M5, R2)',
        security: [{ customerSession: [], csrfToken: [] }],
        body: limitRequests.setLimits,
        response: {
          200: LimitsView,
          ...problems(edge.adminWrite, coreCodes.contractPin, coreCodes.limitSettings, 'user.not_found'),
        },
      },
    },
    async (request) => kinko.setLimits(customerOf(request), request.body),
  );

  app.put(
    '/api/v1/admin/users/:id/privileges',
    {
      schema: {
        operationId: 'setUserPrivileges',
        tags,
        summary: "A user's privileges (利用権限: 振込・振替, 照会, 承認 …) (M5, R2)",
        security: [{ customerSession: [], csrfToken: [] }],
        params: params.userId,
        body: limitRequests.setPrivileges,
        response: {
          200: UserLimitsView,
          ...problems(edge.adminWrite, coreCodes.contractPin, 'user.not_found'),
        },
      },
    },
    async (request) => kinko.setUserPrivileges(customerOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/admin/approval-settings',
    {
      schema: {
        operationId: 'getApprovalSettings',
        tags,
        summary: "The contract's approval setting (M5a)",
        security: [{ customerSession: [] }],
        response: { 200: ApprovalSettings, ...problems(edge.adminRead) },
      },
    },
    async (request) => kinko.getApprovalSettings(customerOf(request)),
  );

  app.put(
    '/api/v1/admin/approval-settings',
    {
      schema: {
        operationId: 'setApprovalSettings',
        tags,
        summary: '承認なし / シングル / ダブル (順序あり・なし), approver must differ (M5a, R2)',
        security: [{ customerSession: [], csrfToken: [] }],
        body: limitRequests.approvalSettings,
        response: { 200: ApprovalSettings, ...problems(edge.adminWrite, coreCodes.contractPin) },
      },
    },
    async (request) => kinko.setApprovalSettings(customerOf(request), request.body),
  );
};

export const bankLimitRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireOperator(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.put(
    '/api/v1/bank/contracts/:number/limits',
    {
      schema: {
        operationId: 'setBankLimits',
        tags: ['back office'],
        summary: "契約限度額: a contract's ceiling from its written form (M5)",
        security: [{ bankSession: [], csrfToken: [] }],
        params: params.contractNumber,
        body: limitRequests.setBankLimits,
        response: {
          200: LayerLimits,
          ...problems(edge.operatorWrite, coreCodes.limitSettings, 'contract.not_found'),
        },
      },
    },
    async (request) => kinko.setBankLimits(operatorOf(request), request.params.number, request.body.limits),
  );
};
