import type { PayeeView } from '@kinko/core/shared';
import { type FormEvent, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../shared/api.ts';
import { Field } from '../../shared/Field.tsx';
import { useT } from '../../shared/i18n.ts';
import { emptyPayeeAccount, type PayeeAccount } from '../../shared/PayeeAccountFields.tsx';
import { payeeApi } from './api.ts';
import { savedPayeeMessages } from './messages.ts';
import { TypedPayeeFields } from './TypedPayeeFields.tsx';

const emptyForm = { ...emptyPayeeAccount, nickname: '' };

/**
 * 登録振込先の追加: typed fields and a nickname. One Idempotency-Key per addition, reused while
 * the same addition is retried and renewed when the form changes (M3).
 */
export function AddPayeeForm({
  busy,
  run,
  onStart,
  onSaved,
}: {
  busy: boolean;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  onStart: () => void;
  onSaved: (saved: PayeeView) => Promise<void>;
}) {
  const t = useT(savedPayeeMessages);
  const [form, setForm] = useState<PayeeAccount & { nickname: string }>(emptyForm);
  const key = useRef<string | null>(null);

  async function add(e: FormEvent) {
    e.preventDefault();
    onStart();
    key.current ??= newIdempotencyKey();
    const k = key.current;
    const saved = await run(() =>
      payeeApi.save({ ...form, name: form.name.trim(), nickname: form.nickname.trim() || null }, k),
    );
    if (saved) {
      key.current = null;
      setForm(emptyForm);
      await onSaved(saved);
    }
  }

  return (
    <form className="panel" onSubmit={add} data-testid="add-payee-form">
      <h2>{t('addHeading')}</h2>
      <TypedPayeeFields
        typed={form}
        onTyped={(v) => {
          key.current = null; // a changed form is a new addition
          setForm({ ...form, ...v });
        }}
        testIdPrefix="add-payee"
      />
      <Field
        label={t('nickname')}
        hint={t('nicknameHint')}
        testId="add-payee-nickname"
        maxLength={40}
        value={form.nickname}
        onValue={(v) => {
          key.current = null;
          setForm({ ...form, nickname: v });
        }}
      />
      <div className="actions">
        <button type="submit" className="primary" data-testid="add-payee-submit" disabled={busy}>
          {t('addSubmit')}
        </button>
      </div>
    </form>
  );
}
