import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { formatTime } from '../shared/format.ts';
import { useLang, useT } from '../shared/i18n.ts';
import type { AuditView } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { AuditVerify } from './AuditVerify.tsx';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

const pageSize = 100;

/** 監査ログ (L1): newest first, a page at a time, optionally one contract's chain. */
export function Audit() {
  const t = useT(bankMessages);
  const lang = useLang();
  const [contractNumber, setContractNumber] = useState('');
  const [records, setRecords] = useState<AuditView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = useCallback(
    async (cursor?: string) => {
      const page = await run(() =>
        bankApi.audit({ limit: pageSize, cursor, contractNumber: contractNumber.trim() }),
      );
      if (!page) return;
      setRecords((prev) => (cursor === undefined ? page.items : [...prev, ...page.items]));
      setNext(page.nextCursor);
    },
    [run, contractNumber],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on entry; later loads are by the form
  useEffect(() => {
    void load();
  }, []);

  function search(e: FormEvent) {
    e.preventDefault();
    void load();
  }

  return (
    <>
      <h1>{t('auditHeading')}</h1>
      <AuditVerify />
      <form onSubmit={search} className="toolbar filter">
        <Field
          label={t('contractNumber')}
          hint={t('auditFilterHint')}
          testId="audit-contract"
          inputMode="numeric"
          value={contractNumber}
          fold="digits"
          onValue={setContractNumber}
        />
        <button type="submit" className="primary" data-testid="audit-load" disabled={busy}>
          {t('auditSearch')}
        </button>
      </form>
      <ErrorBox error={error} />
      <div className="table-wrap">
        <table className="grid audit" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('chain')}</th>
              <th scope="col">{t('seq')}</th>
              <th scope="col">{t('time')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('subject')}</th>
              <th scope="col">{t('outcome')}</th>
              <th scope="col">{t('detail')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr
                key={`${r.chain}/${r.seq}`}
                data-testid={`audit-row-${r.chain}-${r.seq}`}
                className={/fail|denied|reject|error/i.test(r.outcome) ? 'failed' : undefined}
              >
                <td className="mono">{r.chain}</td>
                <td className="mono">{r.seq}</td>
                <td className="nowrap">{formatTime(r.at, lang)}</td>
                <td className="mono">{r.action}</td>
                <td className="mono">
                  {r.actorType}
                  {r.actorId ? `:${r.actorId}` : ''}
                </td>
                <td className="mono">{r.subject ?? '-'}</td>
                <td>{r.outcome}</td>
                <td className="mono small-text">
                  {Object.keys(r.detail).length > 0 ? JSON.stringify(r.detail) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {records.length === 0 && !busy && <p>{t('auditEmpty')}</p>}
      {next !== null && (
        <button
          type="button"
          className="secondary"
          data-testid="audit-more"
          disabled={busy}
          onClick={() => void load(next)}
        >
          {t('auditMore')}
        </button>
      )}
    </>
  );
}
