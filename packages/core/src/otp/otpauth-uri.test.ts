import { TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { KinkoError } from '../errors.ts';
import { base32Encode } from './base32.ts';
import { otpauthUri } from './otpauth-uri.ts';
import { totp } from './totp.ts';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('otpauth:// provisioning', () => {
  it('T9: base32 is RFC 4648 §10 without padding', () => {
    const vectors = [
      ['', ''],
      ['f', 'MY'],
      ['fo', 'MZXQ'],
      ['foo', 'MZXW6'],
      ['foob', 'MZXW6YQ'],
      ['fooba', 'MZXW6YTB'],
      ['foobar', 'MZXW6YTBOI'],
    ] as const;
    for (const [plain, encoded] of vectors) expect(base32Encode(ascii(plain))).toBe(encoded);
    expect(base32Encode(ascii('12345678901234567890'))).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('T9: the URI has the documented shape', () => {
    const uri = otpauthUri({ issuer: 'Kinko', label: 'SKTS0123456X', seed: ascii('12345678901234567890') });
    expect(uri).toBe(
      'otpauth://totp/Kinko:SKTS0123456X?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Kinko&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('T9: the otpauth library parses it back to the same secret, parameters and codes', () => {
    const seed = Uint8Array.from({ length: 20 }, (_, i) => (i * 53 + 7) & 0xff);
    const issuer = 'しんきん Bank & Co. 100%';
    const label = '山田 太郎+test@example.jp/#?';
    const parsed = URI.parse(otpauthUri({ issuer, label, seed }));
    expect(parsed).toBeInstanceOf(TOTP);
    const t = parsed as TOTP;
    expect(t.secret.base32).toBe(base32Encode(seed));
    expect(new Uint8Array(t.secret.bytes)).toEqual(seed);
    expect(t.issuer).toBe(issuer);
    expect(t.label).toBe(label);
    expect(t.algorithm).toBe('SHA1');
    expect(t.digits).toBe(6);
    expect(t.period).toBe(30);
    const now = 1_700_000_000_000;
    expect(t.generate({ timestamp: now })).toBe(totp(seed, now));
  });

  it('T9: issuer and label must be non-empty and free of ":" (the Key Uri Format separator)', () => {
    const seed = new Uint8Array(20);
    for (const [issuer, label] of [
      ['Kin:ko', 'a'],
      ['Kinko', 'a:b'],
      ['', 'a'],
      ['Kinko', ''],
    ] as const) {
      try {
        otpauthUri({ issuer, label, seed });
        expect.unreachable();
      } catch (e) {
        expect((e as KinkoError).code).toBe('request.invalid');
      }
    }
  });
});
