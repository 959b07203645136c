import { createPublicKey } from 'node:crypto';
import { KinkoError } from '../errors.ts';
import { P256_COORDINATE_BYTES } from './activation-protocol.ts';
import type { JsonWebKeyP256 } from './jwk.ts';

/** Unpadded base64url of exactly 32 bytes is 43 characters (RFC 7518 §6.2.1.2: full length). */
const COORDINATE = /^[A-Za-z0-9_-]{43}$/;

export interface P256PublicKey {
  jwk: JsonWebKeyP256;
  /** The SEC 1 §2.3.3 uncompressed point 0x04 || x || y, as ECDH takes it. */
  uncompressed: Uint8Array;
}

/**
 * T5 / SPEC §4: reads a client's P-256 public key JWK (RFC 7517, RFC 7518 §6.2.1), strictly.
 * Anything else throws `activation.bad_public_key` (400, nothing created): not a plain object;
 * kty ≠ "EC"; crv ≠ "P-256"; x or y not canonical unpadded base64url of exactly 32 bytes; a
 * "d" member (a private key sent by mistake is refused, never used); a point not on the curve
 * (an invalid-curve point could leak the server's ephemeral scalar). Other members WebCrypto
 * adds on export (ext, key_ops) are ignored.
 */
export function parseP256PublicJwk(value: unknown): P256PublicKey {
  const bad = (why: string) => new KinkoError('activation.bad_public_key', `bad public key: ${why}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad('not a JWK object');
  const o = value as Record<string, unknown>;
  if (Object.hasOwn(o, 'd')) throw bad('a private key was sent');
  if (o.kty !== 'EC') throw bad('kty must be "EC"');
  if (o.crv !== 'P-256') throw bad('crv must be "P-256"');
  const x = coordinate(o.x);
  const y = coordinate(o.y);
  if (x === null || y === null) throw bad('x and y must be base64url of 32 bytes');
  const jwk: JsonWebKeyP256 = { kty: 'EC', crv: 'P-256', x: o.x as string, y: o.y as string };
  try {
    // OpenSSL checks that (x, y) is on the curve when it imports the point.
    createPublicKey({ key: { ...jwk }, format: 'jwk' });
  } catch {
    throw bad('the point is not on P-256');
  }
  const uncompressed = new Uint8Array(1 + 2 * P256_COORDINATE_BYTES);
  uncompressed[0] = 0x04;
  uncompressed.set(x, 1);
  uncompressed.set(y, 1 + P256_COORDINATE_BYTES);
  return { jwk, uncompressed };
}

/** The 32 bytes of a canonical base64url coordinate, or null. */
function coordinate(v: unknown): Uint8Array | null {
  if (typeof v !== 'string' || !COORDINATE.test(v)) return null;
  const bytes = Buffer.from(v, 'base64url');
  // Canonical only: 43 characters carry 258 bits, and the 2 spare bits must be zero, so that
  // one key has one spelling.
  if (bytes.length !== P256_COORDINATE_BYTES || bytes.toString('base64url') !== v) return null;
  return new Uint8Array(bytes);
}
