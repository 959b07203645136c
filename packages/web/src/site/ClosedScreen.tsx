import { useT } from '../shared/i18n.ts';
import type { UserView } from '../shared/types.ts';
import { SuspensionNotice } from './common/Suspension.tsx';
import { siteMessages } from './messages.ts';

/** A2: an operation 利用中止 closes, reached by its address: the notice instead of a form to fill in vain. */
export function ClosedScreen({
  user,
  heading,
  go,
}: {
  user: UserView;
  heading: string;
  go: (route: string) => void;
}) {
  const t = useT(siteMessages);
  return (
    <>
      <h1>{heading}</h1>
      <SuspensionNotice user={user} />
      <div className="actions">
        <button type="button" className="secondary" data-testid="closed-back" onClick={() => go('')}>
          {t('closedBack')}
        </button>
      </div>
    </>
  );
}
