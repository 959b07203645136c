import { KinkoError } from '../errors.ts';
import type { SessionRecord, UserRole } from '../ports.ts';
import { type KinkoDeps, reject, runUseCase, type Tx } from '../use-case.ts';
import { newBearer, sha256Hex } from './ids.ts';

type Realm = SessionRecord['realm'];

/**
 * Touching a session on every request would make every request a write transaction. The idle
 * timeout is minutes long, so recording activity at most every few seconds keeps it exact to
 * within that granularity while most requests only read.
 */
const TOUCH_EVERY_MS = 5_000;

/** A session never outlives the absolute maximum, however active it is. */
function expiry(deps: KinkoDeps, createdAt: number, now: number): number {
  return Math.min(now + deps.config.sessionIdleMs, createdAt + deps.config.sessionMaxMs);
}

/**
 * A4: what a client needs to warn before the idle timeout (issue 9 item 8): the bank's idle
 * timeout and how long this session has left as of the answer, both in ms (durations, so the
 * client's clock does not matter). Any request in the session counts as activity, recorded to
 * within activityGranularityMs; a client that counts from its own last answer subtracts that.
 */
export interface SessionTiming {
  idleTimeoutMs: number;
  expiresInMs: number;
  activityGranularityMs: number;
}

function timing(deps: KinkoDeps, expiresAt: number, now: number): SessionTiming {
  return {
    idleTimeoutMs: deps.config.sessionIdleMs,
    expiresInMs: Math.max(0, expiresAt - now),
    activityGranularityMs: TOUCH_EVERY_MS,
  };
}

/**
 * A4: the cookie carries 256 random bits; the store keeps only their SHA-256, so a leaked
 * database does not yield live sessions. The CSRF token is a separate random value.
 */
export async function openSession(
  tx: Tx,
  realm: Realm,
  subjectId: string,
  contractId: string | null,
): Promise<SessionInfo> {
  const sessionToken = newBearer(tx.deps.random);
  const csrfToken = newBearer(tx.deps.random);
  const expiresAt = expiry(tx.deps, tx.now, tx.now);
  await tx.store.sessions.insert({
    id: sha256Hex(sessionToken),
    realm,
    subjectId,
    contractId,
    csrfToken,
    createdAt: tx.now,
    lastSeenAt: tx.now,
    expiresAt,
  });
  return { sessionToken, csrfToken, expiresAt, timing: timing(tx.deps, expiresAt, tx.now) };
}

export interface ResumedSession {
  subjectId: string;
  contractId: string | null;
  csrfToken: string;
  role?: UserRole;
  /** After this request's touch, if any. */
  timing: SessionTiming;
}

/**
 * A4: resolves a cookie; an idle or too-old session is deleted and refused, a live one touched
 * (at most every TOUCH_EVERY_MS; `extend`: now, the user's 延長 before the idle timeout).
 */
export async function resumeSession(
  deps: KinkoDeps,
  sessionToken: string,
  realm: Realm,
  extend = false,
): Promise<ResumedSession> {
  if (typeof sessionToken !== 'string' || sessionToken.length === 0 || sessionToken.length > 128) {
    throw new KinkoError('auth.required');
  }
  const id = sha256Hex(sessionToken);
  const now = deps.clock.now();
  const found = await deps.store.sessions.getWithUser(id);
  const session = found?.session;
  if (!session || session.realm !== realm) throw new KinkoError('auth.required');
  if (now >= session.expiresAt || now >= session.createdAt + deps.config.sessionMaxMs) {
    return runUseCase<ResumedSession>(deps, async (tx) => {
      await tx.store.sessions.delete(id);
      tx.audit({
        actor: { kind: 'system' },
        action: 'session.expired',
        subject: session.subjectId,
        contractId: session.contractId,
        detail: { realm },
      });
      return reject('auth.session_expired');
    });
  }
  let role: UserRole | undefined;
  if (realm === 'customer') {
    const user = found.user;
    if (!user || user.removed) return runUseCase<ResumedSession>(deps, (tx) => endSession(tx, id));
    role = user.role;
  } else {
    const operator = await deps.store.operators.get(session.subjectId);
    if (!operator || operator.locked) return runUseCase<ResumedSession>(deps, (tx) => endSession(tx, id));
  }
  let expiresAt = session.expiresAt;
  if (extend || now - session.lastSeenAt >= TOUCH_EVERY_MS) {
    // One statement, idempotent: two processes touching at once both leave a later expiry. On
    // its own: one round trip on PostgreSQL; on SQLite it joins the group commit of the moment.
    expiresAt = expiry(deps, session.createdAt, now);
    await deps.store.sessions.touch(id, now, expiresAt);
  }
  return {
    subjectId: session.subjectId,
    contractId: session.contractId,
    csrfToken: session.csrfToken,
    ...(role ? { role } : {}),
    timing: timing(deps, expiresAt, now),
  };
}

/** The subject is gone (user removed, operator locked): the session goes with it. */
async function endSession(tx: Tx, id: string) {
  await tx.store.sessions.delete(id);
  return reject('auth.required');
}

export function logout(deps: KinkoDeps, sessionToken: string): Promise<void> {
  return runUseCase(deps, async (tx) => {
    if (typeof sessionToken !== 'string' || sessionToken.length === 0) return;
    const id = sha256Hex(sessionToken);
    const session = await tx.store.sessions.get(id);
    if (!session) return;
    await tx.store.sessions.delete(id);
    tx.audit({
      actor: { kind: 'system' },
      action: 'logout',
      subject: session.subjectId,
      contractId: session.contractId,
      detail: { realm: session.realm },
    });
  });
}

export interface SessionInfo {
  /** The cookie value to hand to the client; only its SHA-256 is stored. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: number;
  timing: SessionTiming;
}
