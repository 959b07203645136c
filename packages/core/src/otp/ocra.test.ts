import { describe, expect, it } from 'vitest';
import { OcraVerifier, ocra, TRANSACTION_SUITE } from './ocra.ts';
import { parseOcraSuite } from './ocra-suite.ts';

const key = (hex: string) => new Uint8Array(Buffer.from(hex, 'hex'));
// RFC 6287 Appendix C: the ASCII digits 1234567890 repeated to 20, 32 and 64 bytes.
const SEED20 = key('3132333435363738393031323334353637383930');
const SEED32 = key('3132333435363738393031323334353637383930313233343536373839303132');
const SEED64 = key(
  '31323334353637383930313233343536373839303132333435363738393031323334353637383930313233343536373839303132333435363738393031323334',
);
const digits8 = (i: number) => String(i).repeat(8);
/** Appendix C's timestamp 0x132d0b6 minutes (2008-03-25 12:06:30 UTC), in milliseconds. */
const T1M = 0x132d0b6 * 60_000 + 30_000;

describe('OCRA (RFC 6287)', () => {
  it('T10: RFC 6287 Appendix C.1 one-way challenge-response vectors', () => {
    const s1 = [
      '237653',
      '243178',
      '653583',
      '740991',
      '608993',
      '388898',
      '816933',
      '224598',
      '750600',
      '294470',
    ];
    for (const [i, r] of s1.entries())
      expect(ocra('OCRA-1:HOTP-SHA1-6:QN08', SEED20, { question: digits8(i) })).toBe(r);

    const s2 = [
      '65347737',
      '86775851',
      '78192410',
      '71565254',
      '10104329',
      '65983500',
      '70069104',
      '91771096',
      '75011558',
      '08522129',
    ];
    for (const [c, r] of s2.entries())
      expect(
        ocra('OCRA-1:HOTP-SHA256-8:C-QN08-PSHA1', SEED32, { question: '12345678', counter: c, pin: '1234' }),
      ).toBe(r);

    const s3 = ['83238735', '01501458', '17957585', '86776967', '86807031'];
    for (const [i, r] of s3.entries())
      expect(ocra('OCRA-1:HOTP-SHA256-8:QN08-PSHA1', SEED32, { question: digits8(i), pin: '1234' })).toBe(r);

    const s4 = [
      '07016083',
      '63947962',
      '70123924',
      '25341727',
      '33203315',
      '34205738',
      '44343969',
      '51946085',
      '20403879',
      '31409299',
    ];
    for (const [i, r] of s4.entries())
      expect(ocra('OCRA-1:HOTP-SHA512-8:C-QN08', SEED64, { question: digits8(i), counter: i })).toBe(r);

    const s5 = ['95209754', '55907591', '22048402', '24218844', '36209546'];
    for (const [i, r] of s5.entries())
      expect(ocra('OCRA-1:HOTP-SHA512-8:QN08-T1M', SEED64, { question: digits8(i), timeMs: T1M })).toBe(r);
  });

  it('T10: RFC 6287 Appendix C.2 mutual challenge-response vectors', () => {
    const server32 = [
      ['CLI22220SRV11110', '28247970'],
      ['CLI22221SRV11111', '01984843'],
      ['CLI22222SRV11112', '65387857'],
      ['CLI22223SRV11113', '03351211'],
      ['CLI22224SRV11114', '83412541'],
    ] as const;
    const client32 = [
      ['SRV11110CLI22220', '15510767'],
      ['SRV11111CLI22221', '90175646'],
      ['SRV11112CLI22222', '33777207'],
      ['SRV11113CLI22223', '95285278'],
      ['SRV11114CLI22224', '28934924'],
    ] as const;
    for (const [q, r] of [...server32, ...client32]) {
      expect(ocra('OCRA-1:HOTP-SHA256-8:QA08', SEED32, { question: q })).toBe(r);
    }
    const server64 = [
      ['CLI22220SRV11110', '79496648'],
      ['CLI22221SRV11111', '76831980'],
      ['CLI22222SRV11112', '12250499'],
      ['CLI22223SRV11113', '90856481'],
      ['CLI22224SRV11114', '12761449'],
    ] as const;
    for (const [q, r] of server64) expect(ocra('OCRA-1:HOTP-SHA512-8:QA08', SEED64, { question: q })).toBe(r);
    const client64 = [
      ['SRV11110CLI22220', '18806276'],
      ['SRV11111CLI22221', '70020315'],
      ['SRV11112CLI22222', '01600026'],
      ['SRV11113CLI22223', '18951020'],
      ['SRV11114CLI22224', '32528969'],
    ] as const;
    for (const [q, r] of client64) {
      expect(ocra('OCRA-1:HOTP-SHA512-8:QA08-PSHA1', SEED64, { question: q, pin: '1234' })).toBe(r);
    }
  });

  it('T10: RFC 6287 Appendix C.3 plain signature vectors', () => {
    const sig32 = [
      ['SIG10000', '53095496'],
      ['SIG11000', '04110475'],
      ['SIG12000', '31331128'],
      ['SIG13000', '76028668'],
      ['SIG14000', '46554205'],
    ] as const;
    for (const [q, r] of sig32) expect(ocra('OCRA-1:HOTP-SHA256-8:QA08', SEED32, { question: q })).toBe(r);
    const sig64 = [
      ['SIG1000000', '77537423'],
      ['SIG1100000', '31970405'],
      ['SIG1200000', '10235557'],
      ['SIG1300000', '95213541'],
      ['SIG1400000', '65360607'],
    ] as const;
    for (const [q, r] of sig64)
      expect(ocra('OCRA-1:HOTP-SHA512-8:QA10-T1M', SEED64, { question: q, timeMs: T1M })).toBe(r);
  });

  it('T10: the suite parser reads every field of RFC 6287 §6 and refuses what it does not allow', () => {
    expect(parseOcraSuite(TRANSACTION_SUITE)).toEqual({
      text: TRANSACTION_SUITE,
      algorithm: 'SHA1',
      digits: 6,
      counter: false,
      question: { format: 'N', length: 8 },
      password: null,
      sessionBytes: null,
      timeStepSeconds: 30,
    });
    expect(parseOcraSuite('OCRA-1:HOTP-SHA512-10:C-QH16-PSHA256-S064-T2H')).toMatchObject({
      digits: 10,
      counter: true,
      question: { format: 'H', length: 16 },
      password: 'SHA256',
      sessionBytes: 64,
      timeStepSeconds: 7200,
    });
    const invalid = [
      'this_is_not_a_suite_string',
      'OCRA-1::QA08',
      'OCRA-2:HOTP-SHA1-6:QN08',
      'OCRA-1:HOTP-SHA1-0:QN08', // no truncation: not supported
      'OCRA-1:HOTP-SHA1-3:QN08',
      'OCRA-1:HOTP-SHA1-11:QN08',
      'OCRA-1:HOTP-SHA-6:QN08',
      'OCRA-1:HOTP-MD5-6:QN08',
      'OCRA-1:HOTP-SHA1-6:QX08',
      'OCRA-1:HOTP-SHA1-6:QN03',
      'OCRA-1:HOTP-SHA1-6:QN65',
      'OCRA-1:HOTP-SHA1-6:C',
      'OCRA-1:HOTP-SHA1-6:QN08-T',
      'OCRA-1:HOTP-SHA1-6:QN08-T60S',
      'OCRA-1:HOTP-SHA1-6:QN08-T49H',
      'OCRA-1:HOTP-SHA1-6:QN08-T0S',
      'OCRA-1:HOTP-SHA1-6:QN08-S000',
      'OCRA-1:HOTP-SHA1-6:QN08-T30S-PSHA1', // fields out of order
      'OCRA-1:HOTP-SHA1-6:QN08 ',
    ];
    for (const s of invalid) expect(() => parseOcraSuite(s), s).toThrow(RangeError);
  });

  it('T10: each input is required exactly when the suite names it', () => {
    expect(() => ocra(TRANSACTION_SUITE, SEED20, { question: '1234567' })).toThrow(/time/);
    expect(() => ocra(TRANSACTION_SUITE, SEED20, { question: '1234567', timeMs: 0, counter: 1 })).toThrow(
      /counter/,
    );
    expect(() => ocra(TRANSACTION_SUITE, SEED20, { question: '1234567', timeMs: 0, pin: '1' })).toThrow(
      /pin/,
    );
    expect(() => ocra(TRANSACTION_SUITE, SEED20, { question: '1234567', timeMs: 0, timeStep: 0 })).toThrow();
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:C-QN08', SEED20, { question: '1234567' })).toThrow(/counter/);
    expect(() => ocra(TRANSACTION_SUITE, SEED20, { question: '123', timeMs: 0 })).toThrow(/question/);
    expect(() => ocra(TRANSACTION_SUITE, SEED20, { question: '12345a7', timeMs: 0 })).toThrow(/question/);
    expect(() => ocra('OCRA-1:HOTP-SHA1-6:QH08', SEED20, { question: 'xyz0' })).toThrow(/question/);
  });

  it('T10: session information is right-aligned in the S field, and too long is refused', () => {
    const suite = 'OCRA-1:HOTP-SHA1-6:QN08-S004';
    const a = ocra(suite, SEED20, { question: '12345678', session: Uint8Array.of(1, 2) });
    expect(ocra(suite, SEED20, { question: '12345678', session: Uint8Array.of(0, 0, 1, 2) })).toBe(a);
    expect(ocra(suite, SEED20, { question: '12345678', session: Uint8Array.of(1, 2, 0, 0) })).not.toBe(a);
    expect(() => ocra(suite, SEED20, { question: '12345678', session: new Uint8Array(5) })).toThrow(
      /session/,
    );
  });
});

