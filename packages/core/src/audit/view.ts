import type { OperatorActor } from '../identity/actors.ts';
import { findContract } from '../identity/contract-lookup.ts';
import { requireOperator } from '../identity/operators.ts';
import { encodeCursor, type PageLimits, pageLimit } from '../paging.ts';
import type { AuditRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { type AuditQuery, auditCursor, auditFilters } from './query.ts';

/** Who acted, as the bank reads it (B1): the role, not the record's raw actor type. */
type AuditActorRole = 'customer_user' | 'administrator' | 'bank_operator' | 'system' | 'anonymous';

interface Actor {
  role: AuditActorRole;
  name: string | null;
  loginId: string | null;
}

/**
 * Names the page's actors and contracts, each looked up once per page. A user removed since is
 * still named (the store keeps the row); an id that names no one keeps its role and no name.
 */
function namer(tx: Tx) {
  const actors = new Map<string, Promise<Actor>>();
  const contracts = new Map<string, Promise<string | null>>();
  const actorOf = (r: AuditRecord): Promise<Actor> => {
    if (r.actorType === 'system') return Promise.resolve({ role: 'system', name: null, loginId: null });
    if (r.actorType === 'anonymous' || r.actorId === null) {
      return Promise.resolve({ role: 'anonymous', name: null, loginId: null });
    }
    const key = `${r.actorType}:${r.actorId}`;
    let found = actors.get(key);
    if (!found) {
      const id = r.actorId;
      found =
        r.actorType === 'operator'
          ? tx.store.operators.get(id).then((o) => ({
              role: 'bank_operator' as const,
              name: o?.name ?? null,
              loginId: o?.loginId ?? null,
            }))
          : tx.store.users.get(id).then((u) => ({
              role: u?.role === 'admin' ? ('administrator' as const) : ('customer_user' as const),
              name: u?.name ?? null,
              loginId: u?.loginId ?? null,
            }));
      actors.set(key, found);
    }
    return found;
  };
  const contractNumberOf = (id: string | null): Promise<string | null> => {
    if (id === null) return Promise.resolve(null);
    let found = contracts.get(id);
    if (!found) {
      found = tx.store.contracts.get(id).then((c) => c?.contractNumber ?? null);
      contracts.set(id, found);
    }
    return found;
  };
  const users = new Map<string, Promise<string | null>>();
  const userName = (id: string): Promise<string | null> => {
    let found = users.get(id);
    if (!found) {
      found = tx.store.users.get(id).then((u) => (u ? `${u.name} (${u.loginId})` : null));
      users.set(id, found);
    }
    return found;
  };
  /** The users a record's details name by id (userId, userIds, releasedUserIds …), by name. */
  const namesOf = async (detail: Record<string, unknown>): Promise<Record<string, string>> => {
    const names: Record<string, string> = {};
    for (const [key, value] of Object.entries(detail)) {
      if (!/^userIds?$|UserIds?$/.test(key)) continue;
      const ids = (Array.isArray(value) ? value : [value]).filter(
        (v): v is string => typeof v === 'string' && v.length <= 64,
      );
      for (const id of ids.slice(0, 100)) {
        const name = await userName(id);
        if (name !== null) names[id] = name;
      }
    }
    return names;
  };
  return async (r: AuditRecord): Promise<AuditView> => {
    const actor = await actorOf(r);
    const detail = parseDetail(r.detail);
    return {
      chain: r.chain,
      seq: Number(r.seq),
      at: Number(r.at),
      actorType: r.actorType,
      actorId: r.actorId,
      actorRole: actor.role,
      actorName: actor.name,
      actorLoginId: actor.loginId,
      contractId: r.contractId,
      contractNumber: await contractNumberOf(r.contractId),
      action: r.action,
      subject: r.subject,
      outcome: r.outcome,
      detail,
      names: await namesOf(detail),
      mac: r.mac,
    };
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
 * the order the records were written, or one contract's chain, filtered by date range (days in
 * Japan), action and actor. The cursor is the last record's bank-wide id, so a page never
 * repeats or skips a record however many are appended meanwhile; the next page must be asked
 * with the same filters.
 */
export async function readAudit(deps: KinkoDeps, actor: OperatorActor, opts: AuditQuery): Promise<AuditPage> {
  const query = opts ?? {};
  const limit = pageLimit(query.limit, AUDIT_PAGE);
  const filters = auditFilters(query);
  const beforeId = auditCursor(query.cursor);
  return runUseCase(deps, async (tx) => {
    await requireOperator(tx, actor);
    const chain =
      query.contractNumber === undefined ? undefined : (await findContract(tx, query.contractNumber)).id;
    const records = await tx.store.audit.list({
      limit,
      ...filters,
      ...(chain === undefined ? {} : { chain }),
      ...(beforeId === undefined ? {} : { beforeId }),
    });
    const last = records.at(-1);
    const view = namer(tx);
    const items: AuditView[] = [];
    for (const r of records) items.push(await view(r));
    return {
      items,
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
  /** customer_user / administrator / bank_operator / system / anonymous (an unknown login). */
  actorRole: AuditActorRole;
  /** The actor's name and login ID as they are now; null for system, anonymous or an unknown id. */
  actorName: string | null;
  actorLoginId: string | null;
  contractId: string | null;
  contractNumber: string | null;
  action: string;
  subject: string | null;
  outcome: string;
  detail: Record<string, unknown>;
  /** The users the details name by id, as "name (login ID)": the details themselves are as recorded. */
  names: Record<string, string>;
  /** HMAC-SHA-256 under the audit key (hex), chaining to the chain's previous record. */
  mac: string;
}

/** A page of the audit log, newest first; nextCursor continues it (null at the end). */
export interface AuditPage {
  items: AuditView[];
  nextCursor: string | null;
}
