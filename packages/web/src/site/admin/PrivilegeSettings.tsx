import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { FormActions } from '../../shared/FormActions.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { LoadedScreen } from '../../shared/LoadedScreen.tsx';
import { PinField } from '../../shared/PinField.tsx';
import { useAction } from '../../shared/useAction.ts';
import { LimitFacts, LimitFields, type LimitInput, limitInputOf, limitsOf } from './LimitFields.tsx';
import {
  type LimitsView,
  type Privilege,
  privileges,
  settingsApi,
  type UserLimitsView,
} from './settingsApi.ts';
import { settingsMessages } from './settingsMessages.ts';

/** 利用者権限設定 (M5): each user's privileges (振込・振替, 照会, 承認 …) and limits; the contract PIN. */
export function PrivilegeSettings({ go }: { go: (route: string) => void }) {
  const t = useT(settingsMessages);
  const c = useT(common);
  const [data, setData] = useState<LimitsView | null>(null);
  const [editing, setEditing] = useState<UserLimitsView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  const load = useCallback(async () => {
    try {
      setData(await settingsApi.limits());
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (editing) {
    return (
      <PrivilegeForm
        user={editing}
        onCancel={() => setEditing(null)}
        onDone={async () => {
          await load();
          setEditing(null);
          setNotice(t('saved'));
        }}
      />
    );
  }

  return (
    <LoadedScreen
      testId="privileges-screen"
      headingId="privileges-heading"
      heading={t('privilegesHeading')}
      intro={t('privilegesIntro')}
      error={loadError}
      notice={notice}
      data={data}
      backLabel={t('backHome')}
      onBack={() => go('')}
    >
      {(data) => (
        <div className="table-wrap">
          <table className="grid" data-testid="privileges-table">
            <thead>
              <tr>
                <th scope="col">{t('user')}</th>
                <th scope="col">{t('privilegesCol')}</th>
                <th scope="col">{t('limitsCol')}</th>
                <th scope="col">{t('operations')}</th>
              </tr>
            </thead>
            <tbody>
              {data.users.map((u) => (
                <tr key={u.userId} data-testid={`privileges-row-${u.loginId}`}>
                  <th scope="row">
                    {u.name} <span className="mono">({u.loginId})</span>
                  </th>
                  <td data-testid={`privileges-of-${u.loginId}`} data-privileges={u.privileges.join(' ')}>
                    {u.privileges.map((p) => t(`p_${p}`)).join('・') || c('none')}
                  </td>
                  <td>
                    <LimitFacts prefix={`user-limit-${u.loginId}`} limits={u.limits} />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      data-testid={`privileges-edit-${u.loginId}`}
                      onClick={() => {
                        setNotice(null);
                        setEditing(u);
                      }}
                    >
                      {t('edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </LoadedScreen>
  );
}

function PrivilegeForm({
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
      on ? privileges.filter((q) => q === p || prev.includes(q)) : prev.filter((q) => q !== p),
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
          {privileges.map((p) => (
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
