import { APPROVAL_MODES, type ApprovalMode } from '@kinko/core/shared';
import { type FormEvent, useState } from 'react';
import { FormActions } from '../../shared/FormActions.tsx';
import { useT } from '../../shared/i18n.ts';
import { LoadedScreen } from '../../shared/LoadedScreen.tsx';
import { PinField } from '../../shared/PinField.tsx';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { settingsApi } from './api.ts';
import { settingsMessages } from './settingsMessages.ts';

/** 承認設定 (M5a): none / single / double (ordered or not), approver must differ; the contract PIN. */
export function ApprovalSettingsForm({ go }: { go: (route: string) => void }) {
  const t = useT(settingsMessages);
  const [mode, setMode] = useState<ApprovalMode>('none');
  const [mustDiffer, setMustDiffer] = useState(false);
  const [pin, setPin] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const settings = useLoad(async () => {
    const s = await settingsApi.approvalSettings();
    setMode(s.mode);
    setMustDiffer(s.approverMustDiffer);
    return s;
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    const s = await run(() =>
      settingsApi.setApprovalSettings({ mode, approverMustDiffer: mustDiffer, contractPin: pin }),
    );
    setPin('');
    if (s) {
      settings.setData(s);
      setNotice(t('saved'));
    }
  }

  return (
    <LoadedScreen
      testId="approval-settings"
      headingId="approval-heading"
      heading={t('approvalHeading')}
      intro={t('approvalIntro')}
      error={error ?? settings.error}
      notice={notice}
      data={settings.data}
      backLabel={t('backHome')}
      onBack={() => go('')}
    >
      {(current) => (
        <form onSubmit={submit}>
          <p
            data-testid="approval-current"
            data-mode={current.mode}
            data-must-differ={current.approverMustDiffer}
          >
            {t(`mode_${current.mode}`)}
            {current.approverMustDiffer && `・${t('mustDiffer')}`}
          </p>
          <fieldset>
            <legend>{t('approvalHeading')}</legend>
            {APPROVAL_MODES.map((m) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="approval-mode"
                  data-testid={`approval-mode-${m}`}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />{' '}
                {t(`mode_${m}`)}
              </label>
            ))}
          </fieldset>
          <label className="choice">
            <input
              type="checkbox"
              data-testid="approval-must-differ"
              checked={mustDiffer}
              onChange={(e) => setMustDiffer(e.target.checked)}
            />{' '}
            {t('mustDiffer')}
          </label>
          <PinField testId="approval-settings-pin" value={pin} onValue={setPin} />
          <FormActions busy={busy} submitTestId="approval-settings-submit" submitLabel={t('save')} />
        </form>
      )}
    </LoadedScreen>
  );
}
