import { useT } from '../../shared/i18n.ts';
import { inquiryMessages } from './messages.ts';

/** 照会 (M9), for every user: 残高照会 (#/accounts) and 入出金明細照会 (#/statement). */
export function InquiryMenu({ go }: { go: (route: string) => void }) {
  const t = useT(inquiryMessages);
  return (
    <nav className="panel" aria-labelledby="inquiry-heading" data-testid="inquiry-menu">
      <h2 id="inquiry-heading">{t('menuHeading')}</h2>
      <ul className="menu-list">
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-balance"
            onClick={() => go('accounts')}
          >
            {t('menuBalance')}
          </button>
          <small className="hint">{t('menuBalanceHint')}</small>
        </li>
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-statement"
            onClick={() => go('statement')}
          >
            {t('menuStatement')}
          </button>
          <small className="hint">{t('menuStatementHint')}</small>
        </li>
      </ul>
    </nav>
  );
}
