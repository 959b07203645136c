import { createHmac } from 'node:crypto';
import { counterBytes, decimalCode, dynamicTruncate } from './otp-format.ts';

// Browser-safe, in otp-format.ts (the token app computes its codes with them too).
export { counterBytes, decimalCode, dynamicTruncate };

export type HmacAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

const nodeHashName = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;

/** HOTP with any of RFC 6238's three HMACs; the reference the fast verifier is tested against. */
export function hmacOtp(algorithm: HmacAlgorithm, key: Uint8Array, counter: number, digits: number): string {
  const mac = createHmac(nodeHashName[algorithm], key).update(counterBytes(counter)).digest();
  return decimalCode(dynamicTruncate(mac), digits);
}

/**
 * HOTP (RFC 4226 §5.3): HMAC-SHA-1 over the 8-byte counter, dynamically truncated. The
 * reference implementation on node:crypto; RFC 4226 R4 asks for at least 6 digits.
 */
export function hotp(key: Uint8Array, counter: number, digits = 6): string {
  if (digits < 6) throw new RangeError('RFC 4226 R4: an HOTP value has at least 6 digits');
  return hmacOtp('SHA1', key, counter, digits);
}
