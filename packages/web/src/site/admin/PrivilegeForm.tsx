import { PRIVILEGES, type Privilege, type UserLimitsView } from '@kinko/core/shared';
import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { FormActions } from '../../shared/FormActions.tsx';
import { useT } from '../../shared/i18n.ts';
import { PinField } from '../../shared/PinField.tsx';
import { useAction } from '../../shared/useAction.ts';
import { settingsApi } from './api.ts';
import { LimitFields, type LimitInput, limitInputOf, limitsOf } from './LimitFields.tsx';
import { settingsMessages } from './settingsMessages.ts';

/** One user's 利用権限 and 利用者限度額 (M5), changed together under the contract PIN. */
export function PrivilegeForm({
  user,
  onDone,
  onCancel,
}: {
  user: UserLimitsView;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT(settingsMessages);
  const [chosen, setChosen] = useState<Privilege[]>(user.privileges);
  const [noLimits, setNoLimits] = useState(user.limits === null);
  const [limits, setLimits] = useState<LimitInput>(limitInputOf(user.limits));
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();

  function toggle(p: Privilege, on: boolean) {
    setChosen((prev) =>
      on ? PRIVILEGES.filter((q) => q === p || prev.includes(q)) : prev.filter((q) => q !== p),
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      await settingsApi.setPrivileges(user.userId, chosen, pin);
      const changed = noLimits ? user.limits !== null : true;
      if (changed) {
        await settingsApi.setLimits({
          contractPin: pin,
          users: [{ userId: user.userId, limits: noLimits ? null : limitsOf(limits) }],
        });
      }
      return true;
    });
    setPin('');
    if (ok) await onDone();
  }

  return (
    <section
      className="panel action-panel"
      data-testid="privileges-panel"
      aria-labelledby="privileges-form-heading"
    >
      <h1 id="privileges-form-heading">
        {t('privilegesHeading')}：{user.name}（{user.loginId}）
      </h1>
      <ErrorBox error={error} />
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('privilegesCol')}</legend>
          {PRIVILEGES.map((p) => (
            <label key={p} className="choice">
              <input
                type="checkbox"
                data-testid={`privilege-${p}`}
                checked={chosen.includes(p)}
                onChange={(e) => toggle(p, e.target.checked)}
              />{' '}
              {t(`p_${p}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('userLimits')}</legend>
          <label className="choice">
            <input
              type="checkbox"
              data-testid="user-limits-none"
              checked={noLimits}
              onChange={(e) => setNoLimits(e.target.checked)}
            />{' '}
            {t('userLimitsNone')}
          </label>
          {!noLimits && <LimitFields prefix="user-limits" value={limits} onValue={setLimits} />}
        </fieldset>
        <PinField testId="privileges-pin" value={pin} onValue={setPin} />
        <FormActions
          busy={busy}
          submitTestId="privileges-submit"
          submitLabel={t('save')}
          cancel={{ testId: 'privileges-cancel', label: t('cancel'), onCancel }}
        />
      </form>
    </section>
  );
}
