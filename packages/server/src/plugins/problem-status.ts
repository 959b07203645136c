/**
 * The HTTP status of every error code (SPEC §4, STYLE habit 5). Core's codes carry no HTTP: the
 * server decides here, once, what each refusal is on the wire. A Record over ErrorCode, so a new
 * code in core's errors.ts does not compile until it has a status. The problem bodies, the
 * OpenAPI document's problem responses and docs/http-api.md's table all read it through statusOf.
 */
import type { ErrorCode } from '@kinko/core';

const statuses: Record<ErrorCode, number> = {
  // request shape
  'request.invalid': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'request.rate_limited': 429,
  'request.csrf': 403,
  // authentication and sessions (A*)
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.forbidden': 403,
  'auth.session_expired': 401,
  'pin.invalid': 403,
  'pin.locked': 423,
  'pin.not_set': 409,
  // OTP and tokens (T*, R*)
  'otp.malformed': 400,
  'otp.invalid': 403,
  'otp.replayed': 403,
  'otp.user_suspended': 423,
  'otp.token_not_active': 409,
  'card.replaced_by_token': 409,
  'card.invalid': 403,
  'card.not_issued': 409,
  'serial.malformed': 400,
  'serial.check_failed': 400,
  'token.not_found': 404,
  'token.not_registrable': 409,
  'token.expired': 409,
  'token.revoked': 409,
  'token.usage_mode_mismatch': 409,
  'alert.not_found': 404,
  'token.usage_mode_unconfirmed': 409,
  'activation.bad_public_key': 400,
  'activation.otpauth_disabled': 404,
  // contracts, users, back office (R*, B*)
  'contract.not_found': 404,
  'contract.user_limit': 409,
  'contract.stopped': 423,
  'user.not_found': 404,
  'user.login_id_taken': 409,
  'user.is_administrator': 409,
  'user.not_suspended': 409,
  'branch.not_found': 404,
  'operator.not_found': 404,
  // audit (L1)
  'audit.checkpoint_invalid': 400,
  // client certificates and the bank's CA (A5, B1)
  'ca.not_configured': 503,
  'certificate.csr_malformed': 400,
  'certificate.csr_too_large': 413,
  'certificate.csr_bad_signature': 400,
  'certificate.csr_subject_mismatch': 422,
  'certificate.key_unsupported': 400,
  'certificate.malformed': 400,
  'certificate.too_large': 413,
  'certificate.rejected': 403,
  'certificate.not_found': 404,
  'certificate.not_active': 409,
  'certificate.renewal_not_due': 409,
  'certificate.login_method': 409,
  'certificate.code_invalid': 403,
  'certificate.code_expired': 403,
  // ledger (M1, M9)
  'amount.invalid': 400,
  'account.not_found': 404,
  'account.closed': 409,
  'account.frozen': 409,
  'ledger.insufficient_funds': 409,
  // transfers: amounts, value dates, payees (M1, M6, M8)
  'transfer.value_date_invalid': 400,
  'transfer.value_date_past': 422,
  'transfer.value_date_not_business_day': 422,
  'transfer.value_date_after_cutoff': 422,
  'transfer.value_date_beyond_horizon': 422,
  'payee.name_required': 400,
  'payee.name_invalid': 400,
  'payee.name_too_long': 400,
  'payee.bank_code_invalid': 400,
  'payee.branch_code_invalid': 400,
  'payee.bank_not_found': 422,
  'payee.branch_not_found': 422,
  'payee.account_type_invalid': 400,
  'payee.account_number_invalid': 400,
  'payee.account_not_found': 422,
  'payee.not_found': 404,
  'payee.registered_read_only': 403,
  // transfers: entry, confirmation, schedule (M2–M4, M6)
  'transfer.same_day_not_allowed': 422,
  'transfer.same_account': 422,
  'transfer.not_found': 404,
  'transfer.not_pending': 409,
  'transfer.not_cancellable': 409,
  'transfer.expired': 409,
  // idempotency keys of create calls (M3)
  'idempotency.key_required': 400,
  'idempotency.key_invalid': 400,
  'idempotency.key_reused': 409,
  // limits (M5)
  'limits.exceeded': 422,
  'limits.same_day_unregistered_exceeded': 422,
  'limits.invalid': 400,
  'limits.above_ceiling': 422,
  'limits.per_transfer_above_per_day': 422,
  'limits.sub_limit_above_per_day': 422,
  // approvals (M5a)
  'approval.not_allowed': 403,
  'approval.same_person': 403,
  'approval.wrong_order': 409,
  'approval.expired': 409,
  'approval.invalid_state': 409,
  // the server itself
  'server.internal': 500,
  'route.not_found': 404,
};

export function statusOf(code: ErrorCode): number {
  return statuses[code];
}
