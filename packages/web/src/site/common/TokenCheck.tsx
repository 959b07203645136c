import { type FormEvent, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { siteMessages } from '../messages.ts';
import { tokenCheckApi } from './tokenCheckApi.ts';

/**
 * トークン動作確認 (issue 9 item 5): opened by the user's own choice, with what it does said first;
 * the step-up of an operation is asked by the operation itself. Shown only with an active token.
 */
export function TokenCheck({ onChanged }: { onChanged: () => void }) {
  const t = useT(siteMessages);
  const c = useT(common);
  const [open, setOpen] = useState(false);
  const [otp, setOtp] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const result = await run(async () => {
      try {
        return await tokenCheckApi.check(otp);
      } catch (e) {
        // A2: the user is now 利用中止 (or the token changed): the home screen says so.
        if (e instanceof ApiError && (e.code === 'otp.user_suspended' || e.code === 'otp.token_not_active')) {
          onChanged();
        }
        throw e;
      }
    });
    setOtp('');
    if (result) setDone(true);
  }

  function close() {
    setOpen(false);
    setOtp('');
    setDone(false);
    setError(null);
  }

  return (
    <div className="token-check" data-testid="token-check">
      <h3>{t('tokenCheckHeading')}</h3>
      <p>{t('tokenCheckIntro')}</p>
      <p className="hint">{t('tokenCheckCaution')}</p>
      {!open ? (
        <button
          type="button"
          className="secondary"
          data-testid="token-check-open"
          onClick={() => setOpen(true)}
        >
          {t('tokenCheckOpen')}
        </button>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={error} />
          <Notice text={done ? t('tokenCheckDone') : null} testId="token-check-result" />
          <Field
            label={t('otp')}
            testId="token-check-otp"
            className="otp-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={otp}
            fold="digits"
            onValue={setOtp}
          />
          <div className="actions">
            <button type="submit" className="primary" data-testid="token-check-submit" disabled={busy}>
              {t('tokenCheckSubmit')}
            </button>
            <button type="button" className="secondary" data-testid="token-check-close" onClick={close}>
              {c('close')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
