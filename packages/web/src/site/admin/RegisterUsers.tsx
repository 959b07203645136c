import { useT } from '../../shared/i18n.ts';
import { StackedTable } from '../../shared/StackedTable.tsx';
import type { UserView } from '../../shared/types.ts';
import { adminMessages } from './messages.ts';

interface Props {
  users: UserView[];
  shared: boolean;
  selected: Set<string>;
  onSelected: (next: Set<string>) => void;
}

/** 利用登録情報: which users get the token. Checkboxes, since one token may go to several users (R3). */
export function RegisterUsers({ users, shared, selected, onSelected }: Props) {
  const t = useT(adminMessages);

  function toggle(id: string) {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelected(next);
  }

  return (
    <>
      <h2 id="register-users-heading">{t('registerUsers')}</h2>
      {shared && <p data-testid="register-all-users">{t('registerAllUsers')}</p>}
      <StackedTable aria-labelledby="register-users-heading" data-testid="register-users">
        <thead>
          <tr>
            {!shared && <th scope="col">{t('select')}</th>}
            <th scope="col">{t('userName')}</th>
            <th scope="col">{t('existingSerial')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              {!shared && (
                <td className="select">
                  <input
                    type="checkbox"
                    id={`register-${user.id}`}
                    data-testid={`register-user-${user.loginId}`}
                    checked={selected.has(user.id)}
                    onChange={() => toggle(user.id)}
                  />
                </td>
              )}
              <th scope="row">
                {shared ? user.name : <label htmlFor={`register-${user.id}`}>{user.name}</label>}
              </th>
              <td className="mono">{user.serial ?? '-'}</td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
      {!shared && <p className="note">{t('registerNote')}</p>}
    </>
  );
}
