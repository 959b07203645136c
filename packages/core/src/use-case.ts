import type { AuditAction } from './audit/actions.ts';
import { type AuditDraft, appendAudit } from './audit/chain.ts';
import type { BankConfig } from './config.ts';
import { type ErrorCode, KinkoError } from './errors.ts';
import type { Actor } from './identity/actors.ts';
import type { AuditKey, AuditRecord, CaKeys, Clock, Kek, Random, Store } from './ports.ts';

/** What createKinko is given: the ports (STYLE habits 1 and 2) and the bank's configuration. */
export interface KinkoDeps {
  store: Store;
  clock: Clock;
  random: Random;
  kek: Kek;
  /** L1: MACs the audit chains and signs their checkpoints; given by configuration like the KEK. */
  auditKey: AuditKey;
  config: BankConfig;
  /** A5: the bank's CA, its key given by configuration like the KEK; absent, no certificate is issued. */
  ca?: CaKeys;
}

/** One audit record as a use case states it; the chain adds chain, seq and MACs (L1). */
interface AuditEvent {
  actor: Actor;
  /** One of AUDIT_ACTIONS: the back office names each (B1). */
  action: AuditAction;
  outcome?: AuditRecord['outcome'];
  subject?: string | null;
  /** Defaults to the customer actor's contract. */
  contractId?: string | null;
  /** Non-secret facts only: never a password, PIN, OTP, seed or card value. */
  detail?: Record<string, unknown>;
}

/** A use case's view of its one transaction. */
export interface Tx {
  readonly store: Store;
  readonly deps: KinkoDeps;
  /** The clock read once, so every record of the use case carries the same time. */
  readonly now: number;
  audit(event: AuditEvent): void;
}

/**
 * A failure that must be committed before it is thrown: a wrong OTP, password or PIN moves a
 * counter and writes an audit record (A2, A4, L1), which a thrown error would roll back.
 */
export class Rejection {
  constructor(readonly error: KinkoError) {}
}

export function reject(code: ErrorCode, message?: string, details?: Record<string, unknown>): Rejection {
  return new Rejection(new KinkoError(code, message, details));
}

/**
 * Runs a use case in one store transaction. Audit events are collected and appended at the end,
 * still inside the transaction, so the chain heads are locked only for the last moment. A
 * returned Rejection commits, then throws; a thrown error rolls everything back. On PostgreSQL
 * fn may run again after a deadlock (Store.transaction): events are collected afresh each run.
 */
export async function runUseCase<T>(deps: KinkoDeps, fn: (tx: Tx) => Promise<T | Rejection>): Promise<T> {
  const outcome = await deps.store.transaction(async (store) => {
    const events: AuditEvent[] = [];
    const tx: Tx = {
      store,
      deps,
      now: deps.clock.now(),
      audit: (event) => {
        events.push(event);
      },
    };
    const result = await fn(tx);
    await appendAudit(
      store,
      deps.auditKey,
      events.map((e) => toDraft(tx.now, e)),
    );
    return result;
  });
  if (outcome instanceof Rejection) throw outcome.error;
  return outcome;
}

/**
 * Detail keys that name a secret. Such a key may say that something was set or how often it
 * failed (a flag, a count), never carry the value: the log is read by bank staff and kept for
 * years (L1, T6), so this is asserted here rather than left to each use case's care.
 */
const secretKey = /(password|pin|otp|seed|secret|cardvalue|token)$/i;

function assertNoSecret(e: AuditEvent): void {
  for (const [key, value] of Object.entries(e.detail ?? {})) {
    if (typeof value === 'string' && secretKey.test(key)) {
      throw new Error(`invariant: audit ${e.action} would record detail.${key}, a secret`);
    }
  }
}

function toDraft(at: number, e: AuditEvent): AuditDraft {
  assertNoSecret(e);
  const base = {
    at,
    action: e.action,
    subject: e.subject ?? null,
    outcome: e.outcome ?? 'success',
  };
  const detail = { ...e.detail };
  const actor = e.actor;
  if (actor.kind !== 'system') detail.clientAddress = actor.clientAddress;
  switch (actor.kind) {
    case 'customer':
      return {
        ...base,
        actorType: 'user',
        actorId: actor.userId,
        contractId: e.contractId === undefined ? actor.contractId : e.contractId,
        detail,
      };
    case 'operator':
      return {
        ...base,
        actorType: 'operator',
        actorId: actor.operatorId,
        contractId: e.contractId ?? null,
        detail,
      };
    case 'anonymous':
      return { ...base, actorType: 'anonymous', actorId: null, contractId: e.contractId ?? null, detail };
    case 'system':
      return { ...base, actorType: 'system', actorId: null, contractId: e.contractId ?? null, detail };
  }
}
