/**
 * The Zengin character repertoire (M8; DOMAIN §2.3, the 付録 注1–注3 of 全銀協 AP-Ⅰ-12) and
 * the conversion of what people type into it. Zengin fields are single-byte JIS X 0201: half-
 * width katakana without small kana, ﾞ and ﾟ as separate characters, A–Z, 0–9, space and a few
 * symbols per field class. Nothing full-width ever reaches a Zengin record.
 */
import Encoding from 'encoding-japanese';

/**
 * DOMAIN §2.3 field classes: 店舗名 (bank and branch names), 口座名等 (受取人名, 依頼人名 …),
 * 給与・賞与 other fields, and EDI情報.
 */
export type ZenginCharClass = 'branchName' | 'accountName' | 'payroll' | 'edi';

// Half-width katakana ｱ (U+FF71) … ﾝ (U+FF9D): the large kana. ｦ (U+FF66), the small kana
// ｧ–ｯ (U+FF67–FF6F) and ｰ (U+FF70) sit just below and are not in this range.
const LARGE_KANA_RE = /^[\uFF71-\uFF9D]$/;
const SYMBOLS: Record<ZenginCharClass, string> = {
  branchName: ' -',
  accountName: ' ()-.',
  payroll: ' ',
  edi: ' \\｢｣()-/.',
};

export interface CharClassOptions {
  /**
   * ｦ is allowed in 口座名 and 店舗名 fields of formats 01/03/21/98/99 only (DOMAIN §2.3);
   * EDI情報 always allows it.
   */
  allowWo?: boolean;
}

/** M8: `ch` (one character) may stand in a Zengin field of class `cls`. */
export function isZenginChar(ch: string, cls: ZenginCharClass, opts: CharClassOptions = {}): boolean {
  if (ch.length !== 1) return false;
  if (LARGE_KANA_RE.test(ch) || ch === 'ﾞ' || ch === 'ﾟ') return true;
  if (ch === 'ｦ') return cls === 'edi' || opts.allowWo === true;
  if (ch >= '0' && ch <= '9') return true;
  if (ch >= 'A' && ch <= 'Z') return cls !== 'payroll';
  return SYMBOLS[cls].includes(ch);
}

const FULL_KANA =
  'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン';
const HALF_KANA = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ';
/**
 * Small kana are written full size (キユウヨ, not キュウヨ; DOMAIN §2.3); ヰ ヱ have no
 * half-width form and are written イ エ, as in modern spelling. The directory search compares
 * names in the same large form.
 */
export const LARGE_KANA_OF: Readonly<Record<string, string>> = {
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
  ッ: 'ツ',
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ヮ: 'ワ',
  ヵ: 'カ',
  ヶ: 'ケ',
  ヰ: 'イ',
  ヱ: 'エ',
};
const HALF_OF = new Map<string, string>();
for (let i = 0; i < FULL_KANA.length; i++) HALF_OF.set(FULL_KANA[i]!, HALF_KANA[i]!);
for (const [small, large] of Object.entries(LARGE_KANA_OF)) HALF_OF.set(small, HALF_OF.get(large)!);

// The long-vowel mark is not a Zengin character; '-' stands for it, as in the zengin-code
// data (DOMAIN §2.3). Dashes and minus signs people paste are the same hyphen.
const HYPHEN_LIKE = new Set(['ー', 'ｰ', '－', '‐', '‑', '‒', '–', '—', '―', '−']);
const SPECIAL: Record<string, string> = {
  '\u3099': 'ﾞ', // combining dakuten (from NFD of ガ, or NFKC of ﾞ)
  '\u309A': 'ﾟ',
  ゛: 'ﾞ', // spacing marks: NFKC would turn these into space + combining mark
  ゜: 'ﾟ',
  '「': '｢',
  '」': '｣',
  '¥': '\\', // Shift_JIS 0x5C is ¥ on Japanese screens; cp932 cannot encode U+00A5 (§2.3 notes)
};

