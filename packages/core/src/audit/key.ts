import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import type { AuditKey } from '../ports.ts';

const KEY_BYTES = 32;

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410 §7), followed by its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * L1: the audit key as given by configuration (32 random bytes). Two subkeys are derived with
 * HKDF-SHA256 (RFC 5869), one per use, so that the MAC key is never used to sign and vice versa:
 * an HMAC-SHA-256 key for the records' chain, and an Ed25519 key pair for checkpoints. The
 * signature lets anyone holding the public key (an auditor, the bank's archive) check that a
 * checkpoint came from the bank, without the secret that would let them forge records.
 */
export function createAuditKey(key: Uint8Array): AuditKey {
  if (!(key instanceof Uint8Array) || key.length !== KEY_BYTES) {
    throw new RangeError(`the audit key must be ${KEY_BYTES} bytes`);
  }
  const macKey = subkey(key, 'kinko-audit-mac-v1');
  const signingKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, subkey(key, 'kinko-audit-checkpoint-ed25519-v1')]),
    format: 'der',
    type: 'pkcs8',
  });
  const spki = createPublicKey(signingKey).export({ format: 'der', type: 'spki' });
  const publicKey = spki.toString('base64url');
  return {
    id: fingerprint(publicKey),
    publicKey,
    mac: (data) => createHmac('sha256', macKey).update(data).digest('hex'),
    sign: (data) => sign(null, data, signingKey).toString('base64url'),
  };
}

function subkey(key: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), info, KEY_BYTES));
}

/** The key id: the first 16 bytes of SHA-256 over the public key, as a short hex fingerprint. */
function fingerprint(publicKey: string): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 32);
}

/** Checks an Ed25519 signature made by AuditKey.sign against a public key (SPKI, base64url). */
export function signatureValid(publicKey: string, data: Uint8Array, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64url'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, data, key, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** Constant-time equality of two hex MACs (a MAC compared with === leaks where it differs). */
export function macEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
