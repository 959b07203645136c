import { useT } from '../../shared/i18n.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { siteMessages } from '../messages.ts';
import { adminApi } from './api.ts';

/**
 * A2 (issue 9 item 4): the administrator's home says which of the contract's users are 利用中止
 * and leads to 利用者情報登録／変更, where 利用中止解除 is; nothing when none is.
 */
export function SuspendedUsers({ go }: { go: (route: string) => void }) {
  const t = useT(siteMessages);
  const list = useLoad(adminApi.list);
  const suspended = (list.data?.users ?? []).filter((u) => u.suspended && u.role !== 'admin');
  if (suspended.length === 0) return null;
  return (
    <section className="suspension" aria-labelledby="suspended-users-heading" data-testid="suspended-users">
      <h2 id="suspended-users-heading">{t('suspendedUsersHeading')}</h2>
      <p>{t('suspendedUsersText')}</p>
      <ul>
        {suspended.map((u) => (
          <li key={u.id} data-testid={`suspended-user-${u.loginId}`}>
            {u.name}（{u.loginId}）
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        data-testid="suspended-users-open"
        onClick={() => go('users')}
      >
        {t('menuUsers')}
      </button>
    </section>
  );
}
