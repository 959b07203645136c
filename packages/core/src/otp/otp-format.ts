/**
 * T1: a Kinko OTP is exactly 6 ASCII digits: not full-width digits (０-９), not other scripts'
 * digits, no spaces. Normalising what a person typed is the edge's job; core compares bytes.
 * The code's parameters and its making from the HMAC (RFC 4226 §5.3) live here, free of
 * node:, so that the token app (WebCrypto) and core (node:crypto) share them through
 * @kinko/core/shared; each computes the HMAC itself.
 */
export const OTP_DIGITS = 6;
/** T1: 30-second steps counted from the Unix epoch (RFC 6238 §4.1, X = 30, T0 = 0). */
export const TOTP_PERIOD_SECONDS = 30;
/** T1: the HMAC of a Kinko OTP (RFC 6238 §1.2 allows SHA-256 and SHA-512 too). */
export const TOTP_ALGORITHM = 'SHA1';

/** The OTP's numeric value, or -1 when `s` is not exactly six ASCII digits. */
export function otpValue(s: string): number {
  if (typeof s !== 'string' || s.length !== OTP_DIGITS) return -1;
  let value = 0;
  for (let i = 0; i < OTP_DIGITS; i++) {
    const digit = s.charCodeAt(i) - 48; // '0'
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** True iff `s` is exactly six ASCII digits. Callers check this first (otp.malformed). */
export function isOtpFormat(s: string): boolean {
  return otpValue(s) >= 0;
}

/** The 8-byte big-endian moving factor of RFC 4226 §5.2 (any safe, non-negative integer). */
export function counterBytes(counter: number): Uint8Array<ArrayBuffer> {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError(`counter must be a non-negative safe integer, got ${counter}`);
  }
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Math.floor(counter / 0x1_0000_0000));
  view.setUint32(4, counter >>> 0);
  return bytes;
}

/**
 * RFC 4226 §5.3 dynamic truncation: the low nibble of the last byte picks four bytes of the
 * MAC, whose top bit is masked so the result reads the same signed or unsigned on any platform.
 * Works for any MAC length ≥ 20 (RFC 6238 §1.2 reuses it for SHA-256 and SHA-512).
 */
export function dynamicTruncate(mac: Uint8Array): number {
  const offset = mac[mac.length - 1]! & 0xf;
  return (
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!
  );
}

/** The decimal code: Snum mod 10^digits, left-padded with zeros (RFC 4226 §5.3 step 3). */
export function decimalCode(snum: number, digits: number): string {
  if (!Number.isInteger(digits) || digits < 1 || digits > 10) {
    throw new RangeError(`digits must be 1..10, got ${digits}`);
  }
  // 10^10 exceeds 2^31, so a 10-digit code is Snum itself, as in the RFC 4226 reference code.
  return String(snum % 10 ** digits).padStart(digits, '0');
}
