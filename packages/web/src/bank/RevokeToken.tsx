import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { common, useT } from '../shared/i18n.ts';
import { Notice } from '../shared/Notice.tsx';
import { useAction } from '../shared/useAction.ts';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

/** トークン失効 by serial (B1), with an in-page confirmation (no window.confirm). */
export function RevokeToken({ initialSerial = '', onDone }: { initialSerial?: string; onDone?: () => void }) {
  const t = useT(bankMessages);
  const c = useT(common);
  const [serial, setSerial] = useState(initialSerial);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  function ask(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setConfirming(true);
  }

  async function revoke() {
    const ok = await run(async () => {
      await bankApi.revoke(serial);
      return true;
    });
    setConfirming(false);
    if (ok) {
      setDone(t('revokeDone', { serial }));
      onDone?.();
    }
  }

  return (
    <section className="panel" aria-labelledby="revoke-heading" data-testid="revoke-panel">
      <h2 id="revoke-heading">{t('revokeHeading')}</h2>
      <ErrorBox error={error} />
      <Notice text={done} testId="revoke-result" />
      <form onSubmit={ask}>
        <Field
          label={t('serial')}
          testId="revoke-serial"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          required
          value={serial}
          fold="code"
          onValue={(v) => {
            setConfirming(false);
            setSerial(v.toUpperCase());
          }}
        />
        {!confirming ? (
          <div className="actions">
            <button type="submit" className="primary" data-testid="revoke-submit">
              {t('revoke')}
            </button>
          </div>
        ) : (
          <div className="confirm" role="alertdialog" aria-labelledby="revoke-confirm-text">
            <p id="revoke-confirm-text">{t('revokeConfirm', { serial })}</p>
            <div className="actions">
              <button
                type="button"
                className="danger"
                data-testid="revoke-confirm"
                disabled={busy}
                onClick={revoke}
              >
                {c('ok')}
              </button>
              <button
                type="button"
                className="secondary"
                data-testid="revoke-cancel"
                onClick={() => setConfirming(false)}
              >
                {c('cancel')}
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
