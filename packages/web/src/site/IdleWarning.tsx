import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { useT } from '../shared/i18n.ts';
import { useAction } from '../shared/useAction.ts';
import { siteMessages } from './messages.ts';
import { extend } from './session.ts';
import { sessionClock } from './sessionClock.ts';

/** Re-renders every second while a session runs, so the countdown moves. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [running]);
  return now;
}

/**
 * A4 (issue 9 item 8): a minute before the idle timeout, a warning with 延長, which asks the
 * server to start the timeout again; what the user has typed stays as it is. At the end the
 * site says at once that the session is over (onEnded) instead of on the next submit.
 */
export function IdleWarning({ onEnded }: { onEnded: () => void }) {
  const t = useT(siteMessages);
  const clock = useSyncExternalStore(sessionClock.subscribe, sessionClock.get);
  const now = useNow(clock.endsAt !== null);
  const { busy, error, run } = useAction();
  const ended = useRef(false);
  const left = clock.endsAt === null ? null : clock.endsAt - now;
  const over = left !== null && left <= 0;

  useEffect(() => {
    if (!over || ended.current) return;
    ended.current = true;
    onEnded();
  }, [over, onEnded]);
  useEffect(() => {
    if (left !== null && left > 0) ended.current = false;
  }, [left]);

  if (left === null || over || left > sessionClock.warnBeforeMs()) return null;
  const seconds = Math.ceil(left / 1_000);
  return (
    <section className="idle-warning" aria-labelledby="idle-warning-heading" data-testid="idle-warning">
      <h2 id="idle-warning-heading">{t('idleHeading')}</h2>
      <p role="alert">{t('idleText')}</p>
      <p className="idle-countdown" data-testid="idle-seconds">
        {t('idleLeft', { seconds })}
      </p>
      <ErrorBox error={error} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="idle-extend"
          disabled={busy}
          onClick={() => void run(extend)}
        >
          {t('idleExtend')}
        </button>
      </div>
    </section>
  );
}
