/**
 * M5a under M5b: the operation each approval action is, so that the bank's set of operations
 * (tokens/operations.ts) decides whether the acting user is asked for the OTP.
 */

import type { OtpOperation } from '../config.ts';
import { asksOtp } from '../tokens/operations.ts';
import type { ApprovalAction, ApprovalMode } from './states.ts';

export interface OtpConfig {
  /** The contract's approval mode: it decides whether a submit is the execution. */
  mode: ApprovalMode;
  /** The bank's set of operations that ask for the OTP (DEFAULT_OTP_OPERATIONS unless configured). */
  otpOperations: ReadonlySet<OtpOperation>;
}

/**
 * The operation an approval action is, or null for the system's own actions ('expire';
 * 'process', which follows an approval or a submit that already asked for the OTP).
 */
function otpOperationOf(action: ApprovalAction, mode: ApprovalMode): OtpOperation | null {
  switch (action) {
    case 'submit':
      return mode === 'none' ? 'transfer.execute' : 'transfer.submit';
    case 'approve':
      return 'transfer.approve';
    case 'withdraw':
      return 'transfer.withdraw';
    case 'return':
      return 'transfer.return';
    case 'cancel_approval':
      return 'transfer.cancel_approval';
    case 'expire':
    case 'process':
      return null;
  }
}

/** M5b: whether this approval action asks the acting user for the OTP under the bank's configuration. */
export function needsOtp(action: ApprovalAction, config: OtpConfig): boolean {
  return asksOtp(config.otpOperations, otpOperationOf(action, config.mode));
}
