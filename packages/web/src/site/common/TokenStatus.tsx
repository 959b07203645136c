import { useT } from '../../shared/i18n.ts';
import type { UserView } from '../../shared/types.ts';
import { siteMessages } from '../messages.ts';
import { TokenCheck } from './TokenCheck.tsx';

/**
 * The user's own token: シリアル番号 and 利用状況 (利用中 / 未登録, R5; 利用中止, A2, explained once
 * by SuspensionNotice), and トークン動作確認 for an active token the user may use.
 */
export function TokenStatus({ user, onChanged }: { user: UserView; onChanged: () => void }) {
  const t = useT(siteMessages);
  const state = user.suspended ? 'suspended' : user.tokenActive ? 'active' : 'unregistered';
  return (
    <section className="panel" aria-labelledby="token-heading">
      <h2 id="token-heading">{t('tokenHeading')}</h2>
      <dl className="facts">
        <dt>{t('serial')}</dt>
        <dd className="mono" data-testid="me-serial">
          {user.serial ?? '-'}
        </dd>
        <dt>{t('tokenState')}</dt>
        <dd data-testid="me-token-state" data-state={state} className={`token-state-${state}`}>
          {state === 'suspended'
            ? t('tokenSuspended')
            : state === 'active'
              ? t('tokenInUse')
              : t('tokenNotRegistered')}
        </dd>
      </dl>
      {!user.tokenActive && !user.suspended && <p className="hint">{t('tokenHowTo')}</p>}
      {state === 'active' && <TokenCheck onChanged={onChanged} />}
    </section>
  );
}
