import type { OperatorActor } from '../identity/actors.ts';
import { findContract } from '../identity/contract-lookup.ts';
import { requireOperator } from '../identity/operators.ts';
import { decodeCursor, encodeCursor, type PageLimits, type PageQuery, pageLimit } from '../paging.ts';
import type { AuditRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase } from '../use-case.ts';

function toAuditView(r: AuditRecord): AuditView {
  return {
    chain: r.chain,
    seq: Number(r.seq),
    at: Number(r.at),
    actorType: r.actorType,
    actorId: r.actorId,
    contractId: r.contractId,
    action: r.action,
    subject: r.subject,
    outcome: r.outcome,
    detail: parseDetail(r.detail),
    mac: r.mac,
  };
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The bank's audit listing: at most 1000 records a page, 100 when not said. */
export const AUDIT_PAGE: PageLimits = { default: 100, max: 1000 };

/**
 * B1: the bank reads the audit log newest first, a page at a time (paging.ts): every chain in
 * the order the records were written, or one contract's chain. The cursor is the last record's
 * bank-wide id, so a page never repeats or skips a record however many are appended meanwhile.
 */
export function readAudit(
  deps: KinkoDeps,
  actor: OperatorActor,
  opts: PageQuery & { contractNumber?: string },
): Promise<AuditPage> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const limit = pageLimit(opts.limit, AUDIT_PAGE);
    const beforeId =
      opts.cursor === undefined ? undefined : decodeCursor('audit', opts.cursor, ['integer'])[0];
    const chain =
      opts.contractNumber === undefined ? undefined : (await findContract(tx, opts.contractNumber)).id;
    const records = await tx.store.audit.list({
      limit,
      ...(chain === undefined ? {} : { chain }),
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    const last = records.at(-1);
    return {
      items: records.map(toAuditView),
      nextCursor: last && records.length === limit ? encodeCursor('audit', [last.id]) : null,
    };
  });
}

/** One audit record as the bank reads it (L1, B1). */
export interface AuditView {
  /** The contract's id, or 'bank' for the bank's own acts and events of no contract. */
  chain: string;
  /** Position in the chain: 1, 2, 3 … */
  seq: number;
  at: number;
  actorType: string;
  actorId: string | null;
  contractId: string | null;
  action: string;
  subject: string | null;
  outcome: string;
  detail: Record<string, unknown>;
  /** HMAC-SHA-256 under the audit key (hex), chaining to the chain's previous record. */
  mac: string;
}

/** A page of the audit log, newest first; nextCursor continues it (null at the end). */
export interface AuditPage {
  items: AuditView[];
  nextCursor: string | null;
}
