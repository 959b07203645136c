import { useEffect, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { common, useT, useTitle } from '../shared/i18n.ts';
import { LangToggle } from '../shared/LangToggle.tsx';
import { Activate } from './Activate.tsx';
import { type StoredToken, tokenStore } from './db.ts';
import { tokenMessages } from './messages.ts';
import { TokenScreen } from './TokenScreen.tsx';

/** The software token (ソフトウェアトークン) as an installable web app. */
export function App() {
  const t = useT(tokenMessages);
  const c = useT(common);
  useTitle(t('title'));
  // undefined: still reading IndexedDB.
  const [token, setToken] = useState<StoredToken | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    tokenStore.get().then(setToken, (e) => {
      setError(e);
      setToken(null);
    });
  }, []);

  return (
    <div className="app">
      <header className="token-header">
        <span className="app-name">{t('appName')}</span>
        <LangToggle />
      </header>
      <main id="main">
        <ErrorBox error={error} />
        {token === undefined && <p className="fine">{c('loading')}</p>}
        {token === null && <Activate onActivated={setToken} />}
        {token && <TokenScreen token={token} onDeleted={() => setToken(null)} />}
      </main>
    </div>
  );
}
