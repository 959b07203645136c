import type { AuditPage, AuditView, OperatorActor } from '../api.ts';
import { KinkoError } from '../errors.ts';
import { findContract } from '../identity/contracts.ts';
import { requireOperator } from '../identity/operators.ts';
import type { AuditRecord, StoredAuditRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase } from './use-case.ts';

const MAX_LIMIT = 1000;

export function toAuditView(r: AuditRecord): AuditView {
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

/**
 * B1: the bank reads the audit log newest first, a page at a time: every chain in the order the
 * records were written, or one contract's chain. The cursor is the last record's position
 * (opaque to the client), so a page never repeats or skips a record however many are appended
 * meanwhile.
 */
export function readAudit(
  deps: KinkoDeps,
  actor: OperatorActor,
  opts: { cursor?: string; limit: number; contractNumber?: string },
): Promise<AuditPage> {
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.trunc(opts.limit) || 1));
    const beforeId = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
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
      nextCursor: last && records.length === limit ? encodeCursor(last) : null,
    };
  });
}

function encodeCursor(r: StoredAuditRecord): string {
  return Buffer.from(`a${r.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^a([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const id = m ? Number(m[1]) : Number.NaN;
  if (!Number.isSafeInteger(id)) {
    throw new KinkoError(
      'request.invalid',
      'cursor: not a cursor this listing gave out; start again without it',
    );
  }
  return id;
}
