import { useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { useT } from '../shared/i18n.ts';
import { useAction } from '../shared/useAction.ts';
import { type StoredToken, tokenStore } from './db.ts';
import { tokenMessages } from './messages.ts';
import { activate } from './provisioning.ts';

/** First visit: explain, then トークンを発行する (T5). */
export function Activate({ onActivated }: { onActivated: (token: StoredToken) => void }) {
  const t = useT(tokenMessages);
  const { busy, error, run } = useAction();
  const [started, setStarted] = useState(false);

  async function issue() {
    setStarted(true);
    const token = await run(async () => {
      const fresh = await activate();
      await tokenStore.put(fresh);
      return fresh;
    });
    if (token) onActivated(token);
  }

  return (
    <section className="activate" aria-labelledby="activate-heading">
      <h1 id="activate-heading">{t('activateHeading')}</h1>
      <p>{t('activateIntro')}</p>
      <ol className="steps">
        <li>{t('step1')}</li>
        <li>{t('step2')}</li>
        <li>{t('step3')}</li>
        <li>{t('step4')}</li>
      </ol>
      <p className="fine">{t('activateSecurity')}</p>
      <ErrorBox error={error} />
      <button type="button" className="primary big" data-testid="activate" disabled={busy} onClick={issue}>
        {busy ? t('activating') : t('activate')}
      </button>
      {started && busy && (
        <p className="fine" role="status">
          {t('activating')}
        </p>
      )}
    </section>
  );
}
