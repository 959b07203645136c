/**
 * The constants of T5's seed agreement, shared by the server (activation.ts, node:crypto) and
 * the client (activation-client.ts and the token app, WebCrypto only, through @kinko/core/shared).
 * No node: import here, so the web bundles it.
 */

/** HKDF `info` (RFC 5869 §2.3): names the purpose and version of the derived key. */
export const SEED_INFO = 'kinko-totp-seed-v1';
/** 20 bytes: the HMAC-SHA-1 output size, RFC 4226 R6's recommended shared-secret length. */
export const SEED_BYTES = 20;
/** The P-256 field element size: x and y of a public key, and the ECDH shared secret. */
export const P256_COORDINATE_BYTES = 32;

/** The serial as HKDF salt: its ASCII bytes. A serial is ASCII by construction (T4). */
export function asciiBytes(s: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7e || c < 0x20) throw new RangeError('expected printable ASCII');
    out[i] = c;
  }
  return out;
}
