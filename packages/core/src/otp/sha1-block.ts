/**
 * The SHA-1 compression function (FIPS 180-4 §6.1.2), hand-written on Int32 arithmetic.
 *
 * Why not node:crypto: createHmac allocates a fresh context and output Buffer per call and
 * cannot start from a saved, already-keyed midstate, so each HOTP costs four compressions
 * (two of them re-hashing the same padded key) plus the allocations. Verifying a code needs
 * 2·window+1 HOTPs; with the midstates of RFC 2104 §4 precomputed once per key, each HOTP is
 * exactly two compressions on preallocated buffers and nothing is allocated per call.
 *
 * SHA-1's collision weakness does not carry over to HMAC-SHA-1, whose security rests on the
 * compression function as a PRF (RFC 6194, RFC 4226 Appendix A): TOTP with HMAC-SHA-1 is what
 * T1 and every authenticator app specify.
 */

/** The SHA-1 initial hash value H(0) (FIPS 180-4 §5.3.1), as signed 32-bit words. */
export const SHA1_IV: readonly number[] = [
  0x67452301,
  0xefcdab89 | 0,
  0x98badcfe | 0,
  0x10325476,
  0xc3d2e1f0 | 0,
];

const rotl5 = (x: number): number => (x << 5) | (x >>> 27);
const rotl30 = (x: number): number => (x << 30) | (x >>> 2);

/**
 * out := iv + compress(iv, block): one SHA-1 block. `w` holds the 16 big-endian message
 * words of the block in w[0..15]; w[16..79] is used as the message schedule scratch space.
 * `iv` and `out` may be the same array. Every value stays an int32 so the optimiser keeps
 * the whole function in machine-word arithmetic.
 *
 * The 80 steps are unrolled by five with the roles of a…e rotating through the five lines
 * (the usual trick of OpenSSL's sha1 macros), which removes the register shuffle
 * "e = d; d = c; c = ROTL30(b); b = a; a = T" of FIPS 180-4 §6.1.2 step 4: about 10 %
 * faster in V8. f is Ch, Parity, Maj, Parity (§4.1.1), in their fewer-operation forms
 * Ch = d ^ (b & (c ^ d)) and Maj = (b & c) | (d & (b | c)).
 */
export function sha1Compress(iv: Int32Array, w: Int32Array, out: Int32Array): void {
  // Message schedule (FIPS 180-4 §6.1.2 step 1): W[t] = ROTL1(W[t-3] ^ W[t-8] ^ W[t-14] ^ W[t-16]).
  for (let t = 16; t < 80; t++) {
    const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!;
    w[t] = (x << 1) | (x >>> 31);
  }
  const h0 = iv[0]!;
  const h1 = iv[1]!;
  const h2 = iv[2]!;
  const h3 = iv[3]!;
  const h4 = iv[4]!;
  let a = h0;
  let b = h1;
  let c = h2;
  let d = h3;
  let e = h4;
  let t = 0;
  // K constants (§4.2.1) above 2^31 are written as their negative int32 twins.
  for (; t < 20; t += 5) {
    e = (rotl5(a) + (d ^ (b & (c ^ d))) + e + w[t]! + 0x5a827999) | 0;
    b = rotl30(b);
    d = (rotl5(e) + (c ^ (a & (b ^ c))) + d + w[t + 1]! + 0x5a827999) | 0;
    a = rotl30(a);
    c = (rotl5(d) + (b ^ (e & (a ^ b))) + c + w[t + 2]! + 0x5a827999) | 0;
    e = rotl30(e);
    b = (rotl5(c) + (a ^ (d & (e ^ a))) + b + w[t + 3]! + 0x5a827999) | 0;
    d = rotl30(d);
    a = (rotl5(b) + (e ^ (c & (d ^ e))) + a + w[t + 4]! + 0x5a827999) | 0;
    c = rotl30(c);
  }
  for (; t < 40; t += 5) {
    e = (rotl5(a) + (b ^ c ^ d) + e + w[t]! + 0x6ed9eba1) | 0;
    b = rotl30(b);
    d = (rotl5(e) + (a ^ b ^ c) + d + w[t + 1]! + 0x6ed9eba1) | 0;
    a = rotl30(a);
    c = (rotl5(d) + (e ^ a ^ b) + c + w[t + 2]! + 0x6ed9eba1) | 0;
    e = rotl30(e);
    b = (rotl5(c) + (d ^ e ^ a) + b + w[t + 3]! + 0x6ed9eba1) | 0;
    d = rotl30(d);
    a = (rotl5(b) + (c ^ d ^ e) + a + w[t + 4]! + 0x6ed9eba1) | 0;
    c = rotl30(c);
  }
  for (; t < 60; t += 5) {
    e = (rotl5(a) + ((b & c) | (d & (b | c))) + e + w[t]! - 0x70e44324) | 0; // K = 0x8f1bbcdc
    b = rotl30(b);
    d = (rotl5(e) + ((a & b) | (c & (a | b))) + d + w[t + 1]! - 0x70e44324) | 0;
    a = rotl30(a);
    c = (rotl5(d) + ((e & a) | (b & (e | a))) + c + w[t + 2]! - 0x70e44324) | 0;
    e = rotl30(e);
    b = (rotl5(c) + ((d & e) | (a & (d | e))) + b + w[t + 3]! - 0x70e44324) | 0;
    d = rotl30(d);
    a = (rotl5(b) + ((c & d) | (e & (c | d))) + a + w[t + 4]! - 0x70e44324) | 0;
    c = rotl30(c);
  }
  for (; t < 80; t += 5) {
    e = (rotl5(a) + (b ^ c ^ d) + e + w[t]! - 0x359d3e2a) | 0; // K = 0xca62c1d6
    b = rotl30(b);
    d = (rotl5(e) + (a ^ b ^ c) + d + w[t + 1]! - 0x359d3e2a) | 0;
    a = rotl30(a);
    c = (rotl5(d) + (e ^ a ^ b) + c + w[t + 2]! - 0x359d3e2a) | 0;
    e = rotl30(e);
    b = (rotl5(c) + (d ^ e ^ a) + b + w[t + 3]! - 0x359d3e2a) | 0;
    d = rotl30(d);
    a = (rotl5(b) + (c ^ d ^ e) + a + w[t + 4]! - 0x359d3e2a) | 0;
    c = rotl30(c);
  }
  out[0] = (h0 + a) | 0;
  out[1] = (h1 + b) | 0;
  out[2] = (h2 + c) | 0;
  out[3] = (h3 + d) | 0;
  out[4] = (h4 + e) | 0;
}
