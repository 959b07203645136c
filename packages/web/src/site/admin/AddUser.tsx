import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { FormActions } from '../../shared/FormActions.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { PinField } from '../../shared/PinField.tsx';
import { useAction } from '../../shared/useAction.ts';
import { adminApi } from './api.ts';
import { adminMessages } from './messages.ts';

/** 利用者追加. In shared mode the new user gets the contract's token at once (R3). */
export function AddUser({ onDone, onCancel }: { onDone: (message: string) => void; onCancel: () => void }) {
  const t = useT(adminMessages);
  const c = useT(common);
  const [loginId, setLoginId] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const user = await run(() =>
      adminApi.create({ loginId: loginId.trim(), name: name.trim(), password, contractPin: pin }),
    );
    if (user) onDone(t('addDone', { name: user.name }));
  }

  return (
    <section className="panel action-panel" aria-labelledby="add-heading" data-testid="add-panel">
      <h2 id="add-heading">{t('addButton')}</h2>
      <ErrorBox error={error} />
      <form onSubmit={submit}>
        <Field
          label={t('loginId')}
          testId="add-loginid"
          autoComplete="off"
          required
          value={loginId}
          onValue={setLoginId}
        />
        <Field
          label={t('userName')}
          testId="add-name"
          autoComplete="off"
          required
          value={name}
          onValue={setName}
        />
        <Field
          label={t('initialPassword')}
          testId="add-password"
          type="password"
          autoComplete="new-password"
          required
          value={password}
          onValue={setPassword}
        />
        <p className="hint">{c('contractPinHelp')}</p>
        <PinField testId="add-pin" value={pin} onValue={setPin} />
        <FormActions
          busy={busy}
          submitTestId="add-submit"
          submitLabel={c('ok')}
          cancel={{ testId: 'add-cancel', label: c('cancel'), onCancel }}
        />
      </form>
    </section>
  );
}
