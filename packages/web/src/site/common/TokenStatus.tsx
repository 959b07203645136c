import { useT } from '../../shared/i18n.ts';
import type { UserView } from '../../shared/types.ts';
import { siteMessages } from '../messages.ts';

/** The user's own token: シリアル番号 and 利用中 / 未登録 (R5), and 利用中止 if so (A2). */
export function TokenStatus({ user }: { user: UserView }) {
  const t = useT(siteMessages);
  return (
    <section className="panel" aria-labelledby="token-heading">
      <h2 id="token-heading">{t('tokenHeading')}</h2>
      <dl className="facts">
        <dt>{t('serial')}</dt>
        <dd className="mono" data-testid="me-serial">
          {user.serial ?? '-'}
        </dd>
        <dt>{t('tokenState')}</dt>
        <dd data-testid="me-token-state">{user.tokenActive ? t('tokenInUse') : t('tokenNotRegistered')}</dd>
      </dl>
      {user.suspended && (
        <p className="warning" data-testid="me-suspended">
          {t('meSuspended')}
        </p>
      )}
      {!user.tokenActive && <p className="hint">{t('tokenHowTo')}</p>}
    </section>
  );
}
