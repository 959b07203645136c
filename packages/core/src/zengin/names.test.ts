import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKinkoError } from '../errors.ts';
import { isZenginChar, toShiftJisBytes } from './chars.ts';
import { normalizePayeeName, PAYEE_NAME_MAX_LENGTH } from './names.ts';

describe('payee names in Zengin characters (M8)', () => {
  it.each([
    ['full-width katakana, ideographic space', 'カブシキガイシャ　ヤマダショウジ', 'ｶﾌﾞｼｷｶﾞｲｼﾔ ﾔﾏﾀﾞｼﾖｳｼﾞ'],
    ['half-width with small kana', 'ｶﾌﾞｼｷｶﾞｲｼｬ', 'ｶﾌﾞｼｷｶﾞｲｼﾔ'],
    ['hiragana', 'やまだ　たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['already Zengin', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['runs of spaces and edges', '　ヤマダ 　 タロウ ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['small kana written large', 'キュウヨ　ダイコウ', 'ｷﾕｳﾖ ﾀﾞｲｺｳ'],
    ['small tsu', 'ガッコウホウジン　サクラガクエン', 'ｶﾞﾂｺｳﾎｳｼﾞﾝ ｻｸﾗｶﾞｸｴﾝ'],
    ['handakuten', 'パン・ド・ポム'.replaceAll('・', ' '), 'ﾊﾟﾝ ﾄﾞ ﾎﾟﾑ'],
    ['long vowel becomes -', 'キンコーポレーション', 'ｷﾝｺ-ﾎﾟﾚ-ｼﾖﾝ'],
    ['half-width long vowel', 'ｷﾝｺｰﾎﾟﾚｰｼｮﾝ', 'ｷﾝｺ-ﾎﾟﾚ-ｼﾖﾝ'],
    ['ヴ with a small vowel', 'ヴィクトリア', 'ｳﾞｲｸﾄﾘｱ'],
    ['ヲ (allowed in 総合振込)', 'ヲガワ', 'ｦｶﾞﾜ'],
    ['spacing dakuten', 'カ゛', 'ｶﾞ'],
    ['lower-case latin', 'abc trading co.', 'ABC TRADING CO.'],
    ['full-width latin and digits', 'Ｋｉｎｋｏ　１２３', 'KINKO 123'],
    ['法人略語 at the start', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ'],
    ['法人略語 at the end', 'ﾔﾏﾀﾞ(ｶ', 'ﾔﾏﾀﾞ(ｶ'],
    ['法人略語 in the middle', 'ﾔﾏﾀﾞ(ｶ)ﾁﾊﾞｼﾃﾝ', 'ﾔﾏﾀﾞ(ｶ)ﾁﾊﾞｼﾃﾝ'],
    ['full-width 法人略語', '（ユ）スズキ', '(ﾕ)ｽｽﾞｷ'],
    ['医療法人 and ゐ', 'イ)ゐのうえかい', 'ｲ)ｲﾉｳｴｶｲ'],
    ['full-width hyphen and period', 'ｴｽ－ｹｲ．ｼﾞｬﾊﾟﾝ', 'ｴｽ-ｹｲ.ｼﾞﾔﾊﾟﾝ'],
  ])('M8: %s', (_what, input, expected) => {
    expect(normalizePayeeName(input)).toBe(expected);
  });

  it.each([
    ['a kanji', 'ＡＢＣ商事', 4, '商'],
    ['the middle dot (ﾞ is a character of its own)', 'ﾔﾏﾀﾞ･ﾀﾛｳ', 5, '･'],
    ['the full-width middle dot', 'ヤマダ・タロウ', 4, '・'],
    ['the comma', 'ﾔﾏﾀﾞ,ﾀﾛｳ', 5, ','],
    ['the ideographic comma', 'ヤマダ、タロウ', 4, '、'],
    ['an emoji (positions count characters, not UTF-16 units)', 'ﾔﾏ😀ﾀﾞ', 3, '😀'],
    ['㈱ (its expansion holds a kanji)', '㈱ヤマダ', 1, '㈱'],
    ['a tab', 'ﾔﾏﾀﾞ\tﾀﾛｳ', 5, '\t'],
    ['the yen sign (EDI only)', 'ﾔﾏﾀﾞ¥', 5, '¥'],
    ['a slash (EDI only)', 'A/B', 2, '/'],
    ['an accented letter', 'CAFÉ', 4, 'É'],
    ['an iteration mark', 'サゝキ', 2, 'ゝ'],
  ])('M8: %s is refused with its position', (_what, input, position, character) => {
    expect(() => normalizePayeeName(input)).toThrow(
      expect.objectContaining({ code: 'payee.name_invalid', details: { position, character } }),
    );
  });

  it('M8: an empty or blank name is refused', () => {
    for (const blank of ['', '   ', '　　']) {
      expect(() => normalizePayeeName(blank)).toThrow(
        expect.objectContaining({ code: 'payee.name_required' }),
      );
    }
  });

  it('M8: 受取人名 holds 30 half-width characters, and ﾞ ﾟ count one each', () => {
    expect(PAYEE_NAME_MAX_LENGTH).toBe(30);
    expect(normalizePayeeName('ア'.repeat(30))).toHaveLength(30);
    expect(() => normalizePayeeName('ア'.repeat(31))).toThrow(
      expect.objectContaining({
        code: 'payee.name_too_long',
        details: expect.objectContaining({ length: 31 }),
      }),
    );
    expect(normalizePayeeName('ガ'.repeat(15))).toHaveLength(30);
    expect(() => normalizePayeeName('ガ'.repeat(16))).toThrow(
      expect.objectContaining({ code: 'payee.name_too_long' }),
    );
  });

  it('M8: the Shift_JIS bytes of a name are single bytes, one per character', () => {
    expect([...toShiftJisBytes(normalizePayeeName('ヤマダ　タロウ'))]).toEqual([
      0xd4, 0xcf, 0xc0, 0xde, 0x20, 0xc0, 0xdb, 0xb3,
    ]);
    expect([...toShiftJisBytes('ｶ)ABC-1.')]).toEqual([0xb6, 0x29, 0x41, 0x42, 0x43, 0x2d, 0x31, 0x2e]);
    expect(() => toShiftJisBytes('山田')).toThrow(TypeError);
    expect(() => toShiftJisBytes('ヤ')).toThrow(TypeError);
  });
});

describe('payee-name properties (M8)', () => {
  // Mostly characters people type for a payee, plus some that must be refused.
  const typed = fc.string({
    unit: fc.oneof(
      fc.constantFrom(...'アイウエオカガキギパピャュョッァヴーヲヰ　 ・、'),
      fc.constantFrom(...'あいうえおがぱゃっゐ'),
      fc.constantFrom(...'ｱｲｳｴｵｶﾞﾊﾟｬｭｮｯｰｦﾞﾟ'),
      fc.constantFrom(...'abcXYZ019ＡＺａｚ０９()（）-－.．,/¥\\'),
      fc.constantFrom(...'山田㈱😀\t'),
      fc.string({ unit: 'binary', maxLength: 1 }),
    ),
    maxLength: 40,
  });

  it('M8: normalisation is idempotent, and its output is in the repertoire or it throws', () => {
    fc.assert(
      fc.property(typed, (input) => {
        let out: string;
        try {
          out = normalizePayeeName(input);
        } catch (e) {
          expect(isKinkoError(e) && e.code.startsWith('payee.name_')).toBe(true);
          return;
        }
        expect(out.length).toBeGreaterThan(0);
        expect(out.length).toBeLessThanOrEqual(PAYEE_NAME_MAX_LENGTH);
        for (const ch of out) expect(isZenginChar(ch, 'accountName', { allowWo: true }), ch).toBe(true);
        expect(out).not.toMatch(/^ | $| {2}/);
        expect(normalizePayeeName(out)).toBe(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('M8: every normalised name maps to bytes 0x20–0x7E / 0xA1–0xDF', () => {
    fc.assert(
      fc.property(typed, (input) => {
        let out: string;
        try {
          out = normalizePayeeName(input);
        } catch {
          return;
        }
        const bytes = toShiftJisBytes(out);
        expect(bytes).toHaveLength(out.length);
        for (const b of bytes) expect((b >= 0x20 && b <= 0x7e) || (b >= 0xa1 && b <= 0xdf)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
