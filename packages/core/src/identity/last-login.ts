import type { SessionRecord, Store } from '../ports.ts';
import type { Tx } from '../use-case.ts';

/**
 * 前回ログイン日時: each successful login, in its own transaction, moves the subject's last login
 * to previous and records this one; the home page shows previous, the login before this one,
 * so that a customer or operator notices a login that was not theirs. Returns the previous one
 * (null: this is the first).
 */
export async function recordLogin(
  tx: Tx,
  realm: SessionRecord['realm'],
  subjectId: string,
): Promise<number | null> {
  return (await tx.store.lastLogins.record(realm, subjectId, tx.now)).previousAt;
}

/** The time of the login before the latest one, or null (初回ログイン). */
export async function previousLoginAt(
  store: Store,
  realm: SessionRecord['realm'],
  subjectId: string,
): Promise<number | null> {
  return (await store.lastLogins.get(realm, subjectId))?.previousAt ?? null;
}
