import { createECDH, type ECDH, hkdfSync } from 'node:crypto';
import { KinkoError } from '../errors.ts';
import type { Random } from '../ports.ts';
import { asciiBytes, P256_COORDINATE_BYTES, SEED_BYTES, SEED_INFO } from './activation-protocol.ts';
import type { JsonWebKeyP256 } from './jwk.ts';
import { parseP256PublicJwk } from './public-jwk.ts';

/**
 * T5: seed = HKDF-SHA256(ikm = ECDH shared secret x (32 bytes), salt = ASCII serial,
 * info = "kinko-totp-seed-v1", L = 20) (RFC 5869 §2.2–2.3). The salt binds the seed to the
 * serial the server picked, so one key agreement cannot yield two tokens' seeds.
 */
export function hkdfSeed(sharedX: Uint8Array, serial: string): Uint8Array {
  if (sharedX.length !== P256_COORDINATE_BYTES) throw new RangeError('the shared secret is 32 bytes');
  return new Uint8Array(hkdfSync('sha256', sharedX, asciiBytes(serial), SEED_INFO, SEED_BYTES));
}

/**
 * The server's half of T5 (docs/protocols.md "Token activation (T5)"): checks the client's
 * public key, makes an ephemeral P-256 key from `random`, agrees on the shared secret and
 * derives the seed. The seed never goes on the wire: the caller seals it (T6) and answers with
 * the serial and `serverPublicKey` only. Throws `activation.bad_public_key` for a bad key.
 */
export function serverActivate(
  clientPublicKey: unknown,
  serial: string,
  random: Random,
): { seed: Uint8Array; serverPublicKey: JsonWebKeyP256 } {
  const client = parseP256PublicJwk(clientPublicKey);
  const ecdh = ephemeralKey(random);
  let shared: Buffer;
  try {
    shared = ecdh.computeSecret(client.uncompressed);
  } catch {
    throw new KinkoError('activation.bad_public_key', 'bad public key: ECDH refused the point');
  }
  const seed = hkdfSeed(shared, serial);
  shared.fill(0);
  const point = ecdh.getPublicKey(); // SEC 1 uncompressed: 0x04 || x || y
  const serverPublicKey: JsonWebKeyP256 = {
    kty: 'EC',
    crv: 'P-256',
    x: point.subarray(1, 1 + P256_COORDINATE_BYTES).toString('base64url'),
    y: point.subarray(1 + P256_COORDINATE_BYTES).toString('base64url'),
  };
  return { seed, serverPublicKey };
}

/**
 * An ephemeral key pair whose scalar is 32 bytes of `random` (STYLE habit 2: tests can fix it).
 * A 32-byte string is a valid P-256 scalar unless it is 0 or ≥ n, which happens with
 * probability below 2^-32; then we draw again (the rejection sampling of FIPS 186-5 A.2.2).
 */
function ephemeralKey(random: Random): ECDH {
  for (let attempt = 0; attempt < 16; attempt++) {
    const ecdh = createECDH('prime256v1');
    const scalar = random.bytes(P256_COORDINATE_BYTES);
    try {
      ecdh.setPrivateKey(scalar);
      return ecdh;
    } catch {
      // invalid scalar: draw again
    } finally {
      scalar.fill(0);
    }
  }
  throw new Error('Random produced 16 invalid P-256 scalars in a row: it is broken');
}
