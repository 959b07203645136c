import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, setCsrfToken, setSessionLostHandler } from '../shared/api.ts';
import { common, useT, useTitle } from '../shared/i18n.ts';
import type { Me } from '../shared/types.ts';
import { useHashRoute } from '../shared/useHashRoute.ts';
import { AdminArea } from './admin/AdminArea.tsx';
import { ApprovalSettingsForm } from './admin/ApprovalSettingsForm.tsx';
import { LimitSettings } from './admin/LimitSettings.tsx';
import { PrivilegeSettings } from './admin/PrivilegeSettings.tsx';
import { Approvals } from './approvals/Approvals.tsx';
import { ClosedScreen } from './ClosedScreen.tsx';
import { routeClosed, SuspensionNotice } from './common/Suspension.tsx';
import { Header } from './Header.tsx';
import { Home } from './Home.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { Balances } from './inquiry/Balances.tsx';
import { StatementScreen } from './inquiry/StatementScreen.tsx';
import { Login } from './Login.tsx';
import { siteMessages } from './messages.ts';
import { PayeeManagement } from './payees/PayeeManagement.tsx';
import { logout, resume } from './session.ts';
import { sessionClock } from './sessionClock.ts';
import './session.css';
import { transferMessages } from './transfers/messages.ts';
import { ScheduledTransfers } from './transfers/ScheduledTransfers.tsx';
import { TransferScreen } from './transfers/TransferScreen.tsx';

export function App() {
  const t = useT(siteMessages);
  const c = useT(common);
  const tr = useT(transferMessages);
  useTitle(t('title'));
  // undefined: still asking the server whether a session exists.
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [lostReason, setLostReason] = useState<unknown>(null);
  const [route, go] = useHashRoute();

  const ended = useCallback((reason: unknown) => {
    sessionClock.stopped();
    setCsrfToken(null);
    setMe(null);
    // The first reason stands: the idle end's logout may itself be answered 401.
    setLostReason((previous: unknown) => previous ?? reason);
  }, []);

  useEffect(() => {
    setSessionLostHandler(ended);
    void resume().then(setMe);
    return () => setSessionLostHandler(null);
  }, [ended]);

  const refresh = useCallback(async () => {
    try {
      const next = await resume(false);
      if (next) setMe(next);
    } catch {
      // A lost session is reported by the session-lost handler; anything else can wait.
    }
  }, []);

  // A2: each screen starts from the server's state, so that a suspension in a step-up (or the
  // administrator's 利用中止解除) shows on the next screen at once.
  const signedIn = me !== null && me !== undefined;
  const shownRoute = useRef(route);
  useEffect(() => {
    if (shownRoute.current === route) return;
    shownRoute.current = route;
    if (signedIn) void refresh();
  }, [route, signedIn, refresh]);

  // A4: the idle timeout has run out; the server's session ends with it (it has, or is about to).
  // logout() takes the CSRF token before ended() forgets it.
  const onIdleEnd = useCallback(() => {
    const out = logout().catch(() => undefined);
    ended(new ApiError(401, 'auth.session_expired', ''));
    void out;
  }, [ended]);

  const onLogin = useCallback(
    (next: Me) => {
      setLostReason(null);
      setMe(next);
      go('');
    },
    [go],
  );

  const onLogout = useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session is gone either way.
    }
    setMe(null);
    go('');
  }, [go]);

  let body: ReactNode;
  if (me === undefined) body = <p className="loading">{c('loading')}</p>;
  else if (me === null) body = <Login onLogin={onLogin} reason={lostReason} />;
  else if (me.user.role === 'admin' && route.startsWith('users')) {
    body = <AdminArea route={route} go={go} onChanged={refresh} />;
  } else if (me.user.role === 'admin' && route === 'admin/limits') body = <LimitSettings go={go} />;
  else if (me.user.role === 'admin' && route === 'admin/privileges') body = <PrivilegeSettings go={go} />;
  else if (me.user.role === 'admin' && route === 'admin/approval') body = <ApprovalSettingsForm go={go} />;
  else if (route === 'approvals') {
    body = (
      <>
        <SuspensionNotice user={me.user} compact />
        <Approvals myId={me.user.id} go={go} />
      </>
    );
  } else if (route === 'accounts') body = <Balances go={go} />;
  else if (route === 'transfer') {
    body = routeClosed(me.user, 'transfer') ? (
      <ClosedScreen user={me.user} heading={tr('menuTransfer')} go={go} />
    ) : (
      <TransferScreen go={go} />
    );
  } else if (route === 'transfers/scheduled') {
    body = (
      <>
        <SuspensionNotice user={me.user} compact />
        <ScheduledTransfers go={go} />
      </>
    );
  } else if (route === 'payees') body = <PayeeManagement go={go} />;
  else if (route === 'statement' || route.startsWith('statement/')) {
    body = <StatementScreen accountId={route.slice('statement/'.length)} go={go} />;
  } else body = <Home me={me} go={go} onChanged={refresh} />;

  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <Header me={me ?? null} onLogout={onLogout} />
      <main id="main">{body}</main>
      {signedIn && <IdleWarning onEnded={onIdleEnd} />}
      <footer className="site-footer">{t('footer')}</footer>
    </>
  );
}
