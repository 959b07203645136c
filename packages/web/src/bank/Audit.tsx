import { useCallback, useEffect, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { useT } from '../shared/i18n.ts';
import type { AuditView } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { AuditFilters } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';
import { AuditVerify } from './AuditVerify.tsx';
import { type AuditFilter, auditParams, emptyFilter } from './auditFilter.ts';
import { auditMessages } from './auditMessages.ts';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

const pageSize = 100;

/** 監査ログ (L1, B1): newest first, a page at a time, filtered on the server; CSV of the same. */
export function Audit() {
  const t = useT(bankMessages);
  const a = useT(auditMessages);
  const [filter, setFilter] = useState<AuditFilter>(emptyFilter);
  const [applied, setApplied] = useState<AuditFilter>(emptyFilter);
  const [records, setRecords] = useState<AuditView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const load = useCallback(
    async (f: AuditFilter, cursor?: string) => {
      const page = await run(() => bankApi.audit(auditParams(f), { limit: pageSize, cursor }));
      if (!page) return;
      setApplied(f);
      setRecords((prev) => (cursor === undefined ? page.items : [...prev, ...page.items]));
      setNext(page.nextCursor);
    },
    [run],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: load once on entry; later loads are by the form
  useEffect(() => {
    void load(emptyFilter);
  }, []);

  function byActor(actor: { id: string; name: string }) {
    const f = { ...filter, actor };
    setFilter(f);
    void load(f);
  }

  return (
    <>
      <h1>{t('auditHeading')}</h1>
      <AuditVerify />
      <AuditFilters
        filter={filter}
        onFilter={setFilter}
        onSearch={() => void load(filter)}
        busy={busy}
        applied={applied}
      />
      <ErrorBox error={error} />
      <p className="hint">{a('newestFirst')}</p>
      <AuditTable records={records} onActor={byActor} />
      {records.length === 0 && !busy && <p>{a('empty')}</p>}
      {next !== null && (
        <button
          type="button"
          className="secondary"
          data-testid="audit-more"
          disabled={busy}
          // The next page continues the records shown, under the filters they were read with.
          onClick={() => void load(applied, next)}
        >
          {a('more')}
        </button>
      )}
    </>
  );
}
