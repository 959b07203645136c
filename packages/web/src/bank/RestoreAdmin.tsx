import { type FormEvent, useState } from 'react';
import { clientError } from '../shared/api.ts';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { useT } from '../shared/i18n.ts';
import { Notice } from '../shared/Notice.tsx';
import { useAction } from '../shared/useAction.ts';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

/** 管理者復旧 (A3): a new password and/or a new contract PIN; clears every lockout. Audited. */
export function RestoreAdmin({ contractNumber, onDone }: { contractNumber: string; onDone: () => void }) {
  const t = useT(bankMessages);
  const [newPassword, setNewPassword] = useState('');
  const [newContractPin, setNewContractPin] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const ok = await run(async () => {
      if (!newPassword && !newContractPin) throw clientError('restore.empty');
      return bankApi.restoreAdmin(contractNumber, {
        ...(newPassword ? { newPassword } : {}),
        ...(newContractPin ? { newContractPin } : {}),
      });
    });
    if (ok) {
      setDone(true);
      setNewPassword('');
      setNewContractPin('');
      onDone();
    }
  }

  return (
    <section className="panel" aria-labelledby="restore-heading" data-testid="restore-panel">
      <h2 id="restore-heading">{t('restoreHeading')}</h2>
      <p className="hint">{t('restoreIntro')}</p>
      <ErrorBox error={error} />
      <Notice text={done ? t('restoreDone') : null} testId="restore-result" />
      <form onSubmit={submit}>
        <Field
          label={t('newAdminPassword')}
          testId="restore-password"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onValue={setNewPassword}
        />
        <Field
          label={t('newContractPin')}
          testId="restore-pin"
          type="password"
          autoComplete="off"
          value={newContractPin}
          fold="code"
          onValue={setNewContractPin}
        />
        <div className="actions">
          <button type="submit" className="primary" data-testid="restore-submit" disabled={busy}>
            {t('restoreSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
