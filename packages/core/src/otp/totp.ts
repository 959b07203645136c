import { type HmacAlgorithm, hmacOtp } from './hotp.ts';

/** T1: 30-second steps counted from the Unix epoch (RFC 6238 §4.1, X = 30, T0 = 0). */
export const TOTP_PERIOD_SECONDS = 30;

/** The RFC 6238 §4.2 time step T = floor((unix time - T0) / X) of an epoch-milliseconds time. */
export function timeStep(timeMs: number, periodSeconds = TOTP_PERIOD_SECONDS): number {
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
  const digits = opts.digits ?? 6;
  if (digits < 6) throw new RangeError('RFC 4226 R4: an OTP value has at least 6 digits');
  return hmacOtp(opts.algorithm ?? 'SHA1', key, step, digits);
}
