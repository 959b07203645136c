import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KinkoError } from '../errors.ts';
import type { Random } from '../ports.ts';
import { checkIndex, newSerial, parseSerial, SERIAL_ALPHABET } from './serial.ts';

/** A deterministic Random over a fast-check byte stream. */
function randomFrom(bytes: number[]): Random {
  let i = 0;
  return { bytes: (n) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length]!) };
}

const serials = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 7, maxLength: 7 })
  .map((b) => newSerial(randomFrom(b)));

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (e) {
    return e instanceof KinkoError ? e.code : String(e);
  }
}

/** A valid serial with the given characters at the given positions (4…11; 11 is the check). */
function validWith(fixed: Record<number, string>): string {
  const chars = [...'SKTS0000000'];
  for (const [p, c] of Object.entries(fixed)) if (Number(p) < 11) chars[Number(p)] = c;
  const wanted = fixed[11];
  // The check is a bijective function of any one random character: free one up to hit `wanted`.
  const free = [4, 5, 6, 7, 8, 9, 10].find((p) => fixed[p] === undefined)!;
  for (const c of wanted === undefined ? [chars[free]!] : SERIAL_ALPHABET) {
    chars[free] = c;
    const check = SERIAL_ALPHABET[checkIndex(chars.slice(4).map((ch) => SERIAL_ALPHABET.indexOf(ch)))]!;
    if (wanted === undefined || check === wanted) return chars.join('') + check;
  }
  throw new Error('unreachable: the check takes every value');
}

function swap(s: string, i: number, j: number): string {
  const a = [...s];
  [a[i], a[j]] = [a[j]!, a[i]!];
  return a.join('');
}

describe('serial numbers', () => {
  it('T4: a serial is SKTS + 8 Crockford base32 characters, 12 alphanumerics, and parses to itself', () => {
    fc.assert(
      fc.property(serials, (s) => {
        expect(s).toMatch(/^SKTS[0-9A-HJKMNP-TV-Z]{8}$/);
        expect(s).toHaveLength(12);
        expect(parseSerial(s)).toBe(s);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it('T4: every single-character substitution of many random serials is caught', () => {
    fc.assert(
      fc.property(serials, (s) => {
        for (let i = 4; i < 12; i++) {
          for (const c of SERIAL_ALPHABET) {
            if (c === s[i]) continue;
            expect(codeOf(() => parseSerial(s.slice(0, i) + c + s.slice(i + 1)))).toBe('serial.check_failed');
          }
        }
      }),
      { numRuns: 150, seed: 44 },
    );
  });

  it('T4: every adjacent transposition of many random serials is caught', () => {
    fc.assert(
      fc.property(serials, (s) => {
        for (let i = 4; i < 11; i++) {
          if (s[i] === s[i + 1]) continue; // swapping equal characters changes nothing
          expect(codeOf(() => parseSerial(swap(s, i, i + 1)))).toBe('serial.check_failed');
        }
      }),
      { numRuns: 1000, seed: 444 },
    );
  });

  it('T4: exhaustively, every substitution and every transposition (adjacent or not) at every position', () => {
    // For every position (pair) and every value (pair), build a valid serial holding those
    // values there, then change it: 8·32·31 substitutions and 28·32·31 transpositions.
    let tried = 0;
    for (let i = 4; i < 12; i++) {
      for (let j = i; j < 12; j++) {
        for (const a of SERIAL_ALPHABET) {
          for (const b of SERIAL_ALPHABET) {
            if (a === b) continue;
            const s = validWith(j === i ? { [i]: a } : { [i]: a, [j]: b });
            const altered = j === i ? s.slice(0, i) + b + s.slice(i + 1) : swap(s, i, j);
            expect(
              codeOf(() => parseSerial(altered)),
              `${s} → ${altered}`,
            ).toBe('serial.check_failed');
            tried++;
          }
        }
      }
    }
    expect(tried).toBe((8 + 28) * 32 * 31);
  });

  it('T4: known answers: the check of the documented examples', () => {
    expect(parseSerial('SKTSTK7EH4VB')).toBe('SKTSTK7EH4VB'); // docs/protocols.md
    expect(parseSerial('SKTS00000000')).toBe('SKTS00000000'); // all zeros: check 0
    expect(parseSerial('SKTS00000012')).toBe('SKTS00000012'); // d6 = 1: check = α·1 = 2
    // d0 = 1: check = α^7 = α^2·α^5 = α^2·(α^2 + 1) = α^4 + α^2 = 16 + 4 = 20, which is M.
    expect(parseSerial('SKTS1000000M')).toBe('SKTS1000000M');
  });

  it('T4: catches 0Z ↔ Z0, the transposition Luhn mod 32 would miss', () => {
    const s = newSerial(randomFrom([0, 31, 1, 2, 3, 4, 5])); // SKTS 0 Z 1 2 3 4 5 + check
    expect(s.slice(4, 6)).toBe('0Z');
    expect(codeOf(() => parseSerial(swap(s, 4, 5)))).toBe('serial.check_failed');
  });

  it('T4: reads what people type: case, spaces, hyphens, full-width, O for 0, I and L for 1', () => {
    const s = newSerial(randomFrom([0, 1, 2, 3, 4, 5, 6])); // SKTS0123456?
    expect(s.slice(0, 11)).toBe('SKTS0123456');
    const spaced = `  ${s.slice(0, 4)}-${s.slice(4, 8)} ${s.slice(8)}  `.toLowerCase();
    expect(parseSerial(spaced)).toBe(s);
    expect(parseSerial(`SKTSO${s.slice(5)}`)).toBe(s); // O read as 0
    expect(parseSerial(`SKTS0I${s.slice(6)}`)).toBe(s); // I read as 1
    expect(parseSerial(`sktS0l${s.slice(6)}`)).toBe(s); // l read as 1
    const fullWidth = [...s].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(parseSerial(`${fullWidth.slice(0, 4)}　${fullWidth.slice(4)}`)).toBe(s); // ＳＫＴＳ　…
  });

  it('T4: anything but SKTS + 8 alphabet characters is serial.malformed', () => {
    const s = newSerial(randomFrom([9, 8, 7, 6, 5, 4, 3]));
    for (const bad of [
      '',
      'SKTS',
      s.slice(0, 11),
      `${s}0`,
      `SKTT${s.slice(4)}`,
      `XKTS${s.slice(4)}`,
      `SKTSU${s.slice(5)}`,
      `SKTS*${s.slice(5)}`,
      'x'.repeat(100),
    ]) {
      expect(
        codeOf(() => parseSerial(bad)),
        JSON.stringify(bad),
      ).toBe('serial.malformed');
    }
    expect(codeOf(() => parseSerial(null as unknown as string))).toBe('serial.malformed');
  });

  it('T4: characters are drawn uniformly from Random (every byte maps to one of 32 characters equally)', () => {
    const counts = new Map<string, number>();
    // 256 × 7 bytes covering every byte value seven times: each character must come up 56 times.
    const all = Array.from({ length: 256 * 7 }, (_, i) => i % 256);
    const random = randomFrom(all);
    for (let n = 0; n < 256; n++) {
      for (const c of newSerial(random).slice(4, 11)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    for (const c of SERIAL_ALPHABET) expect(counts.get(c)).toBe(56);
  });
});
