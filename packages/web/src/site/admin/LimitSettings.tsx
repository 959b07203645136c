import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { PinField } from '../../shared/PinField.tsx';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { settingsApi } from './api.ts';
import { LimitFacts, LimitFields, type LimitInput, limitInputOf, limitsOf } from './LimitFields.tsx';
import { settingsMessages } from './settingsMessages.ts';

/** ご契約先限度額変更 (M5): the contract's limits within the bank's ceiling, with the contract PIN. */
export function LimitSettings({ go }: { go: (route: string) => void }) {
  const t = useT(settingsMessages);
  const c = useT(common);
  const [input, setInput] = useState<LimitInput>(limitInputOf(null));
  const [pin, setPin] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error: actionError, run } = useAction();
  const limits = useLoad(async () => {
    const v = await settingsApi.limits();
    setInput(limitInputOf(v.contract ?? v.bank));
    return v;
  });
  const { data } = limits;
  const error = actionError ?? limits.error;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const v = await run(() => settingsApi.setLimits({ contractPin: pin, contract: limitsOf(input) }));
    setPin('');
    if (v) {
      await limits.reload();
      setNotice(t('saved'));
    }
  }

  return (
    <section className="panel" data-testid="limits-screen" aria-labelledby="limits-heading">
      <h1 id="limits-heading">{t('limitsHeading')}</h1>
      <p>{t('limitsIntro')}</p>
      <ErrorBox error={error} />
      <Notice text={notice} />
      {!data ? (
        !error && <p className="loading">{c('loading')}</p>
      ) : (
        <>
          <h2>{t('bankCeiling')}</h2>
          <LimitFacts prefix="bank-limit" limits={data.bank} />
          <h2>{t('contractLimits')}</h2>
          <LimitFacts prefix="contract-limit" limits={data.contract} />
          <form onSubmit={submit} data-testid="limits-form">
            <LimitFields prefix="limits" value={input} onValue={setInput} />
            <PinField testId="limits-pin" value={pin} onValue={setPin} />
            <div className="actions">
              <button type="submit" className="primary" data-testid="limits-submit" disabled={busy}>
                {t('save')}
              </button>
            </div>
          </form>
        </>
      )}
      <div className="actions">
        <button type="button" data-testid="back-home" onClick={() => go('')}>
          {t('backHome')}
        </button>
      </div>
    </section>
  );
}
