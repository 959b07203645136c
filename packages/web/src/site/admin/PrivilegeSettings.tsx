import type { UserLimitsView } from '@kinko/core/shared';
import { useState } from 'react';
import { common, useT } from '../../shared/i18n.ts';
import { LoadedScreen } from '../../shared/LoadedScreen.tsx';
import { StackedTable } from '../../shared/StackedTable.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { settingsApi } from './api.ts';
import { LimitFacts } from './LimitFields.tsx';
import { PrivilegeForm } from './PrivilegeForm.tsx';
import { settingsMessages } from './settingsMessages.ts';

/** 利用者権限設定 (M5): each user's privileges (振込・振替, 照会, 承認 …) and limits; the contract PIN. */
export function PrivilegeSettings({ go }: { go: (route: string) => void }) {
  const t = useT(settingsMessages);
  const c = useT(common);
  const limits = useLoad(settingsApi.limits);
  const [editing, setEditing] = useState<UserLimitsView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (editing) {
    return (
      <PrivilegeForm
        user={editing}
        onCancel={() => setEditing(null)}
        onDone={async () => {
          await limits.reload();
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
      error={limits.error}
      notice={notice}
      data={limits.data}
      backLabel={t('backHome')}
      onBack={() => go('')}
    >
      {(data) => (
        <div className="table-wrap">
          <StackedTable data-testid="privileges-table">
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
          </StackedTable>
        </div>
      )}
    </LoadedScreen>
  );
}
