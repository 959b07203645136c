/**
 * Money is integer yen in a branded type (STYLE habit 4, SPEC M1). A Yen is a JS number that
 * is a safe integer: amounts stay far below 2^53 (the SPEC's largest transfer is
 * ¥9,999,999,999), so no bigint is needed in core and no float ever touches a balance. Text is
 * parsed and formatted only at the edge (HTTP, CLI, CSV).
 */
import { KinkoError } from '../errors.ts';

declare const yenBrand: unique symbol;
export type Yen = number & { readonly [yenBrand]: true };

/** Asserts a safe integer (a bug otherwise, not a user error: user input goes through parseYen/amountFrom). */
export function yen(n: number): Yen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`yen: ${String(n)} is not a safe integer`);
  return n as Yen;
}

export const ZERO_YEN = yen(0);

/** The largest single amount a customer may move (SPEC: per-transfer maximum ¥9,999,999,999). */
export const MAX_AMOUNT = yen(9_999_999_999);

export function isYen(n: unknown): n is Yen {
  return typeof n === 'number' && Number.isSafeInteger(n);
}

/** Exact sum; asserts the total is still a safe integer. */
export function sumYen(amounts: readonly Yen[]): Yen {
  let total = 0;
  for (const a of amounts) total += a;
  return yen(total);
}

/**
 * An amount a person entered, as JSON gave it: a whole number of yen from `min` to MAX_AMOUNT.
 * 0, negative, fractional, NaN and strings are 'amount.invalid' (a 4xx that changes nothing).
 */
export function amountFrom(value: unknown, what = 'amount', min = 1): Yen {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > MAX_AMOUNT) {
    throw new KinkoError(
      'amount.invalid',
      `${what} must be a whole number of yen from ${formatYen(yen(min))} to ${formatYen(MAX_AMOUNT)}`,
    );
  }
  return yen(value);
}

/** Parses digits as typed at an edge: "12345", "12,345", "¥12,345" or "￥12,345" (no sign, no decimals). */
export function parseYen(text: string, what = 'amount'): Yen {
  const t = text.trim().replace(/^[¥￥]/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(t))
    throw new KinkoError('amount.invalid', `${what} is not a yen amount`);
  const n = Number(t.replaceAll(',', ''));
  if (!Number.isSafeInteger(n)) throw new KinkoError('amount.invalid', `${what} is too large`);
  return yen(n);
}

/** "1,234,567" or "-1,000": grouping by thousands, as on every Japanese bank screen. */
export function formatYen(y: Yen): string {
  const digits = String(Math.abs(y)).replace(/\B(?=(\d{3})+$)/g, ',');
  return y < 0 ? `-${digits}` : digits;
}
