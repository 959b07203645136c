import { KinkoError } from '@kinko/core';
import { describe, expect, it } from 'vitest';
import { problemOf, toProblem } from './plugins/problem.ts';

const type = (code: string) => `https://kinko.example/problems/${code}`;

describe('RFC 9457 problem mapping (SPEC §4, STYLE habit 5)', () => {
  it('maps a KinkoError to its status, stable code and type URI, with its non-secret details', () => {
    const p = toProblem(
      new KinkoError('otp.invalid', 'Wrong OTP.', { remainingAttempts: 3 }),
      '/api/v1/step-up',
    );
    expect(p).toEqual({
      type: type('otp.invalid'),
      title: 'Wrong one-time password',
      status: 403,
      code: 'otp.invalid',
      detail: 'Wrong OTP.',
      instance: '/api/v1/step-up',
      remainingAttempts: 3,
    });
  });

  it('never lets details overwrite the standard members', () => {
    const p = toProblem(
      new KinkoError('otp.replayed', 'again', { status: 200, code: 'ok', type: 'x', step: 7 }),
    );
    expect(p).toMatchObject({ status: 403, code: 'otp.replayed', type: type('otp.replayed'), step: 7 });
  });

  it.each([
    ['otp.user_suspended', 423],
    ['activation.bad_public_key', 400],
    ['user.not_found', 404],
    ['auth.required', 401],
    ['request.csrf', 403],
    // M5: the limits (moved from core's limit-policy.test.ts with the status map)
    ['limits.exceeded', 422],
    ['limits.same_day_unregistered_exceeded', 422],
    ['limits.invalid', 400],
    ['limits.above_ceiling', 422],
    ['limits.per_transfer_above_per_day', 422],
    ['limits.sub_limit_above_per_day', 422],
    // M5a: the approval refusals (moved from core's approval-flow.test.ts)
    ['approval.not_allowed', 403],
    ['approval.same_person', 403],
    ['approval.wrong_order', 409],
    ['approval.expired', 409],
    ['approval.invalid_state', 409],
  ] as const)('%s answers %i', (code, status) => {
    expect(toProblem(new KinkoError(code)).status).toBe(status);
  });

  it('a validation error is 400 request.invalid with errors [{path, message}]', () => {
    const err = Object.assign(new Error('body/otp Invalid input'), {
      code: 'FST_ERR_VALIDATION',
      statusCode: 400,
      validationContext: 'body',
      validation: [
        { instancePath: '/otp', message: 'Invalid input: expected string, received number' },
        { instancePath: '', message: 'Unrecognized key: "extra"' },
        { instancePath: '/admin/loginId', message: 'Too big' },
      ],
    });
    const p = toProblem(err, '/api/v1/otp/check');
    expect(p).toMatchObject({ status: 400, code: 'request.invalid', type: type('request.invalid') });
    expect(p.errors).toEqual([
      { path: 'body.otp', message: 'Invalid input: expected string, received number' },
      { path: 'body', message: 'Unrecognized key: "extra"' },
      { path: 'body.admin.loginId', message: 'Too big' },
    ]);
  });

  it.each([
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 415, 'request.unsupported_media_type'],
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 413, 'request.too_large'],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 400, 400, 'request.invalid'],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 400, 400, 'request.invalid'],
    ['FST_ERR_CTP_INVALID_CONTENT_LENGTH', 400, 400, 'request.invalid'],
    ['FST_ERR_NOT_FOUND', 404, 404, 'route.not_found'],
  ])('Fastify %s (%i) answers %i %s', (fstCode, statusCode, status, code) => {
    const p = toProblem(Object.assign(new Error('x'), { code: fstCode, statusCode }));
    expect(p).toMatchObject({ status, code, type: type(code) });
  });

  it('a plain JSON syntax error carrying statusCode 400 is request.invalid', () => {
    expect(toProblem(Object.assign(new SyntaxError('Unexpected token'), { statusCode: 400 })).code).toBe(
      'request.invalid',
    );
  });

  it('an unrecognised error is 500 server.internal, and its message never reaches the client', () => {
    const p = toProblem(new Error('connection to postgres://admin:hunter2@db failed'), '/api/v1/time');
    expect(p).toEqual({
      type: type('server.internal'),
      title: 'Internal server error',
      status: 500,
      code: 'server.internal',
      detail: 'An unexpected error occurred.',
      instance: '/api/v1/time',
    });
    expect(JSON.stringify(p)).not.toContain('hunter2');
  });

  it('a thrown non-error value is 500 server.internal', () => {
    expect(toProblem('boom').status).toBe(500);
    expect(toProblem(undefined).code).toBe('server.internal');
  });

  it('problemOf omits instance when there is none', () => {
    expect(problemOf('route.not_found', 'No such resource.', undefined)).not.toHaveProperty('instance');
  });
});
