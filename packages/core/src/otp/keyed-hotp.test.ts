import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterBytes, dynamicTruncate, hotp } from './hotp.ts';
import { KeyedHotpSha1 } from './keyed-hotp.ts';

/** The reference: node's HMAC-SHA-1 and RFC 4226 §5.3 truncation, no shortcuts. */
function referenceSnum(key: Uint8Array, counter: number): number {
  return dynamicTruncate(createHmac('sha1', key).update(counterBytes(counter)).digest());
}

function fast(key: Uint8Array, counter: number): number {
  return new KeyedHotpSha1(key).truncated(Math.floor(counter / 2 ** 32), counter >>> 0);
}

describe('hand-written HMAC-SHA-1 with precomputed midstates', () => {
  it('T1: equals createHmac-based HOTP for thousands of random keys and counters', () => {
    fc.assert(
      fc.property(
        // 0..200-byte keys cover the short (zero-padded), exact-block and hashed-first (> 64)
        // cases of RFC 2104 §2.
        fc.uint8Array({ minLength: 0, maxLength: 200 }),
        fc.oneof(fc.nat(), fc.integer({ min: 0, max: 0xffff_ffff }), fc.maxSafeNat()),
        (key, counter) => {
          expect(fast(key, counter)).toBe(referenceSnum(key, counter));
        },
      ),
      { numRuns: 5000, seed: 4226 },
    );
  });

  it('T1: one instance gives the same codes over many consecutive counters (no state leaks between calls)', () => {
    const key = new Uint8Array(Buffer.from('12345678901234567890', 'ascii'));
    const k = new KeyedHotpSha1(key);
    for (let c = 0; c < 2000; c++) {
      expect(String(k.truncated(0, c) % 1e6).padStart(6, '0')).toBe(hotp(key, c));
    }
  });

  it('T1: every key length from 0 to 130 bytes, and every truncation offset', () => {
    const offsets = new Set<number>();
    for (let len = 0; len <= 130; len++) {
      const key = Uint8Array.from({ length: len }, (_, i) => (i * 37 + len) & 0xff);
      for (let c = 0; c < 16; c++) {
        const mac = createHmac('sha1', key).update(counterBytes(c)).digest();
        offsets.add(mac[19]! & 0xf);
        expect(fast(key, c)).toBe(dynamicTruncate(mac));
      }
    }
    expect(offsets.size).toBe(16);
  });
});
