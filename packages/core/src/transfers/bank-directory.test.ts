import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config.ts';
import { lookupBank, lookupBranch, searchBanks, searchBranches } from './bank-directory.ts';
import { isZenginChar } from './zengin-chars.ts';

const code = (c: string) => expect.objectContaining({ code: c });

describe('the Zengin bank and branch directory (M8)', () => {
  it('M8: real banks resolve with their name and half-width kana', () => {
    expect(lookupBank('0001')).toEqual({ code: '0001', name: 'みずほ', kana: 'ﾐｽﾞﾎ' });
    expect(lookupBank('0005')).toEqual({ code: '0005', name: '三菱ＵＦＪ', kana: 'ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ' });
    expect(lookupBank('1000')).toMatchObject({ name: '信金中央金庫', kana: 'ｼﾝｷﾝﾁﾕｳｵｳｷﾝｺ' });
    expect(lookupBank('1344')).toMatchObject({ name: '城南信金', kana: 'ｼﾞﾖｳﾅﾝｼﾝｷﾝ' });
    expect(lookupBank('9900')).toMatchObject({ name: 'ゆうちょ' });
  });

  it('M8: the default own bank is 熊本第一信金 (1952), the bank of the source notice', () => {
    expect(defaultConfig.ownBankCode).toBe('1952');
    expect(lookupBank(defaultConfig.ownBankCode)).toMatchObject({
      name: '熊本第一信金',
      kana: 'ｸﾏﾓﾄﾀﾞｲｲﾁｼﾝｷﾝ',
    });
  });

  it('M8: real branches resolve', () => {
    expect(lookupBranch('0001', '001')).toEqual({ code: '001', name: '東京営業部', kana: 'ﾄｳｷﾖｳ' });
    expect(lookupBranch('0005', '001')).toMatchObject({ name: '本店', kana: 'ﾎﾝﾃﾝ' });
    expect(lookupBranch('0009', '001')).toMatchObject({ name: '神保町', kana: 'ｼﾞﾝﾎﾞｳﾁﾖｳ' });
    expect(lookupBranch('1952', '003')).toMatchObject({ name: '水前寺', kana: 'ｽｲｾﾞﾝｼﾞ' });
    expect(lookupBranch('9900', '019')).toMatchObject({ name: '〇一九', kana: 'ｾﾞﾛｲﾁｷﾕｳ' });
  });

  it('M8: unknown banks and branches are refused', () => {
    expect(() => lookupBank('0000')).toThrow(code('payee.bank_not_found'));
    expect(() => lookupBranch('0000', '001')).toThrow(code('payee.bank_not_found'));
    expect(() => lookupBranch('0001', '999')).toThrow(code('payee.branch_not_found'));
  });

  it.each([['1'], ['01'], ['00001'], ['０００１'], ['abcd'], [' 001'], [1], [null]])(
    'M8: bank code %j is not 4 digits',
    (bad) => {
      expect(() => lookupBank(bad)).toThrow(code('payee.bank_code_invalid'));
      expect(() => lookupBranch(bad, '001')).toThrow(code('payee.bank_code_invalid'));
    },
  );

  it.each([['1'], ['0001'], ['００１'], ['1a2'], [1]])('M8: branch code %j is not 3 digits', (bad) => {
    expect(() => lookupBranch('0001', bad)).toThrow(code('payee.branch_code_invalid'));
  });

  it("M8: for this bank's own branches the back office's list is the authority", () => {
    const own = {
      ownBankCode: '1952',
      ownBranches: [
        { code: '001', name: '本店営業部' },
        { code: '002', name: '駅前支店' }, // zengin-code lists 002 as 菊池
        { code: '900', name: '新設支店', kana: 'ｼﾝｾﾂ' }, // not yet in the public data
      ],
    };
    expect(lookupBranch('1952', '001', own)).toEqual({ code: '001', name: '本店営業部', kana: 'ﾎﾝﾃﾝ' });
    expect(lookupBranch('1952', '002', own)).toEqual({ code: '002', name: '駅前支店', kana: '' });
    expect(lookupBranch('1952', '900', own)).toEqual({ code: '900', name: '新設支店', kana: 'ｼﾝｾﾂ' });
    expect(() => lookupBranch('1952', '003', own)).toThrow(code('payee.branch_not_found')); // closed here
    expect(lookupBranch('0001', '001', own)).toMatchObject({ name: '東京営業部' }); // other banks: public data
  });

  it('M8: every kana of the directory converts to Zengin 店舗名 characters (the period aside)', () => {
    const data = createRequire(import.meta.url)('zengin-code') as Record<
      string,
      { code: string; branches: Record<string, { code: string }> }
    >;
    const ok = (ch: string) => isZenginChar(ch, 'branchName') || ch === '.';
    const bad: string[] = [];
    let branches = 0;
    for (const bank of Object.values(data)) {
      if (![...lookupBank(bank.code).kana].every(ok)) bad.push(bank.code);
      for (const br of Object.values(bank.branches)) {
        branches++;
        if (![...lookupBranch(bank.code, br.code).kana].every(ok)) bad.push(`${bank.code}-${br.code}`);
      }
    }
    expect(bad).toEqual([]);
    expect(branches).toBeGreaterThan(28_000);
  });

  it('M8: banks are found by code prefix, name, kana or hiragana, at most 20', () => {
    expect(searchBanks('0001')).toEqual([{ code: '0001', name: 'みずほ', kana: 'ﾐｽﾞﾎ' }]);
    expect(searchBanks('0000')).toEqual([]);
    const zero = searchBanks('0');
    expect(zero).toHaveLength(20);
    expect(zero.map((b) => b.code)).toEqual([...zero.map((b) => b.code)].sort());
    for (const q of ['みずほ', 'ミズホ', 'ﾐｽﾞﾎ', ' みずほ '])
      expect(searchBanks(q)[0], q).toMatchObject({ code: '0001' });
    // A name that starts with the query comes before one that only contains it.
    expect(searchBanks('熊本')[0]).toMatchObject({ name: expect.stringMatching(/^熊本/) });
    expect(searchBanks('1952', 5)).toEqual([expect.objectContaining({ name: '熊本第一信金' })]);
  });

  it("M8: branches are found by code prefix or name; small kana match the directory's large ones", () => {
    expect(searchBranches('0001', '001')).toEqual([{ code: '001', name: '東京営業部', kana: 'ﾄｳｷﾖｳ' }]);
    expect(searchBranches('0001', 'とうきょう').map((b) => b.code)).toContain('001');
    // ヶ in a name (霞ヶ関) and ケ as typed compare alike, as the Zengin kana writes both ケ.
    expect(searchBranches('1253', '霞ケ関').map((b) => b.name)).toContain('霞ヶ関');
    expect(searchBranches('0001', '999')).toEqual([]);
    expect(() => searchBranches('0000', '')).toThrow(code('payee.bank_not_found'));
    expect(() => searchBranches('1', '')).toThrow(code('payee.bank_code_invalid'));
  });

  it("M8: this bank's branches are searched in the back office's list", () => {
    const own = {
      ownBankCode: '1952',
      ownBranches: [
        { code: '002', name: '駅前支店' },
        { code: '001', name: '本店営業部' },
      ],
    };
    expect(searchBranches('1952', '', own).map((b) => b.code)).toEqual(['001', '002']);
    expect(searchBranches('1952', '駅前', own)).toEqual([{ code: '002', name: '駅前支店', kana: '' }]);
    expect(searchBranches('1952', '003', own)).toEqual([]);
    // Another bank is still the public list.
    expect(searchBranches('0001', '001', own)).toHaveLength(1);
  });
});
