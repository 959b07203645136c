import { createHash } from 'node:crypto';
import type { Random } from '../ports.ts';

/** An opaque record id: 128 random bits, hex. */
export function newId(random: Random): string {
  return Buffer.from(random.bytes(16)).toString('hex');
}

/** A bearer secret for a cookie or CSRF header: 256 random bits, base64url. */
export function newBearer(random: Random): string {
  return Buffer.from(random.bytes(32)).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Uniform decimal digits by rejection sampling: a byte is used only below 250 (a multiple of
 * 10), so no digit is more likely than another.
 */
export function randomDigits(random: Random, n: number): string {
  let out = '';
  while (out.length < n) {
    for (const b of random.bytes(n)) {
      if (b < 250 && out.length < n) out += String(b % 10);
    }
  }
  return out;
}
