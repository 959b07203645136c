import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { useT } from '../shared/i18n.ts';
import type { Me } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { siteMessages } from './messages.ts';
import { login } from './session.ts';

/** A1: ご契約先ID + 利用者ID + ログインパスワード (ID・パスワード方式). */
export function Login({ onLogin, reason }: { onLogin: (me: Me) => void; reason: unknown }) {
  const t = useT(siteMessages);
  const [contractNumber, setContractNumber] = useState('');
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const me = await run(() => login(contractNumber.trim(), loginId.trim(), password));
    if (me) onLogin(me);
  }

  return (
    <section className="panel narrow" aria-labelledby="login-heading">
      <h1 id="login-heading">{t('loginHeading')}</h1>
      <p>{t('loginIntro')}</p>
      <ErrorBox error={error ?? reason} />
      <form onSubmit={submit}>
        <Field
          label={t('contractNumber')}
          hint={t('contractNumberHint')}
          testId="login-contract"
          inputMode="numeric"
          autoComplete="organization"
          maxLength={11}
          required
          value={contractNumber}
          onValue={(v) => setContractNumber(v.replace(/\D/g, ''))}
        />
        <Field
          label={t('loginId')}
          testId="login-user"
          autoComplete="username"
          required
          value={loginId}
          onValue={setLoginId}
        />
        <Field
          label={t('password')}
          testId="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <div className="actions">
          <button type="submit" className="primary" data-testid="login-submit" disabled={busy}>
            {t('loginSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
