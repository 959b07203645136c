import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorBox } from './ErrorBox.tsx';
import { Field } from './Field.tsx';
import { useAction } from './useAction.ts';

interface LoginFormProps<T> {
  /** Prefix of the heading id and of the password and submit test ids (`login`, `bank-login`). */
  idPrefix: string;
  heading: string;
  intro?: string;
  passwordLabel: string;
  submitLabel: string;
  /** Why the user is here: an expired session, say; shown until an attempt of their own fails. */
  reason: unknown;
  /** The fields that say who is logging in; the password field follows them. */
  children: ReactNode;
  login: (password: string) => Promise<T>;
  onLogin: (result: T) => void;
}

/** The login panel of the customer site (A1) and of the back office (B1): who, then password. */
export function LoginForm<T>({
  idPrefix,
  heading,
  intro,
  passwordLabel,
  submitLabel,
  reason,
  children,
  login,
  onLogin,
}: LoginFormProps<T>) {
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await run(() => login(password));
    if (result) onLogin(result);
  }

  return (
    <section className="panel narrow" aria-labelledby={`${idPrefix}-heading`}>
      <h1 id={`${idPrefix}-heading`}>{heading}</h1>
      {intro && <p>{intro}</p>}
      <ErrorBox error={error ?? reason} />
      <form onSubmit={submit}>
        {children}
        <Field
          label={passwordLabel}
          testId={`${idPrefix}-password`}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <div className="actions">
          <button type="submit" className="primary" data-testid={`${idPrefix}-submit`} disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
