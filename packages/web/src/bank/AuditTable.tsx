import {
  AUDIT_OUTCOME_LABELS,
  AUDIT_ROLE_LABELS,
  auditActionLabel,
  auditDetailLabel,
  auditDetailValue,
} from '@kinko/core/shared';
import { formatTime } from '../shared/format.ts';
import { useLang, useT } from '../shared/i18n.ts';
import type { AuditView } from '../shared/types.ts';
import { auditMessages } from './auditMessages.ts';

/** The log's records, newest first: actions by name, actors by name and role, details as fields (B1). */
export function AuditTable({
  records,
  onActor,
}: {
  records: AuditView[];
  onActor: (actor: { id: string; name: string }) => void;
}) {
  const t = useT(auditMessages);
  const lang = useLang();
  return (
    <div className="table-wrap">
      <table className="grid audit" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t('time')}</th>
            <th scope="col">{t('operation')}</th>
            <th scope="col">{t('outcome')}</th>
            <th scope="col">{t('actor')}</th>
            <th scope="col">{t('subject')}</th>
            <th scope="col">{t('detail')}</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const failed = r.outcome === 'failure';
            const name = r.actorName ?? (r.actorId ? t('unknownActor') : null);
            return (
              <tr
                key={`${r.chain}/${r.seq}`}
                data-testid={`audit-row-${r.chain}-${r.seq}`}
                data-action={r.action}
                data-at={r.at}
                className={failed ? 'failed' : undefined}
              >
                <td className="nowrap">{formatTime(r.at, lang)}</td>
                <td>
                  <span data-testid="audit-action-label">{auditActionLabel(r.action, lang)}</span>
                  <br />
                  <code className="small-text muted">{r.action}</code>
                </td>
                <td>
                  {r.outcome === 'success' || r.outcome === 'failure'
                    ? AUDIT_OUTCOME_LABELS[r.outcome][lang]
                    : r.outcome}
                </td>
                <td data-testid="audit-actor">
                  <span className="role">{AUDIT_ROLE_LABELS[r.actorRole][lang]}</span>
                  {name && (
                    <>
                      <br />
                      {r.actorId ? (
                        <button
                          type="button"
                          className="link"
                          title={t('byThisActor')}
                          onClick={() => r.actorId && onActor({ id: r.actorId, name })}
                        >
                          {name}
                        </button>
                      ) : (
                        name
                      )}
                      {r.actorLoginId && <span className="muted"> ({r.actorLoginId})</span>}
                    </>
                  )}
                  {r.contractNumber && (
                    <>
                      <br />
                      <span className="small-text muted">{t('contract', { number: r.contractNumber })}</span>
                    </>
                  )}
                </td>
                <td className="mono">{r.subject ?? '-'}</td>
                <td>
                  <Details detail={r.detail} names={r.names} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Non-secret facts only (core asserts it when it writes them), each under its label. */
function Details({ detail, names }: { detail: Record<string, unknown>; names: Record<string, string> }) {
  const lang = useLang();
  const entries = Object.entries(detail);
  if (entries.length === 0) return null;
  return (
    <dl className="audit-detail" data-testid="audit-detail">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{auditDetailLabel(key, lang)}</dt>
          <dd>{auditDetailValue(value, names)}</dd>
        </div>
      ))}
    </dl>
  );
}
