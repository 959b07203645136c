/**
 * M4 [seed]: the same-day rule. After the 2015 fraud wave (DOMAIN §1.8) a shinkin lets money
 * leave the same day only where a thief with a stolen password cannot send it: to the
 * contract's own accounts, to a payee the customer registered in writing (事前登録), or — for
 * any payee, 一見先 included — from a contract whose login needs a client certificate and whose
 * user authorises with an active token. Everything else, a payee typed and paid before included
 * (the notice: without the token a same-day transfer needs the payee 届け出 in writing), waits
 * for a later business day, which gives the customer time to notice and cancel.
 */
import { addBusinessDays, type BankDate } from '../calendar/index.ts';
import { KinkoError } from '../errors.ts';
import type { LoginMethod } from '../ports.ts';

/** Where the money goes, as far as M4 cares. */
type PayeeStanding =
  | 'own_account' // 振替 between the contract's own accounts
  | 'registered' // 事前登録: entered by a bank operator from the customer's written form
  | 'paid_before' // 都度指定, but this contract has paid it before
  | 'first_time'; // 一見先: not registered and never paid by this contract

export interface SameDayFacts {
  valueDate: BankDate;
  /** Today in Japan. */
  today: BankDate;
  standing: PayeeStanding;
  loginMethod: LoginMethod;
  /** R4: the user's token is registered (the OTP authorises the transfer). */
  tokenActive: boolean;
  /** The latest value date the window allows (horizon). */
  latest: BankDate;
}

export type SameDayRefusal = 'login_method_id_password' | 'token_not_active';

/** Why a same-day transfer is refused, or null when it is allowed (M4). */
export function sameDayRefusal(f: SameDayFacts): SameDayRefusal | null {
  if (f.valueDate !== f.today || f.standing === 'own_account' || f.standing === 'registered') return null;
  if (f.loginMethod !== 'certificate') return 'login_method_id_password';
  if (!f.tokenActive) return 'token_not_active';
  return null;
}

/**
 * M4: throws 'transfer.same_day_not_allowed' with { reason, nextPossible } so that the screen
 * says why and offers the first date that is allowed: the next business day (a scheduled
 * transfer to a first-time payee is always allowed).
 */
export function assertSameDayAllowed(f: SameDayFacts): void {
  const reason = sameDayRefusal(f);
  if (reason === null) return;
  const next = addBusinessDays(f.today, 1);
  const nextPossible = next <= f.latest ? next : null;
  const why =
    reason === 'login_method_id_password'
      ? 'on ID・パスワード方式 a same-day transfer may go only to a payee registered in writing (事前登録)'
      : 'a same-day transfer to a first-time payee needs an active software token';
  throw new KinkoError(
    'transfer.same_day_not_allowed',
    `This payee is not registered in writing: ${why}.${nextPossible ? ` Schedule it for ${nextPossible} or later.` : ''}`,
    { reason, nextPossible, valueDate: f.valueDate },
  );
}
