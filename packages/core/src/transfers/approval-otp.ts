/**
 * M5b: which operations ask for the OTP is per-bank configuration. M5a: by default the OTP is
 * asked when a transaction is executed or approved. The bank's configuration is a set of
 * operations; this module only reads it (the caller passes the bank's set, or the default).
 */
import type { ApprovalAction, ApprovalMode } from './approval-states.ts';

export type OtpOperation =
  | 'transfer.execute' // 振込・振替の実行 (in 'none' mode the requester's submit executes it)
  | 'transfer.submit' // 承認依頼 in an approval mode
  | 'transfer.approve' // 承認 (each step of a double approval)
  | 'transfer.withdraw' // 引戻し
  | 'transfer.return' // 差戻し
  | 'transfer.cancel_approval' // 承認取消
  | 'transfer.cancel_scheduled' // 予約取消
  | 'bill.pay' // Pay-easy
  | 'file.approve' // ファイル伝送: approval
  | 'file.send'; // ファイル伝送: sending

/** M5b's default: execution, cancelling a scheduled transfer, bill payment, file approval and sending, and approval (M5a). */
export const DEFAULT_OTP_OPERATIONS: ReadonlySet<OtpOperation> = new Set<OtpOperation>([
  'transfer.execute',
  'transfer.approve',
  'transfer.cancel_scheduled',
  'bill.pay',
  'file.approve',
  'file.send',
]);

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
export function otpOperationOf(action: ApprovalAction, mode: ApprovalMode): OtpOperation | null {
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

/**
 * M5b: whether the bank's configured set of operations asks for the OTP for this operation (null:
 * a system action, never). The one check: the approval actions (needsOtp), the confirmation of a
 * transfer (confirm.ts) and the cancellation of a scheduled one (scheduled.ts) all ask it.
 */
export function asksOtp(otpOperations: Iterable<OtpOperation>, op: OtpOperation | null): boolean {
  if (op === null) return false;
  for (const configured of otpOperations) if (configured === op) return true;
  return false;
}

/** M5b: whether this approval action asks the acting user for the OTP under the bank's configuration. */
export function needsOtp(action: ApprovalAction, config: OtpConfig): boolean {
  return asksOtp(config.otpOperations, otpOperationOf(action, config.mode));
}
