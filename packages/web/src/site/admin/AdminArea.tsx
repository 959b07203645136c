import { useCallback, useEffect, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { adminApi, type UserList } from './api.ts';
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
  const [data, setData] = useState<UserList | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setData(await adminApi.list());
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
    // The administrator's own row (token, state) may have changed too.
    onChanged();
  }, [onChanged]);

  useEffect(() => {
    void reload();
  }, [reload]);

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
