import { formatTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n.ts';
import type { ReplayAlert } from '../../shared/types.ts';
import { siteMessages } from '../messages.ts';

/**
 * T2: reused OTPs on this user's token (for the administrator, on any of the contract's),
 * shown because a replay may mean someone else saw the code.
 */
export function Alerts({ alerts, myId }: { alerts: ReplayAlert[] | undefined; myId: string }) {
  const t = useT(siteMessages);
  const lang = useLang();
  if (!alerts || alerts.length === 0) return null;
  return (
    <section className="alerts" aria-labelledby="alerts-heading" data-testid="alerts">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <ul>
        {alerts.map((alert) => (
          <li
            key={`${alert.at}-${alert.serial}-${alert.userId}`}
            data-testid="alert"
            data-serial={alert.serial}
          >
            <time className="alert-time" dateTime={new Date(alert.at).toISOString()}>
              {formatTime(alert.at, lang)}
            </time>{' '}
            {t('alertReplayed', { serial: alert.serial })}
            {alert.userId !== myId && <span> {t('alertOtherUser')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
