/**
 * What a Japanese user types into a code field (issue 9.1): with the IME in 全角 the digits
 * come as ０-９ and letters as Ａ-Ｚ, and a pasted number brings the ideographic space or a
 * dash (ー − ‐ – — －) between its groups. A code is an OTP, a PIN, a card value, a bank,
 * branch, account or contract number, or a token serial: ASCII letters and digits only, so
 * folding the full-width forms and dropping the separators never changes a valid code, and
 * anything else is left for the field's own check to refuse with its message. Shared by the
 * server (one place for every request's code fields) and the web (each field on input).
 */

/** ０-９ Ａ-Ｚ ａ-ｚ (U+FF10–FF19, FF21–FF3A, FF41–FF5A), each 0xFEE0 above its ASCII form. */
const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

/**
 * Spaces (\s includes U+3000 and NBSP) and the hyphens and dashes people type or paste between
 * groups: - ‐ ‑ ‒ – — ― (U+2010–2015), − (U+2212), ー (U+30FC), － (U+FF0D), ｰ (U+FF70).
 */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u30fc\uff0d\uff70]/g;

/** Full-width letters and digits become ASCII; nothing else changes. */
export function halfWidthAlnum(input: string): string {
  return input.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A code as typed, in the form its check reads: full-width letters and digits folded to
 * ASCII, spaces and hyphens dropped (０００１ → 0001, １２３　４５６ → 123456, ５５５－１２３４ →
 * 5551234). Idempotent; any other character is kept, so an invalid code stays invalid.
 */
export function typedCode(input: string): string {
  return halfWidthAlnum(input).replace(SEPARATORS, '');
}
