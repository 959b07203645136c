import { useState } from 'react';
import { useT } from '../../shared/i18n.ts';
import { siteMessages } from '../messages.ts';
import { settingsMessages } from './settingsMessages.ts';

/** R1, M5, M5a: ご契約先管理情報変更 → 利用者情報登録／変更, ご契約先限度額変更, 利用者権限設定, 承認設定. */
export function AdminMenu({ go }: { go: (route: string) => void }) {
  const t = useT(siteMessages);
  const s = useT(settingsMessages);
  const [open, setOpen] = useState(false);
  const items: [testId: string, route: string, label: string][] = [
    ['menu-users', 'users', t('menuUsers')],
    ['menu-limits', 'admin/limits', s('menuLimits')],
    ['menu-privileges', 'admin/privileges', s('menuPrivileges')],
    ['menu-approval', 'admin/approval', s('menuApproval')],
  ];
  return (
    <nav className="panel" aria-labelledby="admin-heading">
      <h2 id="admin-heading">{t('adminHeading')}</h2>
      <button
        type="button"
        className="menu-button"
        data-testid="admin-menu"
        aria-expanded={open}
        aria-controls="admin-submenu"
        onClick={() => setOpen(!open)}
      >
        {t('menuContract')}
      </button>
      {open && (
        <ul id="admin-submenu" className="submenu">
          {items.map(([testId, route, label]) => (
            <li key={testId}>
              <button type="button" className="link" data-testid={testId} onClick={() => go(route)}>
                {label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
