/**
 * TOTP in the browser (SPEC T1): RFC 6238 over RFC 4226 HOTP, with the protocol's period,
 * digits and truncation from core (@kinko/core/shared); the HMAC is WebCrypto's, under a
 * non-extractable key (T5).
 */
import {
  counterBytes,
  decimalCode,
  dynamicTruncate,
  OTP_DIGITS,
  TOTP_PERIOD_SECONDS,
} from '@kinko/core/shared';

export const periodMs = TOTP_PERIOD_SECONDS * 1000;

/** RFC 6238 §4.2: T = floor((now - T0) / X), T0 = 0. */
export function counterAt(epochMs: number): number {
  return Math.floor(epochMs / periodMs);
}

/** Seconds left in the current step: 30 … 1. */
export function secondsLeft(epochMs: number): number {
  return TOTP_PERIOD_SECONDS - Math.floor((epochMs % periodMs) / 1000);
}

export async function hotp(key: CryptoKey, counter: number, digits = OTP_DIGITS): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', key, counterBytes(counter));
  return decimalCode(dynamicTruncate(new Uint8Array(mac)), digits);
}

export function totp(key: CryptoKey, epochMs: number, digits = OTP_DIGITS): Promise<string> {
  return hotp(key, counterAt(epochMs), digits);
}
