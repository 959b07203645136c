import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFrom, MAX_AMOUNT } from './yen.ts';

describe('amounts as entered (M1): the one parser', () => {
  it('M1: a whole number of yen from 1 to 9,999,999,999 is accepted, as a number or digits', () => {
    expect(amountFrom(1)).toBe(1);
    expect(amountFrom(30_000)).toBe(30_000);
    expect(amountFrom(9_999_999_999)).toBe(MAX_AMOUNT);
    expect(amountFrom('30000', 'amount', 1, true)).toBe(30_000);
    expect(amountFrom('9999999999', 'amount', 1, true)).toBe(9_999_999_999);
  });

  it.each([
    ['zero', 0],
    ['negative zero', -0],
    ['a negative amount', -1],
    ['a fraction', 100.5],
    ['a tiny fraction', 1e-7],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['one yen over the Zengin maximum', 10_000_000_000],
    ['an unsafe integer', 2 ** 60],
    ['a string with commas', '30,000'],
    ['a string with a yen sign', '¥30000'],
    ['a decimal string', '100.0'],
    ['a negative string', '-5'],
    ['a zero string', '0'],
    ['a leading zero', '030000'],
    ['full-width digits', '３００００'],
    ['an exponent', '1e4'],
    ['surrounding spaces', ' 30000 '],
    ['an over-long digit string', '10000000000'],
    ['an empty string', ''],
    ['null', null],
    ['a boolean', true],
    ['a bigint', 30000n],
    ['an object', { amount: 30000 }],
  ])('M1: %s is refused with amount.invalid', (_what, input) => {
    expect(() => amountFrom(input, 'amount', 1, true)).toThrow(
      expect.objectContaining({ code: 'amount.invalid' }),
    );
  });

  it('M1: every accepted amount is a safe integer in range, and its digits parse to itself', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.string(), fc.bigInt().map(String)), (input) => {
        let n: number;
        try {
          n = amountFrom(input, 'amount', 1, true);
        } catch {
          return;
        }
        expect(Number.isSafeInteger(n) && n >= 1 && n <= MAX_AMOUNT).toBe(true);
        expect(amountFrom(String(n), 'amount', 1, true)).toBe(n);
      }),
    );
  });
});
