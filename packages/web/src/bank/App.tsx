import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { setCsrfToken, setSessionLostHandler } from '../shared/api.ts';
import { common, useT, useTitle } from '../shared/i18n.ts';
import { LangToggle } from '../shared/LangToggle.tsx';
import { LastLogin } from '../shared/LastLogin.tsx';
import { useHashRoute } from '../shared/useHashRoute.ts';
import { Audit } from './Audit.tsx';
import { bankApi, type Operator } from './bankApi.ts';
import { ContractDetail } from './ContractDetail.tsx';
import { Contracts } from './Contracts.tsx';
import { Login } from './Login.tsx';
import { bankMessages } from './messages.ts';
import { OpenAccount } from './OpenAccount.tsx';
import { OpenContract } from './OpenContract.tsx';
import { RevokeToken } from './RevokeToken.tsx';
import { WrittenPayees } from './WrittenPayees.tsx';

const tabs = [
  ['contracts', 'navContracts'],
  ['open', 'navOpen'],
  ['accounts', 'navAccounts'],
  ['payees', 'navPayees'],
  ['revoke', 'navRevoke'],
  ['audit', 'navAudit'],
] as const;

/** 業務管理 (back office, B1): its own login realm, separate from the customers'. */
export function App() {
  const t = useT(bankMessages);
  const c = useT(common);
  useTitle(t('title'));
  const [operator, setOperator] = useState<Operator | null | undefined>(undefined);
  const [lostReason, setLostReason] = useState<unknown>(null);
  const [route, go] = useHashRoute();

  useEffect(() => {
    setSessionLostHandler((error) => {
      setCsrfToken(null);
      setOperator(null);
      setLostReason(error);
    });
    void bankApi.resume().then(setOperator);
    return () => setSessionLostHandler(null);
  }, []);

  const logout = useCallback(async () => {
    try {
      await bankApi.logout();
    } catch {
      // Gone either way.
    }
    setOperator(null);
    go('');
  }, [go]);

  const section = route.split('/')[0] || 'contracts';
  let body: ReactNode;
  if (operator === undefined) body = <p className="loading">{c('loading')}</p>;
  else if (operator === null) {
    body = (
      <Login
        reason={lostReason}
        onLogin={(op) => {
          setLostReason(null);
          setOperator(op);
        }}
      />
    );
  } else if (section === 'contract')
    body = <ContractDetail number={route.slice('contract/'.length)} go={go} />;
  else if (section === 'open') body = <OpenContract go={go} />;
  else if (section === 'accounts') {
    const contractNumber = route.slice('accounts/'.length);
    body = <OpenAccount key={contractNumber} contractNumber={contractNumber} />;
  } else if (section === 'payees') {
    const contractNumber = route.slice('payees/'.length);
    body = <WrittenPayees key={contractNumber} contractNumber={contractNumber} go={go} />;
  } else if (section === 'revoke') body = <RevokeToken />;
  else if (section === 'audit') body = <Audit />;
  else body = <Contracts go={go} />;

  return (
    <>
      <header className="bank-header">
        <div className="brand">
          <strong>{t('brand')}</strong> <span>{t('title')}</span>
        </div>
        <div className="header-tools">
          {operator && <span data-testid="operator-name">{operator.name}</span>}
          <LangToggle />
          {operator && (
            <button type="button" className="secondary" data-testid="logout" onClick={logout}>
              {c('logout')}
            </button>
          )}
        </div>
      </header>
      {operator && (
        <nav className="tabs" aria-label={t('navLabel')}>
          {tabs.map(([key, label]) => (
            <button
              type="button"
              key={key}
              data-testid={`nav-${key}`}
              aria-current={
                section === key || (key === 'contracts' && section === 'contract') ? 'page' : undefined
              }
              onClick={() => go(key)}
            >
              {t(label)}
            </button>
          ))}
        </nav>
      )}
      <main id="main">
        {operator && section === 'contracts' && <LastLogin previousAt={operator.previousLoginAt} />}
        {body}
      </main>
    </>
  );
}
