/**
 * The back office's audit filters (B1, issue 9.6), checked before any read: each bad parameter
 * is request.invalid naming the parameter and what it accepts.
 */
import { addDays, isBankDate } from '../calendar/bank-date.ts';
import { KinkoError } from '../errors.ts';
import { decodeCursor, type PageQuery } from '../paging.ts';
import type { AuditListQuery, AuditRecord } from '../ports.ts';
import { AUDIT_ACTION_CODES, type AuditAction, isAuditAction } from './actions.ts';

export const AUDIT_ACTOR_TYPES = [
  'user',
  'operator',
  'system',
  'anonymous',
] as const satisfies readonly AuditRecord['actorType'][];

/** What the bank may ask of the log; every filter optional, all of them together. */
export interface AuditQuery extends PageQuery {
  /** Only this contract's chain. */
  contractNumber?: string;
  /** Days in Japan, YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  action?: AuditAction;
  actorType?: AuditRecord['actorType'];
  /** One actor: a user's or an operator's id (as the listing gives it). */
  actorId?: string;
}

function invalid(parameter: string, message: string): KinkoError {
  return new KinkoError('request.invalid', message, { parameter });
}

/** 00:00 in Japan (UTC+9, no daylight saving) of a bank date. */
function startOfJstDay(date: string): number {
  return Date.parse(`${date}T00:00:00+09:00`);
}

/** The filters as the store reads them (without chain, limit and cursor). */
export function auditFilters(q: AuditQuery): Omit<AuditListQuery, 'limit' | 'chain' | 'beforeId'> {
  const out: Omit<AuditListQuery, 'limit' | 'chain' | 'beforeId'> = {};
  if (q.from !== undefined) {
    if (!isBankDate(q.from)) throw invalid('from', 'from is a day written YYYY-MM-DD (a real calendar day)');
    out.fromAt = startOfJstDay(q.from);
  }
  if (q.to !== undefined) {
    if (!isBankDate(q.to)) throw invalid('to', 'to is a day written YYYY-MM-DD (a real calendar day)');
    if (q.from !== undefined && q.to < q.from) throw invalid('to', 'to is on or after from');
    out.toAt = startOfJstDay(addDays(q.to, 1));
  }
  if (q.action !== undefined) {
    if (!isAuditAction(q.action)) {
      throw invalid('action', `action is one of the audit actions: ${AUDIT_ACTION_CODES.join(', ')}`);
    }
    out.action = q.action;
  }
  if (q.actorType !== undefined) {
    if (!(AUDIT_ACTOR_TYPES as readonly string[]).includes(q.actorType)) {
      throw invalid('actorType', `actorType is one of ${AUDIT_ACTOR_TYPES.join(', ')}`);
    }
    out.actorType = q.actorType;
  }
  if (q.actorId !== undefined) {
    if (typeof q.actorId !== 'string' || q.actorId.length === 0 || q.actorId.length > 64) {
      throw invalid(
        'actorId',
        'actorId is the id of a user or operator as the listing shows it (1–64 characters)',
      );
    }
    out.actorId = q.actorId;
  }
  return out;
}

export function auditCursor(cursor: string | undefined): number | undefined {
  return cursor === undefined ? undefined : decodeCursor('audit', cursor, ['integer'])[0];
}
