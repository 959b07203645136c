import { useState } from 'react';
import { useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import type { CardPosition, UserView } from '../../shared/types.ts';
import { AddUser } from './AddUser.tsx';
import type { UserList } from './api.ts';
import { CardTable } from './CardTable.tsx';
import { adminMessages } from './messages.ts';
import { type ActionKind, UserAction } from './UserAction.tsx';
import { UserTable } from './UserTable.tsx';

interface Props {
  data: UserList;
  go: (route: string) => void;
  notice: string | null;
  setNotice: (text: string | null) => void;
  reload: () => Promise<unknown>;
}

/** 利用者情報登録／変更: the users, their token and state (R5), and the administrator's actions. */
export function Users({ data, go, notice, setNotice, reload }: Props) {
  const t = useT(adminMessages);
  const [action, setAction] = useState<{ kind: ActionKind; user?: UserView } | null>(null);
  const [adding, setAdding] = useState(false);
  const [card, setCard] = useState<{ user: UserView; card: Record<CardPosition, string> } | null>(null);
  const { contract, users } = data;

  function open(kind: ActionKind, user?: UserView) {
    setNotice(null);
    setCard(null);
    setAdding(false);
    setAction({ kind, user });
  }

  async function done(message: string) {
    setAction(null);
    setAdding(false);
    await reload();
    setNotice(message);
  }

  return (
    <>
      <p className="breadcrumb">{t('breadcrumb')}</p>
      <h1>{t('usersHeading')}</h1>
      <Notice text={notice} />
      <dl className="facts">
        <dt>{t('usageMode')}</dt>
        <dd data-testid="usage-mode" data-mode={contract.usageMode}>
          {contract.usageMode === 'shared' ? t('modeShared') : t('modeIndividual')}
        </dd>
        {contract.usageMode === 'shared' && (
          <>
            <dt>{t('sharedSerial')}</dt>
            <dd className="mono" data-testid="shared-serial">
              {contract.sharedSerial ?? '-'}
            </dd>
          </>
        )}
      </dl>
      <div className="toolbar">
        <button type="button" className="primary" data-testid="mode-open" onClick={() => go('users/mode')}>
          {t('modeButton')}
        </button>
        <button
          type="button"
          className="primary"
          data-testid="register-open"
          onClick={() => go('users/register')}
        >
          {t('registerButton')}
        </button>
        <button
          type="button"
          className="secondary"
          data-testid="add-open"
          onClick={() => {
            setAction(null);
            setNotice(null);
            setAdding(true);
          }}
        >
          {t('addButton')}
        </button>
        {contract.usageMode === 'shared' && contract.sharedSerial && (
          <button
            type="button"
            className="secondary"
            data-testid="unregister-shared"
            onClick={() => open('unregister')}
          >
            {t('unregisterShared')}
          </button>
        )}
      </div>
      {adding && <AddUser onDone={done} onCancel={() => setAdding(false)} />}
      {action && (
        <UserAction
          kind={action.kind}
          user={action.user}
          onDone={done}
          onCard={(user, issued) => {
            setAction(null);
            setCard({ user, card: issued });
            void reload();
          }}
          onCancel={() => setAction(null)}
        />
      )}
      {card && <CardTable userName={card.user.name} card={card.card} onClose={() => setCard(null)} />}
      <UserTable contract={contract} users={users} onAction={open} />
    </>
  );
}
