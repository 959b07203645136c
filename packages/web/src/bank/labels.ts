import type { Translate } from '../shared/i18n.ts';
import type { ContractView, TokenStatus, UserView } from '../shared/types.ts';
import type { bankMessages } from './messages.ts';

type T = Translate<keyof (typeof bankMessages)['ja'] & string>;

export const loginMethodLabel = (t: T, m: ContractView['loginMethod']) =>
  m === 'certificate' ? t('methodCertificate') : t('methodIdPassword');

export const usageModeLabel = (t: T, m: ContractView['usageMode']) =>
  m === 'shared' ? t('modeShared') : t('modeIndividual');

export function tokenStatusLabel(t: T, s: TokenStatus | null): string {
  if (s === 'activated') return t('tokenActivated');
  if (s === 'registered') return t('tokenRegistered');
  if (s === 'revoked') return t('tokenRevoked');
  if (s === 'expired') return t('tokenExpired');
  return '-';
}

export function userStateLabel(t: T, u: UserView): string {
  const states: string[] = [];
  if (u.suspended) states.push(t('stateSuspended'));
  if (u.loginLocked) states.push(t('stateLoginLocked'));
  return states.length > 0 ? states.join('・') : t('stateActive');
}
