import { type FormEvent, useState } from 'react';
import { clientError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { PinField } from '../../shared/PinField.tsx';
import { useAction } from '../../shared/useAction.ts';
import { adminApi, type UserList } from './api.ts';
import { ModeTable } from './ModeTable.tsx';
import { adminMessages } from './messages.ts';
import { RegisterUsers } from './RegisterUsers.tsx';

/** ワンタイムパスワード利用登録 (R2): serial + the OTP the token shows now + ご契約先確認暗証番号. */
export function Register({
  data,
  onDone,
  onCancel,
}: {
  data: UserList;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT(adminMessages);
  const c = useT(common);
  const shared = data.contract.usageMode === 'shared';
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [serial, setSerial] = useState('');
  const [otp, setOtp] = useState('');
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      if (!shared && selected.size === 0) throw clientError('register.no_user');
      return adminApi.registerToken({
        serial,
        otp,
        contractPin: pin,
        ...(shared ? {} : { userIds: [...selected] }),
      });
    });
    // The OTP's step is spent either way (T2); a retry needs the next one.
    setOtp('');
    if (ok) onDone(t('registerDone', { serial }));
  }

  return (
    <>
      <p className="breadcrumb">{t('breadcrumb')}</p>
      <h1>{t('registerHeading')}</h1>
      <p>{t('registerIntro')}</p>
      <ErrorBox error={error} />
      <form onSubmit={submit} className="panel">
        <p>
          <strong>{t('usageMode')}</strong>{' '}
          <span data-testid="register-mode">{shared ? t('modeShared') : t('modeIndividual')}</span>
        </p>
        <RegisterUsers users={data.users} shared={shared} selected={selected} onSelected={setSelected} />
        <h2>{t('tokenInfo')}</h2>
        <Field
          label={t('serial')}
          hint={t('serialHint')}
          testId="register-serial"
          className="mono"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={14}
          required
          value={serial}
          fold="code"
          onValue={(v) => setSerial(v.toUpperCase())}
        />
        <Field
          label={t('otp')}
          testId="register-otp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={otp}
          fold="digits"
          onValue={setOtp}
        />
        <p className="hint">{t('registerPinHelp')}</p>
        <PinField testId="register-pin" value={pin} onValue={setPin} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="register-submit" disabled={busy}>
            {c('ok')}
          </button>
          <button type="button" className="secondary" data-testid="register-cancel" onClick={onCancel}>
            {c('cancel')}
          </button>
        </div>
      </form>
      <ModeTable />
    </>
  );
}