function convertCodePoint(c: string): string {
  const special = SPECIAL[c];
  if (special !== undefined) return special;
  if (HYPHEN_LIKE.has(c)) return '-';
  const code = c.codePointAt(0)!;
  // Hiragana ぁ (U+3041) … ゖ (U+3096) sit 0x60 below their katakana.
  const kata = code >= 0x3041 && code <= 0x3096 ? String.fromCodePoint(code + 0x60) : c;
  const half = HALF_OF.get(kata);
  if (half !== undefined) return half;
  if (c >= 'a' && c <= 'z') return c.toUpperCase();
  return c;
}

/**
 * Converts one typed character (a code point) to Zengin form: NFKC folds full-width Latin,
 * digits, symbols, the ideographic space and half-width kana to one form; NFD splits ガ into
 * カ + dakuten; then kana become half-width, hiragana katakana, small kana large, a–z A–Z.
 * The result may still hold characters outside the repertoire; the caller checks.
 */
export function toZenginForm(ch: string): string {
  const pre = SPECIAL[ch] ?? (HYPHEN_LIKE.has(ch) ? '-' : undefined);
  if (pre !== undefined) return pre;
  let out = '';
  for (const c of ch.normalize('NFKC').normalize('NFD')) out += convertCodePoint(c);
  return out;
}

export type ZenginFieldResult =
  | { ok: true; value: string }
  | { ok: false; position: number; character: string };

/**
 * M8: converts `input` to a Zengin field of class `cls`, with runs of spaces collapsed to one
 * and none at either end (a C field may not start with a space unless it is blank, §2.2).
 * On failure, `position` is the 1-based character position in the input as typed.
 */
export function toZenginField(
  input: string,
  cls: ZenginCharClass,
  opts: CharClassOptions = {},
): ZenginFieldResult {
  let out = '';
  let position = 0;
  for (const ch of input) {
    position++;
    const converted = toZenginForm(ch);
    for (const c of converted) {
      if (!isZenginChar(c, cls, opts)) return { ok: false, position, character: ch };
    }
    out += converted;
  }
  return { ok: true, value: out.replace(/ {2,}/g, ' ').trim() };
}

/** What keeps a value out of a Zengin C field as it stands (DOMAIN §2.2, §2.3). */
export type ZenginFieldProblem =
  | { kind: 'character'; position: number; character: string }
  | { kind: 'too_long'; length: number }
  | { kind: 'leading_space' };

/**
 * Why `value` cannot be written as it is into a C(`width`) field of class `cls`, or null if it
 * can: every character in the class, at most `width` of them (one byte each), and no leading
 * space unless the field is blank (§2.2). `position` is 1-based. The writer never cuts or
 * converts: what does not fit is the caller's to fix before anything is written.
 */
export function zenginFieldProblem(
  value: string,
  cls: ZenginCharClass,
  width: number,
  opts: CharClassOptions = {},
): ZenginFieldProblem | null {
  let position = 0;
  for (const ch of value) {
    position++;
    if (!isZenginChar(ch, cls, opts)) return { kind: 'character', position, character: ch };
  }
  if (position > width) return { kind: 'too_long', length: position };
  if (value.startsWith(' ') && value.trim() !== '') return { kind: 'leading_space' };
  return null;
}

/**
 * The bytes of a Zengin text in コード区分 0 (JIS X 0201 8-bit, the same bytes as single-byte
 * Shift_JIS; DOMAIN §2.2), for the file export. Every byte is 0x20–0x7E or 0xA1–0xDF; anything
 * else means the text was not normalised first, which is a bug, so it throws.
 */
export function toShiftJisBytes(text: string): Uint8Array {
  const bytes = Encoding.convert(Encoding.stringToCode(text), { to: 'SJIS', from: 'UNICODE', type: 'array' });
  const single = (b: number) => (b >= 0x20 && b <= 0x7e) || (b >= 0xa1 && b <= 0xdf);
  // encoding-japanese writes '?' for what Shift_JIS cannot hold, so a '?' must come from a '?'.
  if (
    bytes.length !== text.length ||
    !bytes.every(single) ||
    bytes.some((b, i) => b === 0x3f && text[i] !== '?')
  ) {
    throw new TypeError(`not single-byte Zengin text: ${JSON.stringify(text)}`);
  }
  return Uint8Array.from(bytes);
}
