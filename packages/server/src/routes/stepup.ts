/** Transaction authentication (SPEC M2, R4, T2, T3, A2): the one step-up every operation uses. */
import type { KinkoApi, StepUpProof } from '@kinko/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireCsrfToken } from '../plugins/csrf.ts';
import { customerOf, requireCustomer } from '../plugins/session.ts';
import { coreCodes, edge, problems } from '../problem-schemas.ts';
import { requests, StepUpChallenge, StepUpResult } from '../schemas.ts';

const tags = ['step-up'];
const security = [{ customerSession: [], csrfToken: [] }];

export const stepUpRoutes: FastifyPluginAsyncZod<{ kinko: KinkoApi }> = async (app, { kinko }) => {
  app.addHook('onRequest', requireCustomer(kinko));
  app.addHook('onRequest', requireCsrfToken);

  app.get(
    '/api/v1/step-up',
    {
      schema: {
        operationId: 'getStepUpChallenge',
        tags,
        summary: 'Which proof the user gives: the OTP, or PIN plus one legacy card position',
        security: [{ customerSession: [] }],
        response: {
          200: StepUpChallenge,
          ...problems(edge.customerRead, 'otp.user_suspended', 'card.not_issued', 'pin.not_set'),
        },
      },
    },
    async (request) => kinko.stepUpChallenge(customerOf(request)),
  );

  app.post(
    '/api/v1/step-up',
    {
      schema: {
        operationId: 'stepUp',
        tags,
        summary: 'Authorise with the OTP (T2, A2) or the user confirmation PIN and card (M2)',
        security,
        body: requests.stepUp,
        response: { 200: StepUpResult, ...problems(edge.customerWrite, coreCodes.stepUp) },
      },
    },
    async (request) => {
      const body = request.body;
      const proof: StepUpProof =
        'otp' in body
          ? { otp: body.otp }
          : { confirmPin: body.confirmPin, cardPosition: body.cardPosition, cardValue: body.cardValue };
      return kinko.stepUp(customerOf(request), proof, body.purpose ?? 'step-up');
    },
  );

  app.post(
    '/api/v1/otp/check',
    {
      schema: {
        operationId: 'checkOtp',
        tags,
        summary:
          'トークン動作確認: check an OTP, authorising nothing (consumes its step, counts failures, audited as token.check)',
        security,
        body: requests.otpCheck,
        response: { 200: StepUpResult, ...problems(edge.customerWrite, coreCodes.stepUp) },
      },
    },
    async (request) => kinko.checkToken(customerOf(request), request.body.otp),
  );
};
