import { useState } from 'react';
import { Field } from '../shared/Field.tsx';
import { useT } from '../shared/i18n.ts';
import { LoginForm } from '../shared/LoginForm.tsx';
import { bankApi, type Operator } from './bankApi.ts';
import { bankMessages } from './messages.ts';

/** B1: bank operators log in to their own realm with their operator ID and password. */
export function Login({ onLogin, reason }: { onLogin: (op: Operator) => void; reason: unknown }) {
  const t = useT(bankMessages);
  const [loginId, setLoginId] = useState('');
  return (
    <LoginForm
      idPrefix="bank-login"
      heading={t('loginHeading')}
      passwordLabel={t('password')}
      submitLabel={t('loginSubmit')}
      reason={reason}
      login={(password) => bankApi.login(loginId.trim(), password)}
      onLogin={onLogin}
    >
      <Field
        label={t('operatorId')}
        testId="bank-login-id"
        autoComplete="username"
        required
        value={loginId}
        onValue={setLoginId}
      />
    </LoginForm>
  );
}
