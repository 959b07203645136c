import { useT } from '../../shared/i18n.ts';
import { StackedTable } from '../../shared/StackedTable.tsx';
import type { ContractView, UserView } from '../../shared/types.ts';
import { adminMessages } from './messages.ts';
import type { ActionKind } from './UserAction.tsx';

interface Props {
  contract: ContractView;
  users: UserView[];
  onAction: (kind: ActionKind, user: UserView) => void;
}

export function UserTable({ contract, users, onAction }: Props) {
  const t = useT(adminMessages);

  function status(user: UserView): string {
    const states: string[] = [];
    if (user.suspended) states.push(t('stateSuspended'));
    if (user.loginLocked) states.push(t('stateLoginLocked'));
    return states.length > 0 ? states.join('・') : t('stateActive');
  }

  function button(kind: ActionKind, user: UserView, label: string) {
    return (
      <button
        type="button"
        className="small"
        data-testid={`${kind}-${user.loginId}`}
        aria-label={`${label}（${user.name}）`}
        onClick={() => onAction(kind, user)}
      >
        {label}
      </button>
    );
  }

  return (
    <div className="table-wrap">
      <StackedTable data-testid="users-table">
        <caption>{t('usersCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('userName')}</th>
            <th scope="col">{t('loginId')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('serial')}</th>
            <th scope="col">{t('operations')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const isAdmin = user.role === 'admin';
            const blocked = user.suspended || user.loginLocked;
            return (
              <tr
                key={user.id}
                data-testid={`user-row-${user.loginId}`}
                className={blocked ? 'blocked' : undefined}
              >
                <th scope="row">{user.name}</th>
                <td className="mono">{user.loginId}</td>
                <td>{isAdmin ? t('roleAdmin') : t('roleUser')}</td>
                <td data-testid={`user-status-${user.loginId}`}>{status(user)}</td>
                <td className="mono" data-testid={`user-serial-${user.loginId}`}>
                  {user.serial ?? '-'}
                </td>
                <td className="row-actions">
                  {blocked && !isAdmin && button('unlock', user, t('unlock'))}
                  {user.serial &&
                    contract.usageMode === 'individual' &&
                    button('unregister', user, t('unregister'))}
                  {button('card', user, t('card'))}
                  {button('confirmpin', user, t('confirmPin'))}
                  {button('edit', user, t('edit'))}
                  {!isAdmin && button('delete', user, t('delete'))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </StackedTable>
    </div>
  );
}
