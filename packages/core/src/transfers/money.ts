/**
 * Transfer amounts at the edge (M1: accounts hold integer yen). The API gives an amount as a
 * JSON number or a string of digits; anything else is refused here, before it can reach a
 * balance. The transfers code brands the result as the ledger's `Yen`.
 */
import { KinkoError } from '../errors.ts';

/** 1 yen: a transfer of nothing is not a transfer. */
export const MIN_TRANSFER_AMOUNT = 1;
/** The Zengin 振込金額 field is N(10) (DOMAIN §2.4), so ¥9,999,999,999 is the most it can carry. */
export const MAX_TRANSFER_AMOUNT = 9_999_999_999;

// Plain digits without a leading zero: "30000", never "30,000", "３００００", "1e4", " 5" or "007".
const DIGITS_RE = /^[1-9][0-9]{0,9}$/;

function refuse(message: string): never {
  throw new KinkoError('amount.invalid', message, {
    min: MIN_TRANSFER_AMOUNT,
    max: MAX_TRANSFER_AMOUNT,
  });
}

/**
 * M1: an integer number of yen in 1 … 9,999,999,999, from a number or a digit string.
 * Throws KinkoError 'amount.invalid' for 0, negatives, fractions, NaN, Infinity,
 * formatted strings (commas, spaces, full-width digits, exponents) and anything too large.
 */
export function parseTransferAmount(input: unknown): number {
  let n: number;
  if (typeof input === 'number') {
    n = input;
  } else if (typeof input === 'string') {
    if (!DIGITS_RE.test(input)) {
      refuse('Enter the amount in yen as digits only, without commas or spaces (e.g. 30000).');
    }
    n = Number(input);
  } else {
    refuse('The amount must be a whole number of yen.');
  }
  if (!Number.isFinite(n) || !Number.isInteger(n)) refuse('The amount must be a whole number of yen.');
  if (n < MIN_TRANSFER_AMOUNT) refuse('The amount must be at least ¥1.');
  if (n > MAX_TRANSFER_AMOUNT) refuse('The amount must not exceed ¥9,999,999,999.');
  return n;
}
