import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { useT } from '../shared/i18n.ts';
import { useAction } from '../shared/useAction.ts';
import { bankApi, type Operator } from './bankApi.ts';
import { bankMessages } from './messages.ts';

export function Login({ onLogin, reason }: { onLogin: (op: Operator) => void; reason: unknown }) {
  const t = useT(bankMessages);
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const op = await run(() => bankApi.login(loginId.trim(), password));
    if (op) onLogin(op);
  }

  return (
    <section className="panel narrow" aria-labelledby="bank-login-heading">
      <h1 id="bank-login-heading">{t('loginHeading')}</h1>
      <ErrorBox error={error ?? reason} />
      <form onSubmit={submit}>
        <Field
          label={t('operatorId')}
          testId="bank-login-id"
          autoComplete="username"
          required
          value={loginId}
          onValue={setLoginId}
        />
        <Field
          label={t('password')}
          testId="bank-login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <div className="actions">
          <button type="submit" className="primary" data-testid="bank-login-submit" disabled={busy}>
            {t('loginSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
