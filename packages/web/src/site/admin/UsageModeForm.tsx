import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { PinField } from '../../shared/PinField.tsx';
import type { ContractView, UsageMode } from '../../shared/types.ts';
import { useAction } from '../../shared/useAction.ts';
import { adminApi } from './api.ts';
import { ModeTable } from './ModeTable.tsx';
import { adminMessages } from './messages.ts';

/** 利用形態設定 (R3): each user their own token, or one token for all. */
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
  const c = useT(common);
  const [mode, setMode] = useState<UsageMode>(contract.usageMode);
  const [pin, setPin] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() => adminApi.setUsageMode(mode, pin));
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
        <ModeTable />
        <p className="hint">{c('contractPinHelp')}</p>
        <PinField testId="mode-pin" value={pin} onValue={setPin} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="mode-submit" disabled={busy}>
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
