/**
 * The problems each operation documents (SPEC §4): one response per status, whose Problem has a
 * `code` enumerating exactly the codes that operation can answer with that status. Statuses
 * come from statusOf (plugins/problem-status.ts), so the document cannot drift from what the
 * server sends. A route lists its codes as the edge groups below (what its hooks and method can
 * refuse) plus what its core use case throws; openapi-problems.test.ts checks the groups against
 * each operation's shape, and every server test checks each problem it receives is documented
 * (testing.ts).
 */
import { STATUS_CODES } from 'node:http';
import type { ErrorCode } from '@kinko/core';
import { z } from 'zod';
import { statusOf } from './plugins/problem-status.ts';
import { Problem } from './schemas.ts';

type Codes = readonly ErrorCode[];

/** Body-parser refusals (plugins/problem.ts): every POST, PUT, PATCH and DELETE may carry a body. */
const body: Codes = ['request.invalid', 'request.too_large', 'request.unsupported_media_type'];
/** The Origin check on every state-changing request (login too), and X-CSRF-Token within a session. */
const write: Codes = [...body, 'request.csrf'];
/** requireCustomer: no session, or an expired one; core's customer context: 取引中止 (A6). */
const customer: Codes = ['auth.required', 'auth.session_expired', 'contract.stopped'];
/** requireOperator and core's operator check (B1). */
const operator: Codes = ['auth.required', 'auth.session_expired', 'auth.locked', 'auth.forbidden'];

export const edge = {
  /** A request schema (params, querystring or headers) on a GET. */
  input: ['request.invalid'] as Codes,
  publicWrite: write,
  customerRead: customer,
  customerWrite: [...customer, ...write] as Codes,
  adminRead: [...customer, 'auth.forbidden'] as Codes,
  adminWrite: [...customer, 'auth.forbidden', ...write] as Codes,
  operatorRead: operator,
  operatorWrite: [...operator, ...write] as Codes,
  rateLimited: ['request.rate_limited'] as Codes,
};

/** What core's use cases share (read from their code; docs/http-api.md lists the details). */
export const coreCodes = {
  contractPin: ['pin.invalid', 'pin.locked'] as Codes,
  stepUp: [
    'otp.malformed',
    'otp.invalid',
    'otp.replayed',
    'otp.user_suspended',
    'otp.token_not_active',
    'card.replaced_by_token',
    'card.invalid',
    'card.not_issued',
    'pin.invalid',
    'pin.not_set',
  ] as Codes,
  idempotency: ['idempotency.key_required', 'idempotency.key_invalid', 'idempotency.key_reused'] as Codes,
  payeeAccount: [
    'payee.bank_code_invalid',
    'payee.branch_code_invalid',
    'payee.bank_not_found',
    'payee.branch_not_found',
    'payee.account_type_invalid',
    'payee.account_number_invalid',
    'payee.name_required',
    'payee.name_invalid',
    'payee.name_too_long',
  ] as Codes,
  valueDate: [
    'transfer.value_date_invalid',
    'transfer.value_date_past',
    'transfer.value_date_not_business_day',
    'transfer.value_date_after_cutoff',
    'transfer.value_date_beyond_horizon',
  ] as Codes,
  transferLimits: ['limits.exceeded', 'limits.same_day_unregistered_exceeded'] as Codes,
  limitSettings: [
    'limits.invalid',
    'limits.above_ceiling',
    'limits.per_transfer_above_per_day',
    'limits.sub_limit_above_per_day',
  ] as Codes,
  posting: ['account.not_found', 'account.closed', 'account.frozen', 'ledger.insufficient_funds'] as Codes,
  approval: [
    'approval.not_allowed',
    'approval.same_person',
    'approval.wrong_order',
    'approval.expired',
    'approval.invalid_state',
  ] as Codes,
};

/**
 * The problem responses of one operation, by status, from the codes it can answer (groups
 * above and single codes alike; `server.internal` is always there). Spread into a route's `response`.
 */
export function problems(...codes: (ErrorCode | Codes)[]) {
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const code of ['server.internal' as const, ...codes.flat()]) {
    const status = statusOf(code);
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  const responses: Record<number, { description: string; content: Record<string, { schema: z.ZodType }> }> =
    {};
  for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = [...set].sort();
    responses[status] = {
      description: `${STATUS_CODES[status] ?? 'Error'}: ${list.join(', ')}`,
      content: {
        'application/problem+json': {
          schema: z.intersection(
            Problem,
            z.looseObject({ code: z.enum(list as [ErrorCode, ...ErrorCode[]]) }),
          ),
        },
      },
    };
  }
  return responses;
}
