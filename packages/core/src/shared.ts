/**
 * `@kinko/core/shared`: what the browser may take from core (STYLE: the web uses core through its
 * exports, never its src/). The API's shapes as types only, which vanish from the bundle, the
 * few constants the screens show, and the OTP protocol (T1, T5) the token app computes with
 * WebCrypto. Nothing imported here may need Node.
 */
export type * from './api.ts';
export {
  APPROVAL_MODES,
  APPROVAL_STATES,
  type ApprovalMode,
} from './approvals/states.ts';
export {
  AUDIT_ACTION_CODES,
  AUDIT_ACTIONS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_ROLE_LABELS,
  auditActionLabel,
  auditDetailLabel,
  auditDetailValue,
} from './audit/actions.ts';
export type { OtpOperation } from './config.ts';
export type { ErrorCode } from './errors.ts';
export { PRIVILEGES } from './identity/privileges.ts';
export { asciiBytes, SEED_BYTES, SEED_INFO } from './otp/activation-protocol.ts';
export {
  counterBytes,
  decimalCode,
  dynamicTruncate,
  OTP_DIGITS,
  TOTP_ALGORITHM,
  TOTP_PERIOD_SECONDS,
} from './otp/otp-format.ts';
export type * from './transfers/views.ts';
export { halfWidthAlnum, typedCode } from './typed-code.ts';
export type { DirectoryEntry } from './zengin/bank-directory.ts';
