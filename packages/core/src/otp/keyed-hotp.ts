import { createHash } from 'node:crypto';
import { SHA1_IV, sha1Compress } from './sha1-block.ts';

const BLOCK_BYTES = 64;

/**
 * HMAC-SHA-1 HOTP for one key, with the keyed midstates precomputed: RFC 2104 §4 notes that
 * the compressions of K ⊕ ipad and K ⊕ opad can be computed once per key. Each `truncated`
 * call is then exactly two SHA-1 compressions on buffers allocated here, once: nothing is
 * allocated per call. Why hand-written rather than node:crypto: see sha1-block.ts.
 *
 * The scratch buffers are per instance and reused by every call, which is safe because a
 * JavaScript isolate runs one call at a time; never share an instance through shared memory.
 */
export class KeyedHotpSha1 {
  /** SHA-1 state after the block K ⊕ ipad (RFC 2104 §2 step 1–2). */
  private readonly inner = new Int32Array(5);
  /** SHA-1 state after the block K ⊕ opad (RFC 2104 §2 step 5). */
  private readonly outer = new Int32Array(5);
  private readonly w = new Int32Array(80);
  private readonly h = new Int32Array(5);

  constructor(key: Uint8Array) {
    // RFC 2104 §2: a key longer than the block is first hashed; a shorter one is zero-padded.
    const k = key.length > BLOCK_BYTES ? new Uint8Array(createHash('sha1').update(key).digest()) : key;
    const padded = new Uint8Array(BLOCK_BYTES);
    padded.set(k);
    const iv = Int32Array.from(SHA1_IV);
    this.keyBlock(padded, 0x36);
    sha1Compress(iv, this.w, this.inner);
    this.keyBlock(padded, 0x5c);
    sha1Compress(iv, this.w, this.outer);
    padded.fill(0);
    if (k !== key) k.fill(0);
    this.w.fill(0);
  }

  /**
   * The RFC 4226 §5.3 dynamic truncation of HMAC-SHA-1(K, counter) as a 31-bit integer
   * (the "Snum" before the modulo); the 8-byte counter is given as its high and low words.
   * Branch-free on the secret digest: the offset selects words by index, never by `if`.
   */
  truncated(counterHi: number, counterLo: number): number {
    const w = this.w;
    const h = this.h;
    // Inner hash: one block = 8-byte counter || 0x80 || zeros || bit length (64 + 8) · 8 = 576
    // (FIPS 180-4 §5.1.1 padding).
    w[0] = counterHi;
    w[1] = counterLo;
    w[2] = 0x80000000 | 0;
    for (let i = 3; i < 15; i++) w[i] = 0;
    w[15] = 576;
    sha1Compress(this.inner, w, h);
    // Outer hash: one block = 20-byte inner digest || 0x80 || zeros || (64 + 20) · 8 = 672.
    w[0] = h[0]!;
    w[1] = h[1]!;
    w[2] = h[2]!;
    w[3] = h[3]!;
    w[4] = h[4]!;
    w[5] = 0x80000000 | 0;
    for (let i = 6; i < 15; i++) w[i] = 0;
    w[15] = 672;
    sha1Compress(this.outer, w, h);
    // RFC 4226 §5.3: offset = low nibble of byte 19; take bytes offset..offset+3 and mask the
    // sign bit. They start in word offset >> 2, r = 8·(offset & 3) bits in; the next word's part
    // is shifted right by 31 - r and then by 1, so that r = 0 takes nothing from it (a single
    // shift by 32 would be a shift by 0 in JavaScript).
    const offset = h[4]! & 0xf;
    const i = offset >> 2;
    const r = (offset & 3) << 3;
    const hi = h[i]! << r;
    const lo = (h[i + 1]! >>> (31 - r)) >>> 1;
    return (hi | lo) & 0x7fffffff;
  }

  /** Writes the padded key XOR pad byte, as 16 big-endian words, into w[0..15]. */
  private keyBlock(padded: Uint8Array, pad: number): void {
    for (let i = 0; i < 16; i++) {
      const j = i << 2;
      this.w[i] =
        ((padded[j]! ^ pad) << 24) |
        ((padded[j + 1]! ^ pad) << 16) |
        ((padded[j + 2]! ^ pad) << 8) |
        (padded[j + 3]! ^ pad);
    }
  }
}
