/**
 * Activation (SPEC T5, §4): the app and the server agree on the seed by ECDH P-256 + HKDF-SHA256;
 * the seed never crosses the wire and never leaves WebCrypto (every key here is non-extractable).
 */
import {
  type ActivationResult,
  asciiBytes,
  type JsonWebKeyP256,
  SEED_BYTES,
  SEED_INFO,
  TOTP_ALGORITHM,
} from '@kinko/core/shared';
import { api } from '../shared/api.ts';
import type { StoredToken } from './db.ts';

const ecdh = { name: 'ECDH', namedCurve: 'P-256' } as const;
/** The protocol's HMAC under its WebCrypto name. */
const hmacHash = { SHA1: 'SHA-1' }[TOTP_ALGORITHM];

function subtle(): SubtleCrypto {
  // crypto.subtle exists only in secure contexts (HTTPS or localhost).
  if (!globalThis.crypto?.subtle) throw new Error('crypto.unavailable');
  return globalThis.crypto.subtle;
}

/**
 * seed = HKDF-SHA256(ikm = ECDH shared x, salt = ASCII serial, info = SEED_INFO, L = SEED_BYTES),
 * produced straight into a non-extractable HMAC-SHA1 key (core's activation-protocol.ts).
 */
export async function deriveSeedKey(
  privateKey: CryptoKey,
  serverPublicKey: JsonWebKeyP256,
  serial: string,
): Promise<CryptoKey> {
  const s = subtle();
  const { kty, crv, x, y } = serverPublicKey;
  const serverKey = await s.importKey('jwk', { kty, crv, x, y }, ecdh, false, []);
  const shared = await s.deriveBits({ name: 'ECDH', public: serverKey }, privateKey, 256);
  const hkdfKey = await s.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return s.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: asciiBytes(serial), info: asciiBytes(SEED_INFO) },
    hkdfKey,
    { name: 'HMAC', hash: hmacHash, length: SEED_BYTES * 8 },
    false, // non-extractable: the seed stays inside the browser's key store
    ['sign'],
  );
}

/** A fresh key pair whose private half can never be exported. */
export async function generateKeyPair(): Promise<{ privateKey: CryptoKey; publicKey: JsonWebKeyP256 }> {
  const s = subtle();
  const pair = (await s.generateKey(ecdh, false, ['deriveBits'])) as CryptoKeyPair;
  const jwk = await s.exportKey('jwk', pair.publicKey);
  // Only the four members the contract names; no key_ops / ext.
  const publicKey = { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } as const;
  return { privateKey: pair.privateKey, publicKey };
}

export async function activate(): Promise<StoredToken> {
  const { privateKey, publicKey } = await generateKeyPair();
  const sentAt = Date.now();
  const answer = await api.post<ActivationResult>('/api/v1/token/activations', { publicKey });
  const receivedAt = Date.now();
  const hmacKey = await deriveSeedKey(privateKey, answer.serverPublicKey, answer.serial);
  return {
    serial: answer.serial,
    hmacKey,
    // T8: a first clock offset from the activation answer itself.
    offsetMs: answer.serverTime + (receivedAt - sentAt) / 2 - receivedAt,
    activatedAt: receivedAt,
  };
}
