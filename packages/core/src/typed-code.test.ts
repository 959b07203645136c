import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halfWidthAlnum, typedCode } from './typed-code.ts';

describe('typedCode (issue 9.1: what a 全角 IME or a paste gives)', () => {
  it('folds full-width digits, as typed into 金融機関コード, 支店コード, 口座番号 and OTP fields', () => {
    expect(typedCode('０００１')).toBe('0001');
    expect(typedCode('００１')).toBe('001');
    expect(typedCode('１２３４５６７')).toBe('1234567');
    expect(typedCode('１２３４５６')).toBe('123456');
  });

  it('drops the ideographic space and every pasted hyphen or dash between groups', () => {
    expect(typedCode('１２３\u3000４５６')).toBe('123456');
    expect(typedCode('123 456')).toBe('123456');
    for (const dash of ['-', 'ー', '−', '‐', '–', '—', '－', 'ｰ', '―']) {
      expect(typedCode(`１２３${dash}４５６７`)).toBe('1234567');
    }
  });

  it('folds full-width letters (a serial typed as ＳＫＴＳ…, a PIN with letters)', () => {
    expect(typedCode('ＳＫＴＳ７Ｋ２Ｍ－９ＱＸＤ')).toBe('SKTS7K2M9QXD');
    expect(typedCode('ａｂｃ１２３')).toBe('abc123');
  });

  it('keeps every other character, so that the field check still refuses it', () => {
    expect(typedCode('12a4５６')).toBe('12a456');
    expect(typedCode('١٢٣٤٥٦')).toBe('١٢٣٤٥٦'); // Arabic-Indic digits are not folded
    expect(typedCode('カナ漢字')).toBe('カナ漢字');
    expect(halfWidthAlnum('１ ー２')).toBe('1 ー2');
  });

  it('is idempotent and never changes an ASCII code', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typedCode(typedCode(s))).toBe(typedCode(s));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Za-z]{0,20}$/), (s) => {
        expect(typedCode(s)).toBe(s);
      }),
    );
  });
});