describe('transaction authentication (T10)', () => {
  const seed = key('d498148936e6b2ed9c08e7fd5e613cdb281763d7');
  const NOW = 1_700_000_012_345;
  const step = Math.floor(NOW / 30_000);
  const fresh = { window: 1, lastStep: -1, drift: 0, maxDrift: 2 };
  const account = '1234567';
  const code = (s: number, q = account) => ocra(TRANSACTION_SUITE, seed, { question: q, timeStep: s });
  const verifier = new OcraVerifier(TRANSACTION_SUITE, seed);

  it('T10: a transfer code uses T1 30-second steps: timeMs and timeStep agree', () => {
    expect(ocra(TRANSACTION_SUITE, seed, { question: account, timeMs: NOW })).toBe(code(step));
    expect(code(step)).toMatch(/^[0-9]{6}$/);
  });

  it('T10: the code for the shown payee account is accepted in the window, with T2 and T3 as for T1', () => {
    expect(verifier.verify(code(step), account, NOW, fresh)).toEqual({ kind: 'ok', step, drift: 0 });
    expect(verifier.verify(code(step + 1), account, NOW, fresh)).toEqual({
      kind: 'ok',
      step: step + 1,
      drift: 1,
    });
    expect(verifier.verify(code(step + 2), account, NOW, fresh)).toEqual({ kind: 'invalid' });
    expect(verifier.verify(code(step), account, NOW, { ...fresh, lastStep: step })).toEqual({
      kind: 'replayed',
      step,
    });
    expect(verifier.verify(code(step), account, NOW, { ...fresh, window: 0 })).toEqual({
      kind: 'ok',
      step,
      drift: 0,
    });
    expect(verifier.verify(code(step - 1), account, NOW, { ...fresh, window: 0 })).toEqual({
      kind: 'invalid',
    });
  });

  it('T10: a code made for another payee account fails (man-in-the-browser changed the payee)', () => {
    expect(verifier.verify(code(step, '7654321'), account, NOW, fresh)).toEqual({ kind: 'invalid' });
    // and a 5-digit 収納機関番号 for bills works the same way
    expect(verifier.verify(code(step, '58021'), '58021', NOW, fresh)).toEqual({ kind: 'ok', step, drift: 0 });
    expect(verifier.verify(code(step, '58021'), '58022', NOW, fresh)).toEqual({ kind: 'invalid' });
  });

  it('T10: malformed responses are invalid; the verifier takes only time-and-question suites', () => {
    for (const r of ['', '12345', '1234567', 'abcdef'])
      expect(verifier.verify(r, account, NOW, fresh)).toEqual({ kind: 'invalid' });
    expect(() => new OcraVerifier('OCRA-1:HOTP-SHA1-6:C-QN08', seed)).toThrow(RangeError);
    expect(() => new OcraVerifier('OCRA-1:HOTP-SHA1-6:QN08-PSHA1-T30S', seed)).toThrow(RangeError);
    const ten = new OcraVerifier('OCRA-1:HOTP-SHA1-10:QN08-T30S', seed);
    // A 10-digit response of 2^32 + c must not wrap onto the code c in int32 arithmetic.
    const c = ocra('OCRA-1:HOTP-SHA1-10:QN08-T30S', seed, { question: account, timeStep: step });
    expect(ten.verify(c, account, NOW, fresh)).toEqual({ kind: 'ok', step, drift: 0 });
    const wrapped = String(Number(c) + 2 ** 32);
    expect(wrapped).toHaveLength(10);
    expect(ten.verify(wrapped, account, NOW, fresh)).toEqual({ kind: 'invalid' });
  });
});
