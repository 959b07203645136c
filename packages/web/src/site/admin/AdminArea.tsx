import { useCallback, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { adminApi } from './api.ts';
import { Register } from './Register.tsx';
import { UsageModeForm } from './UsageModeForm.tsx';
import { Users } from './Users.tsx';

/** 利用者情報登録／変更 and its two sub-screens (R1): #/users, #/users/mode, #/users/register. */
export function AdminArea({
  route,
  go,
  onChanged,
}: {
  route: string;
  go: (route: string) => void;
  onChanged: () => void;
}) {
  const c = useT(common);
  const [notice, setNotice] = useState<string | null>(null);
  const {
    data,
    error: loadError,
    reload,
  } = useLoad(async () => {
    try {
      return await adminApi.list();
    } finally {
      // The administrator's own row (token, state) may have changed too.
      onChanged();
    }
  });

  // Back to the list only once it shows the change, so the success message never sits
  // above stale rows.
  const finish = useCallback(
    async (message: string) => {
      await reload();
      setNotice(message);
      go('users');
    },
    [go, reload],
  );

  if (!data) return loadError ? <ErrorBox error={loadError} /> : <p className="loading">{c('loading')}</p>;
  if (route === 'users/mode') {
    return <UsageModeForm contract={data.contract} onDone={finish} onCancel={() => go('users')} />;
  }
  if (route === 'users/register') {
    return <Register data={data} onDone={finish} onCancel={() => go('users')} />;
  }
  return <Users data={data} go={go} notice={notice} setNotice={setNotice} reload={reload} />;
}
