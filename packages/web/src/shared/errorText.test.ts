import { describe, expect, it } from 'vitest';
import { ApiError, clientError } from './api.ts';
import { errorText } from './errorText.ts';

const problem = (code: string, details: Record<string, unknown> = {}) => new ApiError(400, code, '', details);

describe('9.7 a field error names what was wrong and what is accepted', () => {
  it('a kanji payee name: the character, its position, and that kana is accepted (ja, en)', () => {
    const e = problem('payee.name_invalid', { position: 5, character: '太' });
    const ja = errorText(e, 'ja').message;
    expect(ja).toMatch(/^受取人名の5文字目「太」は使用できません。/);
    expect(ja).toContain('カナ');
    expect(ja).toContain('漢字');
    const en = errorText(e, 'en').message;
    expect(en).toMatch(/^Character 5 of the payee name, “太”, cannot be used\. /);
    expect(en).toContain('kana');
  });

  it('without the details only what is accepted is said, never a placeholder', () => {
    const ja = errorText(problem('payee.name_invalid'), 'ja').message;
    expect(ja).toMatch(/^受取人名は、カナ/);
    expect(ja).not.toContain('{');
  });

  it('the amount: what was typed, and that full-width digits and commas are accepted', () => {
    const ja = errorText(clientError('amount.invalid', { given: '1.5' }), 'ja').message;
    expect(ja).toContain('「1.5」');
    expect(ja).toContain('全角数字・カンマ');
    expect(ja).not.toContain('カンマなし');
    expect(errorText(clientError('amount.invalid', { given: '1.5' }), 'en').message).toContain('“1.5”');
  });

  it('a code of the wrong length says the length given', () => {
    expect(errorText(problem('payee.account_number_invalid', { length: 6 }), 'ja').message).toMatch(
      /^入力された口座番号は6文字です。口座番号は7桁/,
    );
    expect(errorText(problem('payee.bank_code_invalid', { length: 3 }), 'en').message).toMatch(
      /^The bank code given has 3 characters\. A bank code is 4 digits/,
    );
  });

  it('request.invalid of one field says that field rule instead of 入力内容に誤りがあります', () => {
    expect(errorText(problem('request.invalid', { field: 'pin' }), 'ja').message).toContain(
      '英数字4～16文字',
    );
    expect(errorText(problem('request.invalid', { field: 'password' }), 'en').message).toContain('8–64');
    expect(errorText(problem('request.invalid', { field: 'name', length: 61 }), 'ja').message).toContain(
      '61文字',
    );
    expect(errorText(problem('request.invalid'), 'ja').message).toBe(
      '入力内容に誤りがあります。入力内容をご確認ください。',
    );
  });
});

describe('9.7 a limit refusal says the limit and what is still allowed, in yen', () => {
  it('limits.exceeded and limits.above_ceiling', () => {
    const over = errorText(
      problem('limits.exceeded', { remaining: 250_000, limit: 1_000_000 }),
      'ja',
    ).message;
    expect(over).toMatch(
      /限度額を超えています。.*現在ご指定いただける金額は¥250,000までです（限度額¥1,000,000）。$/,
    );
    const ceiling = errorText(
      problem('limits.above_ceiling', { value: 5_000_000, ceiling: 3_000_000 }),
      'en',
    );
    expect(ceiling.message).toMatch(/^¥5,000,000 is above the contract limit of ¥3,000,000\. /);
  });
});
