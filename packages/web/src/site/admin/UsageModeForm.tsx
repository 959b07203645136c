import type { UsageModeImpact } from '@kinko/core/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { PinField } from '../../shared/PinField.tsx';
import type { ContractView, UsageMode } from '../../shared/types.ts';
import { useAction } from '../../shared/useAction.ts';
import { adminApi } from './api.ts';
import { ModeImpact } from './ModeImpact.tsx';
import { ModeTable } from './ModeTable.tsx';
import { adminMessages } from './messages.ts';
import { modeMessages } from './modeMessages.ts';

/**
 * 利用形態設定 (R3): each user their own token, or one token for all. Choosing the other mode
 * shows, before anything changes, whose registration it takes out of force (by name and
 * serial), and OK waits for the administrator to confirm that (issue 9.3).
 */
export function UsageModeForm({
  contract,
  onDone,
  onCancel,
}: {
  contract: ContractView;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useT(adminMessages);
  const m = useT(modeMessages);
  const c = useT(common);
  const [mode, setMode] = useState<UsageMode>(contract.usageMode);
  const [pin, setPin] = useState('');
  const [impact, setImpact] = useState<UsageModeImpact | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const { busy, error, run } = useAction();
  const impactAction = useAction();

  const changing = mode !== contract.usageMode;
  // The impact of the mode chosen; a stale one (of the other radio) is never shown.
  const shown = changing && impact?.to === mode ? impact : null;
  const needsConfirm = (shown?.released.length ?? 0) > 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload only when the choice changes
  useEffect(() => {
    setConfirmed(false);
    if (!changing) return;
    let live = true;
    void impactAction
      .run(() => adminApi.usageModeImpact(mode))
      .then((answer) => {
        if (live && answer) setImpact(answer);
      });
    return () => {
      live = false;
    };
  }, [mode]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() => adminApi.setUsageMode(mode, pin, needsConfirm && confirmed));
    if (ok) onDone(t('modeDone'));
  }

  const option = (value: UsageMode, label: string) => (
    <label className="choice">
      <input
        type="radio"
        name="usage-mode"
        value={value}
        data-testid={`mode-${value}`}
        checked={mode === value}
        onChange={() => setMode(value)}
      />
      {label}
    </label>
  );

  const blocked = changing && (!shown || (needsConfirm && !confirmed));
  return (
    <>
      <p className="breadcrumb">{t('breadcrumb')}</p>
      <h1>{t('modeHeading')}</h1>
      <p>{t('modeIntro')}</p>
      <ErrorBox error={error} />
      <form onSubmit={submit} className="panel">
        <fieldset>
          <legend>{t('usageMode')}</legend>
          {option('individual', t('modeIndividual'))}
          {option('shared', t('modeShared'))}
        </fieldset>
        {changing && !shown && !impactAction.error && <p className="loading">{m('impactLoading')}</p>}
        <ErrorBox error={impactAction.error} />
        {shown && <ModeImpact impact={shown} confirmed={confirmed} onConfirmed={setConfirmed} />}
        <ModeTable />
        <p className="hint">{c('contractPinHelp')}</p>
        <PinField testId="mode-pin" value={pin} onValue={setPin} />
        {needsConfirm && !confirmed && (
          <p className="hint" id="mode-confirm-needed">
            {m('confirmNeeded')}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="primary"
            data-testid="mode-submit"
            disabled={busy || blocked}
            aria-describedby={needsConfirm && !confirmed ? 'mode-confirm-needed' : undefined}
          >
            {c('ok')}
          </button>
          <button type="button" className="secondary" data-testid="mode-cancel" onClick={onCancel}>
            {c('cancel')}
          </button>
        </div>
      </form>
    </>
  );
}
