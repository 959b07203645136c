import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { Kek, Random } from '../ports.ts';

const VERSION = 1;
const KEY_BYTES = 32; // AES-256
const NONCE_BYTES = 12; // 96 bits: the IV length GCM is defined for directly (SP 800-38D §5.2.1.1)
const TAG_BYTES = 16; // the full 128-bit tag (SP 800-38D §5.2.1.2)
const HEADER_BYTES = 1 + NONCE_BYTES;

/**
 * T6: seeds (and legacy cards) at rest, sealed with AES-256-GCM under the configured key.
 *
 *     sealed = version (1 byte, = 1) || nonce (12 bytes) || ciphertext || tag (16 bytes)
 *
 * The associated data (e.g. `seed:<tokenId>`) is authenticated, not stored: a ciphertext copied
 * into another row fails to open there. The version byte leaves room for a later key rotation
 * or algorithm. Nonces are random (SP 800-38D §8.2.2): fine below 2^32 seals per key, far more
 * than a bank's tokens will ever be.
 */
export function createAesGcmKek(key: Uint8Array, random: Random): Kek {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new RangeError(`the KEK must be ${KEY_BYTES} bytes (AES-256)`);
  }
  const k = Uint8Array.from(key); // a private copy: the caller may wipe or reuse theirs
  return {
    seal(plaintext: Uint8Array, associatedData: string): Uint8Array {
      const nonce = random.bytes(NONCE_BYTES);
      if (nonce.length !== NONCE_BYTES) throw new Error('Random returned the wrong number of bytes');
      const cipher = createCipheriv('aes-256-gcm', k, nonce, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(associatedData, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      const out = new Uint8Array(HEADER_BYTES + body.length + TAG_BYTES);
      out[0] = VERSION;
      out.set(nonce, 1);
      out.set(body, HEADER_BYTES);
      out.set(cipher.getAuthTag(), HEADER_BYTES + body.length);
      return out;
    },
    open(sealed: Uint8Array, associatedData: string): Uint8Array {
      if (sealed.length < HEADER_BYTES + TAG_BYTES) throw new Error('sealed data is too short');
      if (sealed[0] !== VERSION) throw new Error(`unknown sealed data version ${sealed[0]}`);
      const nonce = sealed.subarray(1, HEADER_BYTES);
      const body = sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES);
      const tag = sealed.subarray(sealed.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', k, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      // final() throws when the tag does not verify: wrong key, wrong row, or a changed byte.
      try {
        return new Uint8Array(Buffer.concat([decipher.update(body), decipher.final()]));
      } catch {
        throw new Error('sealed data does not authenticate (wrong key, wrong row, or tampered)');
      }
    },
  };
}
