import type { UsageModeChange, UsageModeImpact } from '@kinko/core/shared';
import { useT } from '../../shared/i18n.ts';
import { modeMessages } from './modeMessages.ts';

/** Before a switch of 利用形態 (R3): whose registration goes out of force, by name and serial. */
export function ModeImpact({
  impact,
  confirmed,
  onConfirmed,
}: {
  impact: UsageModeImpact;
  confirmed: boolean;
  onConfirmed: (v: boolean) => void;
}) {
  const t = useT(modeMessages);
  const { released, restored } = impact;
  return (
    <section className="notice warning" data-testid="mode-impact" aria-labelledby="mode-impact-heading">
      <h3 id="mode-impact-heading">{t('impactHeading')}</h3>
      {released.length === 0 && <p data-testid="mode-impact-none">{t('impactNone')}</p>}
      {released.length > 0 && (
        <>
          <p>{t('releasedIntro', { count: released.length })}</p>
          <p>{impact.to === 'shared' ? t('releasedToShared') : t('releasedToIndividual')}</p>
          <Changes changes={released} testId="mode-released" />
        </>
      )}
      {restored.length > 0 && (
        <>
          <p>{t('restoredIntro', { count: restored.length })}</p>
          <Changes changes={restored} testId="mode-restored" />
        </>
      )}
      {released.length > 0 && (
        <label className="choice">
          <input
            type="checkbox"
            data-testid="mode-confirm"
            checked={confirmed}
            onChange={(e) => onConfirmed(e.target.checked)}
          />
          {t('confirm')}
        </label>
      )}
    </section>
  );
}

function Changes({ changes, testId }: { changes: UsageModeChange[]; testId: string }) {
  const t = useT(modeMessages);
  return (
    <div className="table-wrap">
      <table className="grid mode-changes" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('user')}</th>
            <th scope="col">{t('serialNow')}</th>
            <th scope="col">{t('serialAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.userId} data-testid={`${testId}-${c.loginId}`}>
              <td>
                {c.name} <span className="mono small-text">({c.loginId})</span>
              </td>
              <td className="mono">{c.serialBefore ?? t('none')}</td>
              <td className="mono">{c.serialAfter ?? t('none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
