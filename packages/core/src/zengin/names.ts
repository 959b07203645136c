/**
 * Payee names (受取人名, M8). A name typed in any width — ヤマダ　タロウ, やまだ たろう,
 * ｶﾌﾞｼｷｶﾞｲｼｬ — becomes the half-width Zengin form the bank sends and shows on the
 * confirmation screen (ﾔﾏﾀﾞ ﾀﾛｳ). What cannot be converted is refused with its position, so
 * the screen can point at it. 法人略語 such as ｶ) (ｶ (ｶ) (ﾕ) ｲ) are ordinary characters of
 * the repertoire and pass as typed (DOMAIN §2.3).
 */
import { KinkoError } from '../errors.ts';
import { toZenginField } from './chars.ts';

/** 受取人名 is C(30) in the 総合振込 data record (DOMAIN §2.4); ﾞ and ﾟ take one byte each. */
export const PAYEE_NAME_MAX_LENGTH = 30;

/**
 * M8: the payee name in Zengin characters (口座名 class; ｦ allowed as in format 21), with
 * spaces collapsed and trimmed, at most 30 characters. Idempotent: a normalised name
 * normalises to itself.
 * Throws 'payee.name_required' (nothing left), 'payee.name_invalid' with details
 * { position (1-based, in the input as typed), character } or 'payee.name_too_long' with
 * details { max, length, normalized }.
 */
export function normalizePayeeName(input: string): string {
  if (typeof input !== 'string') throw new KinkoError('payee.name_required', 'Enter the payee name.');
  const r = toZenginField(input, 'accountName', { allowWo: true });
  if (!r.ok) {
    throw new KinkoError(
      'payee.name_invalid',
      `The character "${r.character}" at position ${r.position} cannot be used in a payee name ` +
        '(half-width kana, A–Z, 0–9, space and ( ) - . only).',
      { position: r.position, character: r.character },
    );
  }
  if (r.value === '') throw new KinkoError('payee.name_required', 'Enter the payee name.');
  if (r.value.length > PAYEE_NAME_MAX_LENGTH) {
    throw new KinkoError(
      'payee.name_too_long',
      `The payee name is ${r.value.length} characters in half-width kana; at most ${PAYEE_NAME_MAX_LENGTH} fit.`,
      { max: PAYEE_NAME_MAX_LENGTH, length: r.value.length, normalized: r.value },
    );
  }
  return r.value;
}
