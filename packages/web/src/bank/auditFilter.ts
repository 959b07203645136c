/** The audit screen's filters as the API's query parameters (B1, issue 9.6). */
export interface AuditFilter {
  contractNumber: string;
  from: string;
  to: string;
  action: string;
  actorType: string;
  /** One actor, chosen from a row; shown by name. */
  actor: { id: string; name: string } | null;
}

export const emptyFilter: AuditFilter = {
  contractNumber: '',
  from: '',
  to: '',
  action: '',
  actorType: '',
  actor: null,
};

export function auditParams(f: AuditFilter): URLSearchParams {
  const q = new URLSearchParams();
  const contract = f.contractNumber.trim();
  if (contract) q.set('contractNumber', contract);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.action) q.set('action', f.action);
  if (f.actorType) q.set('actorType', f.actorType);
  if (f.actor) q.set('actorId', f.actor.id);
  return q;
}
