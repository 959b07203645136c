import { common, useT } from '../shared/i18n.ts';
import { LangToggle } from '../shared/LangToggle.tsx';
import type { Me } from '../shared/types.ts';
import { siteMessages } from './messages.ts';

export function Header({ me, onLogout }: { me: Me | null; onLogout: () => void }) {
  const t = useT(siteMessages);
  const c = useT(common);
  return (
    <header className="site-header">
      <div className="brand">
        <span className="brand-bank">{t('bankName')}</span>
        <span className="brand-service">{t('serviceName')}</span>
      </div>
      <div className="header-tools">
        {me && (
          <span className="who" data-testid="header-user">
            {t('honorific', { name: me.user.name })}
          </span>
        )}
        <LangToggle />
        {me && (
          <button type="button" className="secondary" data-testid="logout" onClick={onLogout}>
            {c('logout')}
          </button>
        )}
      </div>
    </header>
  );
}
