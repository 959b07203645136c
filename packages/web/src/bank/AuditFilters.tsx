import { AUDIT_ACTION_CODES, AUDIT_ACTIONS } from '@kinko/core/shared';
import type { FormEvent } from 'react';
import { Field } from '../shared/Field.tsx';
import { useLang, useT } from '../shared/i18n.ts';
import { type AuditFilter, auditParams } from './auditFilter.ts';
import { auditMessages } from './auditMessages.ts';
import { bankApi } from './bankApi.ts';

/** 監査ログの絞り込み: contract, period (days in Japan), action, kind of actor, one actor; and the CSV of the same. */
export function AuditFilters({
  filter,
  onFilter,
  onSearch,
  busy,
  applied,
}: {
  filter: AuditFilter;
  onFilter: (f: AuditFilter) => void;
  onSearch: () => void;
  busy: boolean;
  /** The filters of the records shown: the CSV downloads exactly those. */
  applied: AuditFilter;
}) {
  const t = useT(auditMessages);
  const lang = useLang();
  const set = (patch: Partial<AuditFilter>) => onFilter({ ...filter, ...patch });

  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch();
  }

  return (
    <form onSubmit={submit} className="panel audit-filter" aria-label={t('filterHeading')}>
      <div className="toolbar filter">
        <Field
          label={t('contractNumber')}
          hint={t('contractHint')}
          testId="audit-contract"
          inputMode="numeric"
          fold="digits"
          value={filter.contractNumber}
          onValue={(contractNumber) => set({ contractNumber })}
        />
        <Field
          label={t('from')}
          hint={t('periodHint')}
          testId="audit-from"
          type="date"
          value={filter.from}
          onValue={(from) => set({ from })}
        />
        <Field
          label={t('to')}
          testId="audit-to"
          type="date"
          value={filter.to}
          onValue={(to) => set({ to })}
        />
      </div>
      <div className="toolbar filter">
        <div className="field">
          <label htmlFor="audit-action">{t('action')}</label>
          <select
            id="audit-action"
            data-testid="audit-action"
            value={filter.action}
            onChange={(e) => set({ action: e.target.value })}
          >
            <option value="">{t('allActions')}</option>
            {AUDIT_ACTION_CODES.map((code) => (
              <option key={code} value={code}>
                {AUDIT_ACTIONS[code][lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-actor-type">{t('actorType')}</label>
          <select
            id="audit-actor-type"
            data-testid="audit-actor-type"
            value={filter.actorType}
            onChange={(e) => set({ actorType: e.target.value })}
          >
            <option value="">{t('allActors')}</option>
            <option value="user">{t('actorTypeUser')}</option>
            <option value="operator">{t('actorTypeOperator')}</option>
            <option value="system">{t('actorTypeSystem')}</option>
            <option value="anonymous">{t('actorTypeAnonymous')}</option>
          </select>
        </div>
        {filter.actor && (
          <p className="chip" data-testid="audit-actor-filter">
            {t('actorFilter', { name: filter.actor.name })}{' '}
            <button type="button" className="secondary" onClick={() => set({ actor: null })}>
              {t('actorFilterClear')}
            </button>
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="primary" data-testid="audit-load" disabled={busy}>
          {t('search')}
        </button>
        <a
          className="button secondary"
          data-testid="audit-csv"
          href={bankApi.auditCsvUrl(auditParams(applied), lang)}
          download
          aria-describedby="audit-csv-hint"
        >
          {t('csv')}
        </a>
        <small id="audit-csv-hint" className="hint">
          {t('csvHint')}
        </small>
      </div>
    </form>
  );
}
