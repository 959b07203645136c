import { formatDay } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import type { DateRefusal } from './entry.ts';
import { transferMessages } from './messages.ts';

/** M4/M6: the date refused, why (same day), and the day the server offers instead. */
export function SameDayRefusal({
  refusal,
  busy,
  onBookNext,
}: {
  refusal: DateRefusal;
  busy: boolean;
  onBookNext: (date: string) => void;
}) {
  const t = useT(transferMessages);
  return (
    <div className="refusal" data-testid="date-refusal" data-code={refusal.code}>
      {refusal.code === 'transfer.same_day_not_allowed' && (
        <>
          <h2>{t('sameDayHeading')}</h2>
          <p data-testid="same-day-reason" data-reason={refusal.reason ?? ''}>
            {refusal.reason === 'token_not_active' ? t('reasonTokenNotActive') : t('reasonIdPassword')}
          </p>
        </>
      )}
      {refusal.nextPossible && (
        <>
          <p>{t('nextPossibleIntro', { date: formatDay(refusal.nextPossible) })}</p>
          <button
            type="button"
            className="primary"
            data-testid="transfer-next-date"
            data-date={refusal.nextPossible}
            disabled={busy}
            onClick={() => refusal.nextPossible && onBookNext(refusal.nextPossible)}
          >
            {t('bookNext', { date: formatDay(refusal.nextPossible) })}
          </button>
        </>
      )}
    </div>
  );
}
