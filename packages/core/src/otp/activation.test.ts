import { createECDH, type ECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KinkoError } from '../errors.ts';
import type { Random } from '../ports.ts';
import { hkdfSeed, serverActivate } from './activation.ts';
import { clientActivationKeys } from './activation-client.ts';
import type { JsonWebKeyP256 } from './jwk.ts';
import { parseP256PublicJwk } from './public-jwk.ts';
import { newSerial } from './serial.ts';
import { totp } from './totp.ts';

const random: Random = { bytes: (n) => new Uint8Array(randomBytes(n)) };
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function nodePublicJwk(ecdh: ECDH): JsonWebKeyP256 {
  const p = ecdh.getPublicKey();
  return {
    kty: 'EC',
    crv: 'P-256',
    x: p.subarray(1, 33).toString('base64url'),
    y: p.subarray(33).toString('base64url'),
  };
}

function freshPublicJwk(): JsonWebKeyP256 {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return nodePublicJwk(ecdh);
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return e instanceof KinkoError ? e.code : `not a KinkoError: ${String(e)}`;
  }
}

/** The test vector of docs/protocols.md "Token activation (T5)". */
const vector = {
  clientScalar: 'c1'.repeat(32),
  serverScalar: '5e'.repeat(32),
  serial: 'SKTSTK7EH4VB',
  clientPublicKey: {
    kty: 'EC',
    crv: 'P-256',
    x: 'mRSYwu9_HKX9fx0u4DPcCu2EdF2pteu2Cn2FQwfr-ZY',
    y: 'SkjM-U-l8gawVQ5iqtSeSg7CbctWIgHE3YvsbRHTn0Q',
  },
  serverPublicKey: {
    kty: 'EC',
    crv: 'P-256',
    x: 'ri9YXiS3dXDjHJEILjxz9ANfH-Syl0RLGhuUaZZo6Q8',
    y: 'NiKED6aecl06K-YWimd5roNLPPkvhmNw8HUwYEGIAa0',
  },
  sharedX: '8d5826830f6a7065b5d26f5bf75f492425ca4de6a4bda1a5c9fc18df2cfb2d8f',
  seed: 'd498148936e6b2ed9c08e7fd5e613cdb281763d7',
  totpAt1700000000: '247426',
} as const;

