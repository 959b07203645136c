/**
 * 口座名義 (the account holder's name) as Zengin carries it (M8, DOMAIN §2.3 口座名等):
 * half-width katakana, A–Z, 0–9, space and ( ) - . A bank clerk types it in any width, with
 * small kana (ショウジ) or ー; the Zengin conversion of transfers/zengin-chars.ts, the one place
 * that rule lives, turns that into the form payers will see in a payee check (ｼﾖｳｼﾞ).
 */
import { KinkoError } from '../errors.ts';
import { toZenginField } from '../zengin/index.ts';

/** The name must fit 受取人名, C(30) in the 総合振込 data record, since payers send to it. */
const MAX_LENGTH = 30;

export function normaliseHolderKana(input: unknown): string {
  const r =
    typeof input === 'string' && input.length <= 200
      ? toZenginField(input, 'accountName', { allowWo: true })
      : null;
  if (!r?.ok || r.value.length === 0 || r.value.length > MAX_LENGTH) {
    throw new KinkoError(
      'request.invalid',
      `holder name must be 1–${MAX_LENGTH} Zengin characters (katakana, A–Z, 0–9, space, ( ) - .)`,
      r && !r.ok ? { position: r.position, character: r.character } : undefined,
    );
  }
  return r.value;
}
