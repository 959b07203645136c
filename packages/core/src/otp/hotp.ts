import { createHmac } from 'node:crypto';

export type HmacAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

const nodeHashName = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;

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

/** The 8-byte big-endian moving factor of RFC 4226 §5.2 (any safe, non-negative integer). */
export function counterBytes(counter: number): Uint8Array {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new RangeError(`counter must be a non-negative safe integer, got ${counter}`);
  }
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Math.floor(counter / 0x1_0000_0000));
  view.setUint32(4, counter >>> 0);
  return bytes;
}

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
