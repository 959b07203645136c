import { useT } from '../shared/i18n.ts';
import { LastLogin } from '../shared/LastLogin.tsx';
import type { Me } from '../shared/types.ts';
import { AdminMenu } from './admin/AdminMenu.tsx';
import { SuspendedUsers } from './admin/SuspendedUsers.tsx';
import { Alerts } from './common/Alerts.tsx';
import { PasswordChange } from './common/PasswordChange.tsx';
import { SuspensionNotice, useClosures } from './common/Suspension.tsx';
import { TokenStatus } from './common/TokenStatus.tsx';
import { InquiryMenu } from './inquiry/InquiryMenu.tsx';
import { siteMessages } from './messages.ts';
import { TransferMenu } from './transfers/TransferMenu.tsx';

export function Home({ me, go, onChanged }: { me: Me; go: (route: string) => void; onChanged: () => void }) {
  const t = useT(siteMessages);
  const { user, contract } = me;
  const closed = useClosures(user);
  return (
    <>
      <h1>{t('homeHeading')}</h1>
      <LastLogin previousAt={me.previousLoginAt} />
      <Alerts alerts={me.alerts} myId={user.id} />
      <SuspensionNotice user={user} />
      {user.role === 'admin' && <SuspendedUsers go={go} />}
      <section className="panel" aria-labelledby="me-heading">
        <h2 id="me-heading">{t('meHeading')}</h2>
        <dl className="facts">
          <dt>{t('contractName')}</dt>
          <dd data-testid="me-contract-name">{contract.name}</dd>
          <dt>{t('contractNumber')}</dt>
          <dd data-testid="me-contract-number">{contract.contractNumber}</dd>
          <dt>{t('userName')}</dt>
          <dd data-testid="me-name">{user.name}</dd>
          <dt>{t('loginId')}</dt>
          <dd data-testid="me-login-id">{user.loginId}</dd>
          <dt>{t('role')}</dt>
          <dd data-testid="me-role">{user.role === 'admin' ? t('roleAdmin') : t('roleUser')}</dd>
        </dl>
      </section>
      <TransferMenu go={go} closed={closed} />
      <InquiryMenu go={go} />
      <TokenStatus user={user} onChanged={onChanged} />
      {user.role === 'admin' && <AdminMenu go={go} />}
      <PasswordChange />
    </>
  );
}
