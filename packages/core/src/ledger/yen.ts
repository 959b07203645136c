/**
 * Money is integer yen in a branded type (STYLE habit 4, SPEC M1). A Yen is a JS number that
 * is a safe integer: amounts stay far below 2^53 (the SPEC's largest transfer is
 * ¥9,999,999,999), so no bigint is needed in core and no float ever touches a balance. Text is
 * parsed and formatted only at the edge (HTTP, CLI, CSV).
 */
import { KinkoError } from '../errors.ts';

declare const yenBrand: unique symbol;
export type Yen = number & { readonly [yenBrand]: true };

/** Asserts a safe integer (a bug otherwise, not a user error: user input goes through amountFrom). */
export function yen(n: number): Yen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`yen: ${String(n)} is not a safe integer`);
  return n as Yen;
}

export const ZERO_YEN = yen(0);

/** The largest single amount a customer may move (SPEC: per-transfer maximum ¥9,999,999,999). */
export const MAX_AMOUNT = yen(9_999_999_999);

// Plain digits without a leading zero: "30000", never "30,000", "３００００", "1e4", " 5" or "007".
const DIGITS_RE = /^(0|[1-9][0-9]{0,9})$/;

/**
 * The one parser of an amount a person entered (M1), as the API gave it: a whole number of yen
 * from `min` to MAX_AMOUNT (¥9,999,999,999, the Zengin 振込金額 field N(10), DOMAIN §2.4), as a
 * JSON number, or also as a string of plain digits where the API says so (`digits`: a
 * transfer's amount). Fractions, NaN, Infinity, negatives, commas, spaces, full-width digits
 * and exponents are 'amount.invalid', a 4xx that changes nothing, whose detail says what is
 * accepted and whose details carry min and max.
 */
export function amountFrom(value: unknown, what = 'amount', min = 1, digits = false): Yen {
  const n = digits && typeof value === 'string' && DIGITS_RE.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > MAX_AMOUNT) {
    const given = digits
      ? 'as a number or as plain digits (e.g. 30000): no commas, spaces, signs or full-width digits'
      : 'as a number';
    throw new KinkoError(
      'amount.invalid',
      `${what} must be a whole number of yen from ${formatYen(yen(min))} to ${formatYen(MAX_AMOUNT)}, ${given}`,
      { min, max: MAX_AMOUNT },
    );
  }
  return yen(n);
}

/** "1,234,567" or "-1,000": grouping by thousands, as on every Japanese bank screen. */
function formatYen(y: Yen): string {
  const digits = String(Math.abs(y)).replace(/\B(?=(\d{3})+$)/g, ',');
  return y < 0 ? `-${digits}` : digits;
}
