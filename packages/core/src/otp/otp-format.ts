/**
 * T1: a Kinko OTP is exactly 6 ASCII digits: not full-width digits (０-９), not other scripts'
 * digits, no spaces. Normalising what a person typed is the edge's job; core compares bytes.
 */
export const OTP_DIGITS = 6;

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
