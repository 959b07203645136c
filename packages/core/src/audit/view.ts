import type { AuditView, OperatorActor } from '../api.ts';
import { findContract } from '../identity/contracts.ts';
import { requireOperator } from '../identity/operators.ts';
import type { AuditRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase } from './use-case.ts';

const MAX_LIMIT = 1000;

export function toAuditView(r: AuditRecord): AuditView {
  return {
    seq: Number(r.seq),
    at: Number(r.at),
    actorType: r.actorType,
    actorId: r.actorId,
    contractId: r.contractId,
    action: r.action,
    subject: r.subject,
    outcome: r.outcome,
    detail: parseDetail(r.detail),
    hash: r.hash,
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

/** B1: the bank reads the audit log, optionally one contract's records. */
export function readAudit(
  deps: KinkoDeps,
  actor: OperatorActor,
  opts: { afterSeq?: number; limit: number; contractNumber?: string },
): Promise<AuditView[]> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.trunc(opts.limit) || 1));
    let contractId: string | undefined;
    if (opts.contractNumber !== undefined) {
      contractId = (await findContract(tx, opts.contractNumber)).id;
    }
    const records = await tx.store.audit.list({
      limit,
      ...(opts.afterSeq !== undefined ? { afterSeq: opts.afterSeq } : {}),
      ...(contractId !== undefined ? { contractId } : {}),
    });
    return records.map(toAuditView);
  });
}