describe('token activation (T5)', () => {
  it('T5: the WebCrypto client and the node server derive the same seed', async () => {
    for (let i = 0; i < 5; i++) {
      const client = await clientActivationKeys();
      const serial = newSerial(random);
      const server = serverActivate(client.publicKey, serial, random);
      expect(server.seed).toHaveLength(20);
      const clientSeed = await client.deriveSeed(server.serverPublicKey, serial);
      expect(hex(clientSeed)).toBe(hex(server.seed));
      // Another serial gives another seed from the same key agreement (the salt binds it).
      expect(hex(await client.deriveSeed(server.serverPublicKey, newSerial(random)))).not.toBe(
        hex(server.seed),
      );
    }
  });

  it('T5: the client sends only kty, crv, x and y, and the server answers a valid public JWK', async () => {
    const client = await clientActivationKeys();
    expect(Object.keys(client.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const { serverPublicKey } = serverActivate(client.publicKey, newSerial(random), random);
    expect(Object.keys(serverPublicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(parseP256PublicJwk(serverPublicKey).jwk).toEqual(serverPublicKey);
  });

  it('T5: the documented test vector (fixed scalars) reproduces on both sides', async () => {
    const clientEcdh = createECDH('prime256v1');
    clientEcdh.setPrivateKey(Buffer.from(vector.clientScalar, 'hex'));
    expect(nodePublicJwk(clientEcdh)).toEqual(vector.clientPublicKey);
    const server = serverActivate(vector.clientPublicKey, vector.serial, {
      bytes: () => new Uint8Array(Buffer.from(vector.serverScalar, 'hex')),
    });
    expect(server.serverPublicKey).toEqual(vector.serverPublicKey);
    expect(hex(server.seed)).toBe(vector.seed);
    const point = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(vector.serverPublicKey.x, 'base64url'),
      Buffer.from(vector.serverPublicKey.y, 'base64url'),
    ]);
    const sharedX = clientEcdh.computeSecret(point);
    expect(sharedX.toString('hex')).toBe(vector.sharedX);
    expect(hex(hkdfSeed(sharedX, vector.serial))).toBe(vector.seed);
    expect(totp(server.seed, 1_700_000_000_000)).toBe(vector.totpAt1700000000);
  });

  it('T5: HKDF is RFC 5869 with salt = ASCII serial, info = kinko-totp-seed-v1, L = 20 (WebCrypto agrees)', async () => {
    const sharedX = new Uint8Array(Buffer.from(vector.sharedX, 'hex'));
    const ikm = await crypto.subtle.importKey('raw', sharedX, 'HKDF', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new TextEncoder().encode(vector.serial),
        info: new TextEncoder().encode('kinko-totp-seed-v1'),
      },
      ikm,
      160,
    );
    expect(hex(new Uint8Array(bits))).toBe(vector.seed);
    expect(() => hkdfSeed(sharedX.subarray(0, 31), vector.serial)).toThrow(RangeError);
  });

  it('T5: a server scalar that is not a valid P-256 scalar (0 or ≥ n) is drawn again', () => {
    const draws = [
      new Uint8Array(32),
      new Uint8Array(32).fill(0xff),
      Buffer.from(vector.serverScalar, 'hex'),
    ];
    let calls = 0;
    const server = serverActivate(vector.clientPublicKey, vector.serial, {
      bytes: () => new Uint8Array(draws[calls++]!),
    });
    expect(calls).toBe(3);
    expect(server.serverPublicKey).toEqual(vector.serverPublicKey);
  });

  it('T5: malformed public keys are refused with activation.bad_public_key, before any randomness is used', () => {
    // A key whose x differs between base64 and base64url (has '+' or '/'), so the
    // 'standard base64 x' case below is really malformed; about one key in four is not.
    let good = freshPublicJwk();
    while (!/[+/]/.test(Buffer.from(good.x, 'base64url').toString('base64'))) good = freshPublicJwk();
    const xBytes = Buffer.from(good.x, 'base64url');
    const yOff = Buffer.from(good.y, 'base64url');
    yOff[31]! ^= 1;
    const cases: Record<string, unknown> = {
      null: null,
      undefined: undefined,
      string: JSON.stringify(good),
      number: 42,
      array: [good.kty, good.crv, good.x, good.y],
      'array of the JWK': [good],
      'missing kty': { crv: good.crv, x: good.x, y: good.y },
      'missing crv': { kty: good.kty, x: good.x, y: good.y },
      'missing x': { kty: good.kty, crv: good.crv, y: good.y },
      'missing y': { kty: good.kty, crv: good.crv, x: good.x },
      'kty RSA': { ...good, kty: 'RSA' },
      'kty OKP': { ...good, kty: 'OKP' },
      'kty lower case': { ...good, kty: 'ec' },
      'crv P-384': { ...good, crv: 'P-384' },
      'crv secp256k1': { ...good, crv: 'secp256k1' },
      'crv P256': { ...good, crv: 'P256' },
      '31-byte x': { ...good, x: xBytes.subarray(1).toString('base64url') },
      '33-byte x': { ...good, x: Buffer.concat([Buffer.from([0]), xBytes]).toString('base64url') },
      '31-byte y': { ...good, y: Buffer.from(good.y, 'base64url').subarray(1).toString('base64url') },
      'padded base64url x': { ...good, x: `${good.x}=` },
      'standard base64 x': { ...good, x: xBytes.toString('base64').replace(/=+$/, '') },
      'non-canonical x (spare bits set)': { ...good, x: good.x.slice(0, 42) + nonCanonical(good.x.at(-1)!) },
      'x with whitespace': { ...good, x: ` ${good.x.slice(1)}` },
      'x as number': { ...good, x: 1 },
      'x as bytes': { ...good, x: [...xBytes] },
      'not on the curve': { ...good, y: yOff.toString('base64url') },
      'all-zero point': {
        ...good,
        x: Buffer.alloc(32).toString('base64url'),
        y: Buffer.alloc(32).toString('base64url'),
      },
      'with d (a private key)': { ...good, d: Buffer.alloc(32, 1).toString('base64url') },
      'with d undefined-valued': { ...good, d: undefined },
    };
    for (const [name, key] of Object.entries(cases)) {
      let used = 0;
      const counting: Random = {
        bytes: (n) => {
          used++;
          return random.bytes(n);
        },
      };
      expect(
        codeOf(() => serverActivate(key, vector.serial, counting)),
        name,
      ).toBe('activation.bad_public_key');
      expect(used, name).toBe(0);
    }
  });

  it('T5: members WebCrypto adds on export (ext, key_ops) are accepted', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const exported = await crypto.subtle.exportKey('jwk', pair.publicKey);
    expect(exported.ext).toBeDefined();
    expect(codeOf(() => serverActivate(exported, vector.serial, random))).toBeNull();
  });

  it('T5: the client refuses a server key that is not on the curve', async () => {
    const client = await clientActivationKeys();
    const bad = { ...vector.serverPublicKey, y: vector.serverPublicKey.x };
    await expect(client.deriveSeed(bad, vector.serial)).rejects.toThrow();
  });
});

/** The same 6-bit value's base64url character with one of its two spare low bits set. */
function nonCanonical(last: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return alphabet[alphabet.indexOf(last) | 1]!;
}
