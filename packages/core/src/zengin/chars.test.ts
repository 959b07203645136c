import { describe, expect, it } from 'vitest';
import { isZenginChar, toZenginField, toZenginForm, type ZenginCharClass } from './chars.ts';

const classes: ZenginCharClass[] = ['branchName', 'accountName', 'payroll', 'edi'];
const allowedIn = (ch: string) => classes.filter((c) => isZenginChar(ch, c));

describe('the Zengin character repertoire (M8, DOMAIN §2.3)', () => {
  it('M8: large half-width kana, ﾞ ﾟ and digits are allowed in every class', () => {
    for (const ch of 'ｱｲｳｴｵﾜﾝﾞﾟ09') expect(allowedIn(ch), ch).toEqual(classes);
  });

  it('M8: small kana, ｰ, ･, the comma and full-width characters are allowed nowhere', () => {
    for (const ch of 'ｧｨｩｪｫｬｭｮｯｰ･,、ア　Ａa~') expect(allowedIn(ch), ch).toEqual([]);
  });

  it('M8: A–Z everywhere but payroll fields; symbols per class', () => {
    expect(allowedIn('A')).toEqual(['branchName', 'accountName', 'edi']);
    expect(allowedIn(' ')).toEqual(classes);
    expect(allowedIn('-')).toEqual(['branchName', 'accountName', 'edi']);
    expect(allowedIn('(')).toEqual(['accountName', 'edi']);
    expect(allowedIn('.')).toEqual(['accountName', 'edi']);
    for (const ch of '\\｢｣/') expect(allowedIn(ch), ch).toEqual(['edi']);
  });

  it('M8: ｦ only in EDI, or where the format allows it (01/03/21/98/99)', () => {
    expect(allowedIn('ｦ')).toEqual(['edi']);
    expect(isZenginChar('ｦ', 'accountName', { allowWo: true })).toBe(true);
  });

  it('M8: full-width input is converted to its Zengin form', () => {
    expect(toZenginForm('ガ')).toBe('ｶﾞ');
    expect(toZenginForm('ぽ')).toBe('ﾎﾟ');
    expect(toZenginForm('ョ')).toBe('ﾖ');
    expect(toZenginForm('ｮ')).toBe('ﾖ');
    expect(toZenginForm('ー')).toBe('-');
    expect(toZenginForm('Ｚ')).toBe('Z');
    expect(toZenginForm('　')).toBe(' ');
    expect(toZenginForm('￥')).toBe('\\');
    expect(toZenginForm('「')).toBe('｢');
  });

  it('M8: an EDI field keeps its symbols; a branch name refuses the period', () => {
    expect(toZenginField('セイキユウ「１２３」／￥', 'edi')).toEqual({ ok: true, value: 'ｾｲｷﾕｳ｢123｣/\\' });
    expect(toZenginField('ミツビシユ－エフジエイ', 'branchName')).toEqual({ ok: true, value: 'ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ' });
    expect(toZenginField('ABC.', 'branchName')).toEqual({ ok: false, position: 4, character: '.' });
    expect(toZenginField('ｷﾕｳﾖ A', 'payroll')).toEqual({ ok: false, position: 6, character: 'A' });
  });
});
