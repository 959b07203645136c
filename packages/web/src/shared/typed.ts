import { halfWidthAlnum, typedCode } from '@kinko/core/shared';

/**
 * How a field reads what a Japanese user types (issue 9.1), applied on input once the IME's
 * composition has ended: `digits` for a number made of digits only (金融機関コード, 支店コード,
 * 口座番号, ご契約先ID, OTP, card value): full-width folded, spaces and dashes dropped, any other
 * character dropped as the field cannot hold it; `code` for a PIN or serial (letters and
 * digits): folded and separators dropped, the rest kept for the check to name; `amount` for
 * yen: full-width digits and commas folded, the ideographic space dropped, the rest kept for
 * parseYen to judge.
 */
export type Fold = 'digits' | 'code' | 'amount';

export function foldTyped(fold: Fold, value: string): string {
  switch (fold) {
    case 'digits':
      return typedCode(value).replace(/\D/g, '');
    case 'code':
      return typedCode(value);
    case 'amount':
      return halfWidthAlnum(value)
        .replace(/，/g, ',')
        .replace(/\u3000/g, '');
  }
}
