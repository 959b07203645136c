/**
 * Errors are values with stable codes (STYLE habit 5), each `<area>.<what>`. Core knows no HTTP:
 * the server maps each code once to an RFC 9457 problem and its status (plugins/problem-status.ts),
 * the web translates each code; both are Records over ErrorCode, so the compiler asks them for a
 * new code. Add codes here only.
 */
export const ERROR_CODES = [
  // request shape
  'request.invalid',
  'request.too_large',
  'request.unsupported_media_type',
  'request.rate_limited',
  'request.csrf',
  // authentication and sessions (A*)
  'auth.required',
  'auth.invalid_credentials',
  'auth.locked',
  'auth.forbidden',
  'auth.session_expired',
  'pin.invalid',
  'pin.locked',
  'pin.not_set',
  // OTP and tokens (T*, R*)
  'otp.malformed',
  'otp.invalid',
  'otp.replayed',
  'otp.user_suspended',
  'otp.token_not_active',
  'card.replaced_by_token',
  'card.invalid',
  'card.not_issued',
  'serial.malformed',
  'serial.check_failed',
  'token.not_found',
  'token.not_registrable',
  'token.expired',
  'token.revoked',
  'token.usage_mode_mismatch',
  'alert.not_found',
  'token.usage_mode_unconfirmed',
  'activation.bad_public_key',
  'activation.otpauth_disabled',
  // contracts, users, back office (R*, B*)
  'contract.not_found',
  'contract.user_limit',
  'contract.stopped',
  'user.not_found',
  'user.login_id_taken',
  'user.is_administrator',
  'user.not_suspended',
  'branch.not_found',
  'operator.not_found',
  // audit (L1)
  'audit.checkpoint_invalid',
  // client certificates and the bank's CA (A5, B1)
  'ca.not_configured',
  'certificate.csr_malformed',
  'certificate.csr_too_large',
  'certificate.csr_bad_signature',
  'certificate.csr_subject_mismatch',
  'certificate.key_unsupported',
  'certificate.malformed',
  'certificate.too_large',
  'certificate.rejected',
  'certificate.not_found',
  'certificate.not_active',
  'certificate.renewal_not_due',
  'certificate.login_method',
  'certificate.code_invalid',
  'certificate.code_expired',
  // ledger (M1, M9)
  'amount.invalid',
  'account.not_found',
  'account.closed',
  'account.frozen',
  'ledger.insufficient_funds',
  // transfers: amounts, value dates, payees (M1, M6, M8)
  'transfer.value_date_invalid',
  'transfer.value_date_past',
  'transfer.value_date_not_business_day',
  'transfer.value_date_after_cutoff',
  'transfer.value_date_beyond_horizon',
  'payee.name_required',
  'payee.name_invalid',
  'payee.name_too_long',
  'payee.bank_code_invalid',
  'payee.branch_code_invalid',
  'payee.bank_not_found',
  'payee.branch_not_found',
  'payee.account_type_invalid',
  'payee.account_number_invalid',
  'payee.account_not_found',
  'payee.not_found',
  'payee.registered_read_only',
  // transfers: entry, confirmation, schedule (M2–M4, M6)
  'transfer.same_day_not_allowed',
  'transfer.same_account',
  'transfer.not_found',
  'transfer.not_pending',
  'transfer.not_cancellable',
  'transfer.expired',
  // idempotency keys of create calls (M3)
  'idempotency.key_required',
  'idempotency.key_invalid',
  'idempotency.key_reused',
  // limits (M5)
  'limits.exceeded',
  'limits.same_day_unregistered_exceeded',
  'limits.invalid',
  'limits.above_ceiling',
  'limits.per_transfer_above_per_day',
  'limits.sub_limit_above_per_day',
  // approvals (M5a)
  'approval.not_allowed',
  'approval.same_person',
  'approval.wrong_order',
  'approval.expired',
  'approval.invalid_state',
  // the server itself: an unexpected failure, a path or method with no route
  'server.internal',
  'route.not_found',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const known: ReadonlySet<string> = new Set(ERROR_CODES);

/** Whether a string is one of core's codes (a thrown KinkoError always carries one; JSON may not). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && known.has(code);
}

export class KinkoError extends Error {
  readonly code: ErrorCode;
  /** Non-secret facts the client may show (e.g. remaining attempts). Never a secret. */
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'KinkoError';
    this.code = code;
    this.details = details;
  }
}

export function isKinkoError(e: unknown): e is KinkoError {
  return e instanceof KinkoError;
}
