import { type HmacAlgorithm, hmacOtp } from './hotp.ts';
import { OTP_DIGITS, TOTP_ALGORITHM, TOTP_PERIOD_SECONDS } from './otp-format.ts';

export { TOTP_PERIOD_SECONDS };

/** The RFC 6238 §4.2 time step T = floor((unix time - T0) / X) of an epoch-milliseconds time. */
function timeStep(timeMs: number, periodSeconds = TOTP_PERIOD_SECONDS): number {
  if (!Number.isFinite(timeMs) || timeMs < 0) throw new RangeError(`time must be ≥ 0 ms, got ${timeMs}`);
  if (!Number.isInteger(periodSeconds) || periodSeconds < 1) {
    throw new RangeError(`period must be a positive number of seconds, got ${periodSeconds}`);
  }
  return Math.floor(timeMs / (periodSeconds * 1000));
}

/**
 * TOTP (RFC 6238 §4.2): HOTP over the time step. The reference implementation on node:crypto;
 * defaults are T1's (SHA-1, 6 digits, 30 s).
 */
export function totp(
  key: Uint8Array,
  timeMs: number,
  opts: { period?: number; digits?: number; algorithm?: HmacAlgorithm } = {},
): string {
  const step = timeStep(timeMs, opts.period ?? TOTP_PERIOD_SECONDS);
  const digits = opts.digits ?? OTP_DIGITS;
  if (digits < 6) throw new RangeError('RFC 4226 R4: an OTP value has at least 6 digits');
  return hmacOtp(opts.algorithm ?? TOTP_ALGORITHM, key, step, digits);
}
