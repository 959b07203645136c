import { useState } from 'react';
import { Field } from '../shared/Field.tsx';
import { useT } from '../shared/i18n.ts';
import { LoginForm } from '../shared/LoginForm.tsx';
import type { Me } from '../shared/types.ts';
import { siteMessages } from './messages.ts';
import { login } from './session.ts';

/** A1: ご契約先ID + 利用者ID + ログインパスワード (ID・パスワード方式). */
export function Login({ onLogin, reason }: { onLogin: (me: Me) => void; reason: unknown }) {
  const t = useT(siteMessages);
  const [contractNumber, setContractNumber] = useState('');
  const [loginId, setLoginId] = useState('');
  return (
    <LoginForm
      idPrefix="login"
      heading={t('loginHeading')}
      intro={t('loginIntro')}
      passwordLabel={t('password')}
      submitLabel={t('loginSubmit')}
      reason={reason}
      login={(password) => login(contractNumber.trim(), loginId.trim(), password)}
      onLogin={onLogin}
    >
      <Field
        label={t('contractNumber')}
        hint={t('contractNumberHint')}
        testId="login-contract"
        inputMode="numeric"
        autoComplete="organization"
        maxLength={11}
        required
        value={contractNumber}
        fold="digits"
        onValue={setContractNumber}
      />
      <Field
        label={t('loginId')}
        testId="login-user"
        autoComplete="username"
        required
        value={loginId}
        onValue={setLoginId}
      />
    </LoginForm>
  );
}
