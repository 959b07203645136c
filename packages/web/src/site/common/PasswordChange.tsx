import { type FormEvent, useState } from 'react';
import { api, clientError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { FormActions } from '../../shared/FormActions.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { siteMessages } from '../messages.ts';

/** ログインパスワード変更 (POST /api/v1/me/password). */
export function PasswordChange() {
  const t = useT(siteMessages);
  const c = useT(common);
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const ok = await run(async () => {
      if (next !== again) throw clientError('password.mismatch');
      await api.post('/api/v1/me/password', { currentPassword: current, newPassword: next });
      return true;
    });
    if (ok) {
      setDone(true);
      setOpen(false);
      setCurrent('');
      setNext('');
      setAgain('');
    }
  }

  return (
    <section className="panel" aria-labelledby="password-heading" data-testid="password">
      <h2 id="password-heading">{t('passwordHeading')}</h2>
      <Notice text={done ? t('passwordChanged') : null} />
      {!open ? (
        <button type="button" className="secondary" data-testid="password-open" onClick={() => setOpen(true)}>
          {t('passwordOpen')}
        </button>
      ) : (
        <form onSubmit={submit}>
          <ErrorBox error={error} />
          <Field
            label={t('passwordCurrent')}
            testId="password-current"
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onValue={setCurrent}
          />
          <Field
            label={t('passwordNew')}
            testId="password-new"
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onValue={setNext}
          />
          <Field
            label={t('passwordAgain')}
            testId="password-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onValue={setAgain}
          />
          <FormActions
            busy={busy}
            submitTestId="password-submit"
            submitLabel={c('ok')}
            cancel={{ testId: 'password-cancel', label: c('cancel'), onCancel: () => setOpen(false) }}
          />
        </form>
      )}
    </section>
  );
}
