import { useT } from '../shared/i18n.ts';
import { tokenMessages } from './messages.ts';

const radius = 52;
const circumference = 2 * Math.PI * radius;

/** The seconds left in the 30-second step, as a shrinking ring around the number. */
export function Ring({ seconds, elapsed }: { seconds: number; elapsed: number }) {
  const t = useT(tokenMessages);
  return (
    <div className="ring" role="timer" aria-label={t('secondsLeft', { n: seconds })}>
      <svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle className="ring-track" cx="60" cy="60" r={radius} />
        <circle
          className={seconds <= 5 ? 'ring-progress ending' : 'ring-progress'}
          cx="60"
          cy="60"
          r={radius}
          strokeDasharray={circumference}
          strokeDashoffset={circumference * elapsed}
          transform="rotate(-90 60 60)"
        />
      </svg>
      <span className="ring-seconds" data-testid="seconds" aria-hidden="true">
        {seconds}
      </span>
    </div>
  );
}
