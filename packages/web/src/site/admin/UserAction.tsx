import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { PinField } from '../../shared/PinField.tsx';
import type { CardPosition, UserView } from '../../shared/types.ts';
import { useAction } from '../../shared/useAction.ts';
import { adminApi } from './api.ts';
import { adminMessages } from './messages.ts';

export type ActionKind = 'unlock' | 'unregister' | 'card' | 'confirmpin' | 'edit' | 'delete';

interface Props {
  kind: ActionKind;
  /** Absent only for the shared token's 登録抹消. */
  user: UserView | undefined;
  onDone: (message: string) => void;
  onCard: (user: UserView, card: Record<CardPosition, string>) => void;
  onCancel: () => void;
}

const titles = {
  unlock: 'unlock',
  unregister: 'unregister',
  card: 'card',
  confirmpin: 'confirmPin',
  edit: 'edit',
  delete: 'delete',
} as const;

const results = {
  unlock: 'unlockDone',
  unregister: 'unregisterDone',
  confirmpin: 'confirmPinDone',
  edit: 'editDone',
  delete: 'deleteDone',
} as const;

/** One administrative act on one user, authorised by ご契約先確認暗証番号. Test ids: `<kind>-pin`, `<kind>-submit`. */
export function UserAction({ kind, user, onDone, onCard, onCancel }: Props) {
  const t = useT(adminMessages);
  const c = useT(common);
  const [pin, setPin] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [name, setName] = useState(user?.name ?? '');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const id = user?.id ?? '';
    const ok = await run(async () => {
      if (kind === 'card' && user) {
        const { card } = await adminApi.issueCard(id, pin);
        onCard(user, card);
        return true;
      }
      if (kind === 'unlock') await adminApi.unlock(id, pin);
      else if (kind === 'unregister') await adminApi.removeRegistration(pin, user?.id);
      else if (kind === 'confirmpin') await adminApi.setConfirmPin(id, confirmPin, pin);
      else if (kind === 'delete') await adminApi.remove(id, pin);
      else if (kind === 'edit') {
        await adminApi.update(id, {
          ...(name && name !== user?.name ? { name } : {}),
          ...(password ? { password } : {}),
          contractPin: pin,
        });
      }
      return true;
    });
    if (ok && kind !== 'card') onDone(t(results[kind], { name: user?.name ?? '' }));
  }

  const heading = `${t(titles[kind])}${user ? `（${user.name}）` : `（${t('sharedToken')}）`}`;
  return (
    <section className="panel action-panel" aria-labelledby="action-heading" data-testid={`${kind}-panel`}>
      <h2 id="action-heading">{heading}</h2>
      {kind === 'delete' && <p className="warning">{t('deleteWarning')}</p>}
      {kind === 'unregister' && <p className="warning">{t('unregisterWarning')}</p>}
      {kind === 'card' && <p>{t('cardIntro')}</p>}
      <ErrorBox error={error} />
      <form onSubmit={submit}>
        {kind === 'confirmpin' && (
          <Field
            label={t('newConfirmPin')}
            testId="confirmpin-value"
            type="password"
            autoComplete="off"
            required
            value={confirmPin}
            fold="code"
            onValue={setConfirmPin}
          />
        )}
        {kind === 'edit' && (
          <>
            <Field label={t('userName')} testId="edit-name" required value={name} onValue={setName} />
            <Field
              label={t('newPassword')}
              hint={t('newPasswordHint')}
              testId="edit-password"
              type="password"
              autoComplete="new-password"
              value={password}
              onValue={setPassword}
            />
          </>
        )}
        <p className="hint">{c('contractPinHelp')}</p>
        <PinField testId={`${kind}-pin`} value={pin} onValue={setPin} />
        <div className="actions">
          <button type="submit" className="primary" data-testid={`${kind}-submit`} disabled={busy}>
            {c('ok')}
          </button>
          <button type="button" className="secondary" data-testid={`${kind}-cancel`} onClick={onCancel}>
            {c('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
