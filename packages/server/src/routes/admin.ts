/**
 * The administrator's screens (ご契約先管理情報変更, SPEC R1–R5, A2). Role admin; core checks the
 * contract PIN and that every user id belongs to the session's contract.
 */
import type { KinkoApi } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { UsageModeImpact, usageModeImpactQuery } from '../office-schemas.ts';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, requireAdministrator, requireCustomer } from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import { Card, ContractView, ContractWithUsers, NoContent, params, requests, UserView } from '../schemas.ts';

const tags = ['administrator'];
const read = [{ customerSession: [] }];
const write = [{ customerSession: [], csrfToken: [] }];

export const adminRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireAdministrator);
  app.addHook('onRequest', requireCsrfToken);

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        operationId: 'listUsers',
        tags,
        summary: 'Users of the contract (利用者情報登録／変更)',
        security: read,
        response: { 200: ContractWithUsers, ...problems(edge.adminRead) },
      },
    },
    async (request) => kinko.listUsers(customerOf(request)),
  );

  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        operationId: 'createUser',
        tags,
        summary: 'Add a user',
        security: write,
        body: requests.createUser,
        response: {
          201: UserView,
          ...problems(edge.adminWrite, coreCodes.contractPin, 'contract.user_limit', 'user.login_id_taken'),
        },
      },
    },
    async (request, reply) => reply.code(201).send(await kinko.createUser(customerOf(request), request.body)),
  );

  app.patch(
    '/api/v1/admin/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        tags,
        summary: "Change a user's name or password",
        security: write,
        params: params.userId,
        body: requests.updateUser,
        response: { 200: UserView, ...problems(edge.adminWrite, coreCodes.contractPin, 'user.not_found') },
      },
    },
    async (request) => kinko.updateUser(customerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/admin/users/:id',
    {
      schema: {
        operationId: 'removeUser',
        tags,
        summary: 'Remove a user',
        security: write,
        params: params.userId,
        body: requests.contractPin,
        response: {
          204: NoContent,
          ...problems(edge.adminWrite, coreCodes.contractPin, 'user.not_found', 'user.is_administrator'),
        },
      },
    },
    async (request, reply) => {
      await kinko.removeUser(customerOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  app.put(
    '/api/v1/admin/usage-mode',
    {
      schema: {
        operationId: 'setUsageMode',
        tags,
        summary: 'Token usage mode (利用形態設定, R3)',
        security: write,
        body: requests.usageMode,
        response: {
          200: ContractView,
          ...problems(edge.adminWrite, coreCodes.contractPin, 'token.usage_mode_unconfirmed'),
        },
      },
    },
    async (request) => kinko.setUsageMode(customerOf(request), request.body),
  );

  app.get(
    '/api/v1/admin/usage-mode/impact',
    {
      schema: {
        operationId: 'getUsageModeImpact',
        tags,
        summary: "What a switch of usage mode does to the users' token registrations (R3), before it",
        security: read,
        querystring: usageModeImpactQuery,
        response: { 200: UsageModeImpact, ...problems(edge.adminRead, edge.input) },
      },
    },
    async (request) => kinko.usageModeImpact(customerOf(request), request.query),
  );

  app.post(
    '/api/v1/admin/token-registrations',
    {
      schema: {
        operationId: 'registerToken',
        tags,
        summary: 'Register a token: serial, current OTP and contract PIN (利用登録, R2, T7)',
        security: write,
        body: requests.registerToken,
        response: {
          200: ContractWithUsers,
          ...problems(
            edge.adminWrite,
            coreCodes.contractPin,
            'otp.malformed',
            'otp.invalid',
            'otp.replayed',
            'otp.user_suspended',
            'serial.malformed',
            'serial.check_failed',
            'token.not_found',
            'token.not_registrable',
            'token.expired',
            'token.revoked',
            'token.usage_mode_mismatch',
            'user.not_found',
          ),
        },
      },
    },
    async (request) => kinko.registerToken(customerOf(request), request.body),
  );

  app.delete(
    '/api/v1/admin/token-registrations',
    {
      schema: {
        operationId: 'removeTokenRegistration',
        tags,
        summary: "Remove a user's registration, or the shared one (R5)",
        security: write,
        body: requests.removeRegistration,
        response: {
          204: NoContent,
          ...problems(edge.adminWrite, coreCodes.contractPin, 'token.not_found', 'user.not_found'),
        },
      },
    },
    async (request, reply) => {
      await kinko.removeTokenRegistration(customerOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/admin/users/:id/unlock',
    {
      schema: {
        operationId: 'unlockUser',
        tags,
        summary: 'Lift 利用中止 and a password lockout (A2)',
        security: write,
        params: params.userId,
        body: requests.contractPin,
        response: {
          200: UserView,
          ...problems(
            edge.adminWrite,
            coreCodes.contractPin,
            'user.not_found',
            'user.is_administrator',
            'user.not_suspended',
          ),
        },
      },
    },
    async (request) => kinko.unlockUser(customerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/admin/users/:id/card',
    {
      schema: {
        operationId: 'issueCard',
        tags,
        summary: 'Issue the legacy ア～ク card (利用者ワンタイムパスワード); shown once',
        security: write,
        params: params.userId,
        body: requests.contractPin,
        response: {
          200: Card,
          ...problems(edge.adminWrite, coreCodes.contractPin, 'user.not_found', 'card.replaced_by_token'),
        },
      },
    },
    async (request) => ({
      card: await kinko.issueCard(customerOf(request), request.params.id, request.body),
    }),
  );

  app.put(
    '/api/v1/admin/users/:id/confirm-pin',
    {
      schema: {
        operationId: 'setConfirmPin',
        tags,
        summary: 'Set the user confirmation PIN (利用者確認暗証番号)',
        security: write,
        params: params.userId,
        body: requests.confirmPin,
        response: { 204: NoContent, ...problems(edge.adminWrite, coreCodes.contractPin, 'user.not_found') },
      },
    },
    async (request, reply) => {
      await kinko.setConfirmPin(customerOf(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );
};
