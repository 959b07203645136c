import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Random } from '../ports.ts';
import { createAesGcmKek } from './kek.ts';

const random: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };
const key = new Uint8Array(randomBytes(32));
const seed = new Uint8Array(randomBytes(20));

describe('AES-256-GCM key-encryption key', () => {
  it('T6: a sealed seed opens to the same bytes, in the documented format', () => {
    const fixedNonce: Random = { bytes: (n) => new Uint8Array(n).fill(7) };
    const kek = createAesGcmKek(key, fixedNonce);
    const sealed = kek.seal(seed, 'seed:tok_1');
    expect(sealed).toHaveLength(1 + 12 + seed.length + 16);
    expect(sealed[0]).toBe(1);
    expect([...sealed.subarray(1, 13)]).toEqual(new Array(12).fill(7));
    expect(Buffer.from(sealed.subarray(13, 13 + seed.length)).equals(Buffer.from(seed))).toBe(false);
    expect(kek.open(sealed, 'seed:tok_1')).toEqual(seed);
    expect(createAesGcmKek(key, random).open(sealed, 'seed:tok_1')).toEqual(seed);
  });

  it('T6: each seal takes a fresh nonce, so the same seed seals differently', () => {
    const kek = createAesGcmKek(key, random);
    const a = kek.seal(seed, 'seed:tok_1');
    const b = kek.seal(seed, 'seed:tok_1');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(kek.open(b, 'seed:tok_1')).toEqual(seed);
  });

  it('T6: a ciphertext moved to another row (other associated data) does not open', () => {
    const kek = createAesGcmKek(key, random);
    const sealed = kek.seal(seed, 'seed:tok_1');
    expect(() => kek.open(sealed, 'seed:tok_2')).toThrow();
    expect(() => kek.open(sealed, '')).toThrow();
  });

  it('T6: any changed byte, a truncation or an unknown version fails to open', () => {
    const kek = createAesGcmKek(key, random);
    const sealed = kek.seal(seed, 'seed:tok_1');
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Uint8Array.from(sealed);
      tampered[i]! ^= 0x01;
      expect(() => kek.open(tampered, 'seed:tok_1'), `byte ${i}`).toThrow();
    }
    expect(() => kek.open(sealed.subarray(0, sealed.length - 1), 'seed:tok_1')).toThrow();
    expect(() => kek.open(sealed.subarray(0, 28), 'seed:tok_1')).toThrow();
  });

  it('T6: another key does not open it', () => {
    const sealed = createAesGcmKek(key, random).seal(seed, 'seed:tok_1');
    const other = createAesGcmKek(new Uint8Array(randomBytes(32)), random);
    expect(() => other.open(sealed, 'seed:tok_1')).toThrow();
  });

  it('T6: the key must be 32 bytes (AES-256)', () => {
    for (const n of [0, 16, 24, 31, 33, 64]) {
      expect(() => createAesGcmKek(new Uint8Array(n), random), `${n} bytes`).toThrow(RangeError);
    }
  });

  it('T6: an empty plaintext still authenticates', () => {
    const kek = createAesGcmKek(key, random);
    const sealed = kek.seal(new Uint8Array(0), 'card:u1');
    expect(sealed).toHaveLength(29);
    expect(kek.open(sealed, 'card:u1')).toEqual(new Uint8Array(0));
    expect(() => kek.open(sealed, 'card:u2')).toThrow();
  });
});
