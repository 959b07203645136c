import { createHash } from 'node:crypto';
import type { AuditRecord, Store } from '../ports.ts';

/** The prevHash of the first record (and the head of an empty log). */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit record before the chain gives it a seq and hashes. */
export type AuditDraft = Omit<AuditRecord, 'seq' | 'prevHash' | 'hash' | 'detail'> & {
  detail: Record<string, unknown>;
};

/** JSON with object keys sorted, so the same facts always give the same text (and hash). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

/**
 * L1: hash = SHA-256 hex over prevHash followed by the canonical JSON of the record's fields in a
 * fixed order. The order is part of the format: changing it breaks every existing chain.
 * Numbers are coerced because a driver may hand back a BIGINT as a string.
 */
export function recordHash(prevHash: string, r: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const fields = [
    Number(r.seq),
    Number(r.at),
    r.actorType,
    r.actorId,
    r.contractId,
    r.action,
    r.subject,
    r.outcome,
    r.detail,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

/**
 * Appends drafts to the chain. Must run inside the business transaction (L1: the record exists
 * iff the act committed); lockHead serialises writers so two transactions never fork the chain.
 */
export async function appendAudit(store: Store, drafts: readonly AuditDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  let head = await store.audit.lockHead();
  const records: AuditRecord[] = [];
  for (const d of drafts) {
    const fields = {
      seq: head.seq + 1,
      at: d.at,
      actorType: d.actorType,
      actorId: d.actorId,
      contractId: d.contractId,
      action: d.action,
      subject: d.subject,
      outcome: d.outcome,
      detail: canonicalJson(d.detail),
    };
    const hash = recordHash(head.hash, fields);
    records.push({ ...fields, prevHash: head.hash, hash });
    head = { seq: fields.seq, hash };
  }
  await store.audit.append(records);
}
