import { useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { useT } from '../shared/i18n.ts';
import type { AuditVerification } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

/** 改ざん検証 (L1): walks every MAC chain and reports where each one breaks. */
export function AuditVerify() {
  const t = useT(bankMessages);
  const [result, setResult] = useState<AuditVerification | null>(null);
  const { busy, error, run } = useAction();

  async function verify() {
    setResult(null);
    const r = await run(() => bankApi.verify());
    if (r) setResult(r);
  }

  return (
    <section className="panel" aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verifyHeading')}</h2>
      <button type="button" className="primary" data-testid="audit-verify" disabled={busy} onClick={verify}>
        {t('verifyButton')}
      </button>
      <ErrorBox error={error} />
      {result && (
        <div
          className={result.ok ? 'notice' : 'error-box'}
          role={result.ok ? 'status' : 'alert'}
          data-testid="audit-verify-result"
          data-ok={String(result.ok)}
        >
          <p>
            {result.ok
              ? t('verifyOk', { count: result.records, chains: result.chains })
              : t('verifyBroken', {
                  count: result.records,
                  chains: result.chains,
                  problems: result.problems.length,
                })}
          </p>
          {result.problems.length > 0 && (
            <ul data-testid="audit-verify-problems">
              {result.problems.map((p) => (
                <li key={`${p.chain}/${p.seq}`}>
                  {t('verifyProblem', { chain: p.chain, seq: p.seq ?? '-', reason: p.reason })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
