/**
 * Token serial numbers (T4, SPEC §2 シリアル番号): `SKTS` + 7 random characters + 1 check
 * character, 12 alphanumerics in all, e.g. `SKTS7K2M9QXD`.
 *
 * Alphabet: Crockford's base32 `0123456789ABCDEFGHJKMNPQRSTVWXYZ` (I, L, O and U are left out:
 * I, L and O are misread as 1, 1 and 0, and U avoids accidental words). 7 random characters
 * give 32^7 ≈ 3.4·10^10 serials; uniqueness is the store's unique index (insert and retry).
 *
 * Check character: a weighted sum over the field GF(32) = GF(2)[x]/(x^5 + x^2 + 1), where
 * each character is its alphabet index (a 5-bit field element) and α = x:
 *
 *     check = α^7·d0 ⊕ α^6·d1 ⊕ … ⊕ α^1·d6        (d0…d6 the random characters)
 *
 * so that α^7·d0 ⊕ … ⊕ α^1·d6 ⊕ α^0·check = 0 for a valid serial. As the weights α^7…α^0 are
 * distinct and non-zero, any single substitution changes the sum by α^i·(a ⊕ b) ≠ 0, and any
 * transposition of two different characters (adjacent or not) by (a ⊕ b)(α^i ⊕ α^j) ≠ 0: every
 * one is caught. Why not Luhn mod 32: Luhn mod N with an even N cannot catch every adjacent
 * transposition (the pair of values 0 and N−1, here `0Z` ↔ `Z0`, keeps the sum), exactly as
 * decimal Luhn misses `09` ↔ `90`; over Z/32 no choice of weights can (they would all have to
 * be odd and differ by an odd number), which is why the sum is taken in the field.
 *
 * docs/protocols.md "Serial numbers" states the same for other implementations.
 */
import { KinkoError } from '../errors.ts';
import type { Random } from '../ports.ts';
import { typedCode } from '../typed-code.ts';

const SERIAL_PREFIX = 'SKTS';
export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 7;
const CANONICAL = /^SKTS[0-9A-HJKMNP-TV-Z]{8}$/;

/** Multiplication by α in GF(32): shift, and reduce by x^5 + x^2 + 1 (0b100101) on overflow. */
function timesAlpha(v: number): number {
  return (v << 1) ^ (-(v >> 4) & 0b100101);
}

/** Horner's rule: Σ α^(n-1-j)·values[j] in GF(32). */
function weightedSum(values: readonly number[]): number {
  let acc = 0;
  for (const v of values) acc = timesAlpha(acc) ^ v;
  return acc;
}

/** The check character for seven random characters (their alphabet indices). */
export function checkIndex(randomIndices: readonly number[]): number {
  return timesAlpha(weightedSum(randomIndices));
}

/** A new serial from `random`, each character uniform over the alphabet. */
export function newSerial(random: Random): string {
  const n = SERIAL_ALPHABET.length;
  // Rejection sampling: a byte is used only below the largest multiple of n, so `byte % n` is
  // uniform. With n = 32, which divides 256, no byte is ever rejected; the code stays general.
  const limit = 256 - (256 % n);
  const indices: number[] = [];
  while (indices.length < RANDOM_CHARS) {
    for (const byte of random.bytes(RANDOM_CHARS - indices.length)) {
      if (byte < limit) indices.push(byte % n);
    }
  }
  indices.push(checkIndex(indices));
  return SERIAL_PREFIX + indices.map((i) => SERIAL_ALPHABET[i]).join('');
}

/**
 * Reads a serial as a person typed it (T4: a mistyped serial is caught before any lookup):
 * NFKC (full-width ＳＫＴＳ… becomes ASCII), trim, upper case, drop spaces and hyphens, read
 * O as 0 and I or L as 1 (Crockford's decoding rule). Returns the canonical serial, or throws
 * `serial.malformed` (not SKTS + 8 alphabet characters) or `serial.check_failed`.
 */
export function parseSerial(input: string): string {
  if (typeof input !== 'string' || input.length > 64)
    throw new KinkoError(
      'serial.malformed',
      'A serial number is SKTS followed by 8 letters or digits (12 in all), e.g. SKTS7K2M9QXD; spaces, hyphens and case are ignored.',
    );
  const s = typedCode(input.normalize('NFKC')).toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CANONICAL.test(s))
    throw new KinkoError(
      'serial.malformed',
      'A serial number is SKTS followed by 8 letters or digits (12 in all), e.g. SKTS7K2M9QXD; spaces, hyphens and case are ignored.',
    );
  const indices = Array.from(s.slice(SERIAL_PREFIX.length), (ch) => SERIAL_ALPHABET.indexOf(ch));
  if (weightedSum(indices) !== 0)
    throw new KinkoError(
      'serial.check_failed',
      "The serial number's check character does not match: a character is mistyped; copy the serial as the token app shows it.",
    );
  return s;
}
