import { createECDH, createHmac, hkdfSync } from 'node:crypto';
import { counterBytes, decimalCode, dynamicTruncate } from '@kinko/core/shared';
import { describe, expect, it } from 'vitest';
import { deriveSeedKey, generateKeyPair } from './provisioning.ts';
import { hotp, secondsLeft, totp } from './totp.ts';

/** RFC 4226 §5.3: the decimal code of an HMAC, as the token app makes it (core's truncation). */
const truncate = (mac: Uint8Array, digits = 6) => decimalCode(dynamicTruncate(mac), digits);

const rfcSecret = new TextEncoder().encode('12345678901234567890');
const hmacKey = () =>
  crypto.subtle.importKey('raw', rfcSecret, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);

describe('token app TOTP (T1) with WebCrypto', () => {
  it('RFC 4226 Appendix D: HOTP values for counters 0…9', async () => {
    const key = await hmacKey();
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [counter, code] of expected.entries()) expect(await hotp(key, counter)).toBe(code);
  });

  it('RFC 6238 Appendix B: SHA-1 vectors (8 digits)', async () => {
    const key = await hmacKey();
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(await totp(key, seconds * 1000, 8)).toBe(code);
  });

  it('RFC 4226 §5.1: the counter is 8 bytes big-endian, beyond 32 bits too', () => {
    expect([...counterBytes(1)]).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect([...counterBytes(2 ** 33 + 5)]).toEqual([0, 0, 0, 2, 0, 0, 0, 5]);
  });

  it('RFC 4226 §5.4: dynamic truncation of the worked example', () => {
    const mac = Uint8Array.from(Buffer.from('1f8698690e02ca16618550ef7f19da8e945b555a', 'hex'));
    expect(truncate(mac, 6)).toBe('872921');
  });

  it('T8: seconds left in the 30-second step count 30 … 1', () => {
    expect(secondsLeft(0)).toBe(30);
    expect(secondsLeft(1_000)).toBe(29);
    expect(secondsLeft(29_999)).toBe(1);
    expect(secondsLeft(30_000)).toBe(30);
  });
});

describe('T5: the seed agreed by ECDH P-256 + HKDF-SHA256', () => {
  it('matches an independent implementation (node:crypto) and keeps the key non-extractable', async () => {
    const { privateKey, publicKey } = await generateKeyPair();
    expect(Object.keys(publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(privateKey.extractable).toBe(false);

    // The "server": its own key pair, the client's point, the shared x coordinate.
    const server = createECDH('prime256v1');
    const serverPoint = server.generateKeys();
    const b64url = (b: Buffer) => b.toString('base64url');
    const serverPublicKey = {
      kty: 'EC',
      crv: 'P-256',
      x: b64url(serverPoint.subarray(1, 33)),
      y: b64url(serverPoint.subarray(33, 65)),
    } as const;
    const clientPoint = Buffer.concat([
      Buffer.from([4]),
      Buffer.from(publicKey.x, 'base64url'),
      Buffer.from(publicKey.y, 'base64url'),
    ]);
    const serial = 'SKTS1234567X';
    const shared = server.computeSecret(clientPoint);
    const seed = Buffer.from(hkdfSync('sha256', shared, serial, 'kinko-totp-seed-v1', 20));

    const key = await deriveSeedKey(privateKey, serverPublicKey, serial);
    expect(key.extractable).toBe(false);
    for (const counter of [0, 1, 56_666_666]) {
      const mac = createHmac('sha1', seed).update(counterBytes(counter)).digest();
      expect(await hotp(key, counter)).toBe(truncate(mac));
    }
  });
});
