/**
 * The client's half of T5 for the CLI token (`kinko token activate`) and the tests, on
 * WebCrypto only (globalThis.crypto.subtle). It hands back the seed's bytes, which the CLI
 * token must store. The token web app does the same agreement in packages/web/src/token/
 * provisioning.ts, but derives the seed straight into a non-extractable HMAC key, so that it
 * never exists as bytes in the browser; both take the protocol's constants from
 * activation-protocol.ts. docs/protocols.md "Token activation (T5)" is the spec.
 */

import { asciiBytes, SEED_BYTES, SEED_INFO } from './activation-protocol.ts';
import type { JsonWebKeyP256 } from './jwk.ts';

const P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;

export interface ClientActivationKeys {
  /** What the app POSTs to /api/v1/token/activations as `publicKey`. */
  publicKey: JsonWebKeyP256;
  /** The seed from the server's answer; the private key never leaves WebCrypto. */
  deriveSeed(serverPublicKey: JsonWebKeyP256, serial: string): Promise<Uint8Array>;
}

/** Makes the app's ephemeral ECDH key pair; its private key is non-extractable. */
export async function clientActivationKeys(): Promise<ClientActivationKeys> {
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey(P256, false, ['deriveBits']);
  // A public key is always exportable; send only the four members the server needs.
  const exported = await subtle.exportKey('jwk', pair.publicKey);
  if (typeof exported.x !== 'string' || typeof exported.y !== 'string')
    throw new Error('exportKey gave no x/y');
  const publicKey: JsonWebKeyP256 = { kty: 'EC', crv: 'P-256', x: exported.x, y: exported.y };
  return {
    publicKey,
    async deriveSeed(serverPublicKey: JsonWebKeyP256, serial: string): Promise<Uint8Array> {
      const jwk = { kty: 'EC', crv: 'P-256', x: serverPublicKey.x, y: serverPublicKey.y };
      // importKey rejects a point that is not on the curve.
      const server = await subtle.importKey('jwk', jwk, P256, false, []);
      // WebCrypto's ECDH deriveBits is the x coordinate of the shared point (SEC 1 §3.3.1).
      const sharedX = await subtle.deriveBits({ name: 'ECDH', public: server }, pair.privateKey, 256);
      const ikm = await subtle.importKey('raw', sharedX, 'HKDF', false, ['deriveBits']);
      const seed = await subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt: asciiBytes(serial), info: asciiBytes(SEED_INFO) },
        ikm,
        SEED_BYTES * 8,
      );
      return new Uint8Array(seed);
    },
  };
}
