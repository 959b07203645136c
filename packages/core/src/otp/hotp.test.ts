import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counterBytes, hotp } from './hotp.ts';
import { isOtpFormat } from './otp-format.ts';
import { totp } from './totp.ts';

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'ascii'));
/** RFC 4226 Appendix D and RFC 6238 Appendix B: the ASCII digits 1234567890 repeated. */
const SEED20 = ascii('12345678901234567890');
const SEED32 = ascii('12345678901234567890123456789012');
const SEED64 = ascii('1234567890123456789012345678901234567890123456789012345678901234');

describe('HOTP (RFC 4226)', () => {
  // RFC 4226 Appendix D, Table 1 (intermediate HMAC-SHA-1) and Table 2 (HOTP values).
  const appendixD = [
    ['cc93cf18508d94934c64b65d8ba7667fb7cde4b0', '755224'],
    ['75a48a19d4cbe100644e8ac1397eea747a2d33ab', '287082'],
    ['0bacb7fa082fef30782211938bc1c5e70416ff44', '359152'],
    ['66c28227d03a2d5529262ff016a1e6ef76557ece', '969429'],
    ['a904c900a64b35909874b33e61c5938a8e15ed1c', '338314'],
    ['a37e783d7b7233c083d4f62926c7a25f238d0316', '254676'],
    ['bc9cd28561042c83f219324d3c607256c03272ae', '287922'],
    ['a4fb960c0bc06e1eabb804e5b397cdc4b45596fa', '162583'],
    ['1b3c89f65e6c9e883012052823443f048b4332db', '399871'],
    ['1637409809a679dc698207310c8c7fc07290d9e5', '520489'],
  ] as const;

  it('T1: RFC 4226 Appendix D vectors (HMAC values and HOTP codes for counters 0–9)', () => {
    appendixD.forEach(([mac, code], counter) => {
      expect(createHmac('sha1', SEED20).update(counterBytes(counter)).digest('hex')).toBe(mac);
      expect(hotp(SEED20, counter)).toBe(code);
    });
  });

  it('T1: the counter is 8 bytes big-endian, beyond 2^32 too (RFC 4226 §5.2)', () => {
    expect(Buffer.from(counterBytes(0x1_2345_6789)).toString('hex')).toBe('0000000123456789');
    expect(Buffer.from(counterBytes(Number.MAX_SAFE_INTEGER)).toString('hex')).toBe('001fffffffffffff');
    expect(() => hotp(SEED20, -1)).toThrow(RangeError);
    expect(() => hotp(SEED20, 1.5)).toThrow(RangeError);
    expect(() => hotp(SEED20, 0, 5)).toThrow(RangeError); // RFC 4226 R4: at least 6 digits
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B: time (s) → 8-digit codes for SHA1, SHA256, SHA512.
  const appendixB = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ] as const;

  it('T1: RFC 6238 Appendix B vectors (SHA1, SHA256, SHA512)', () => {
    for (const [seconds, sha1, sha256, sha512] of appendixB) {
      const t = seconds * 1000;
      expect(totp(SEED20, t, { digits: 8, algorithm: 'SHA1' })).toBe(sha1);
      expect(totp(SEED32, t, { digits: 8, algorithm: 'SHA256' })).toBe(sha256);
      expect(totp(SEED64, t, { digits: 8, algorithm: 'SHA512' })).toBe(sha512);
      // T1's 6 digits are the last six of the same truncated value.
      expect(totp(SEED20, t)).toBe(sha1.slice(2));
    }
  });

  it('T1: 30-second steps from the Unix epoch: a code holds from :00.000 to :29.999', () => {
    const start = 1_700_000_010 * 1000; // a multiple of 30 s
    expect(totp(SEED20, start)).toBe(totp(SEED20, start + 29_999));
    expect(totp(SEED20, start)).toBe(hotp(SEED20, start / 30_000));
    expect(totp(SEED20, start + 30_000)).toBe(hotp(SEED20, start / 30_000 + 1));
  });

  it('T1: codes agree with oathtool --totp for random seeds and times', () => {
    const cases = fc.sample(
      fc.record({
        seed: fc.uint8Array({ minLength: 10, maxLength: 64 }),
        seconds: fc.integer({ min: 0, max: 4_102_444_799 }), // up to 2099-12-31
      }),
      { numRuns: 20, seed: 6238 },
    );
    for (const { seed, seconds } of cases) {
      const utc = `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
      const hexKey = Buffer.from(seed).toString('hex');
      const theirs = execFileSync('/usr/bin/oathtool', ['--totp', '-d', '6', '--now', utc, hexKey], {
        encoding: 'utf8',
      }).trim();
      expect(totp(seed, seconds * 1000), `${hexKey} at ${utc}`).toBe(theirs);
    }
  });
});

describe('OTP format', () => {
  it('T1: an OTP is exactly six ASCII digits', () => {
    for (const ok of ['000000', '123456', '999999']) expect(isOtpFormat(ok)).toBe(true);
    const bad = [
      '',
      '12345',
      '1234567',
      ' 123456',
      '123456 ',
      '12345a',
      '１２３４５６',
      '٣٣٣٣٣٣',
      '12 456',
      '-12345',
    ];
    for (const s of bad) expect(isOtpFormat(s), JSON.stringify(s)).toBe(false);
    expect(isOtpFormat(123456 as unknown as string)).toBe(false);
  });
});
