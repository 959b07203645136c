import { useState } from 'react';
import { api } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatTime } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n.ts';
import type { ReplayAlert } from '../../shared/types.ts';
import { useAction } from '../../shared/useAction.ts';
import { siteMessages } from '../messages.ts';
import { alertMessages, operationKey } from './alertMessages.ts';

/**
 * T2: reused OTPs on this user's token (for the administrator, on any of the contract's), shown
 * because a replay may mean someone else saw the code, until this user acknowledges each one.
 * Acknowledging is this user's alone: the other recipients keep seeing it until they do.
 */
export function Alerts({ alerts, myId }: { alerts: ReplayAlert[] | undefined; myId: string }) {
  const t = useT(siteMessages);
  const ta = useT(alertMessages);
  const lang = useLang();
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const { busy, error, run } = useAction();
  const open = (alerts ?? []).filter((a) => !acknowledged.has(a.id));
  if (open.length === 0) return null;
  const acknowledge = (id: string) =>
    run(async () => {
      await api.post(`/api/v1/me/alerts/${encodeURIComponent(id)}/acknowledge`);
      setAcknowledged((done) => new Set([...done, id]));
    });
  return (
    <section className="alerts" aria-labelledby="alerts-heading" data-testid="alerts">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <ErrorBox error={error} />
      <ul className="alert-list">
        {open.map((alert) => (
          <li
            key={alert.id}
            data-testid="alert"
            data-alert-id={alert.id}
            data-serial={alert.serial}
            data-operation={alert.operation}
          >
            <p>{t('alertReplayed', { serial: alert.serial })}</p>
            <dl className="facts">
              <dt>{ta('alertTime')}</dt>
              <dd>
                <time
                  className="alert-time"
                  data-testid="alert-time"
                  dateTime={new Date(alert.at).toISOString()}
                >
                  {formatTime(alert.at, lang)}
                </time>
              </dd>
              <dt>{ta('alertOperation')}</dt>
              <dd data-testid="alert-operation">
                {ta(operationKey(alert.operation), { code: alert.operation })}
              </dd>
              <dt>{ta('alertSerial')}</dt>
              <dd data-testid="alert-serial">{alert.serial}</dd>
              <dt>{ta('alertEnteredBy')}</dt>
              <dd data-testid="alert-user">
                {alert.userName}
                {alert.userId !== myId && <span> {t('alertOtherUser')}</span>}
              </dd>
            </dl>
            <button
              type="button"
              data-testid="alert-ack"
              disabled={busy}
              aria-describedby="alert-ack-help"
              onClick={() => acknowledge(alert.id)}
            >
              {ta('alertAcknowledge')}
            </button>
          </li>
        ))}
      </ul>
      <p id="alert-ack-help" className="hint">
        {ta('alertAckHelp')}
      </p>
    </section>
  );
}
