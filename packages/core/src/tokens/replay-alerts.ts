import type { ContractRecord, Store, UserRecord } from '../ports.ts';

const LOOKBACK_RECORDS = 200;
const LOOKBACK_MS = 30 * 24 * 60 * 60_000;
const MAX_ALERTS = 10;

/**
 * T2: a reused OTP is shown to the token's holder and to the administrator, because it may mean
 * someone else saw the code. Read from the audit log (the otp.replayed records), so there is one
 * source of truth; the holder sees those on their token's serial, the administrator all of the
 * contract's.
 */
export async function replayAlerts(
  store: Store,
  contract: ContractRecord,
  user: UserRecord,
  serial: string | null,
  now: number,
): Promise<ReplayAlert[]> {
  // The contract's own chain, newest first (L1: chain = contract id).
  const records = await store.audit.list({ chain: contract.id, limit: LOOKBACK_RECORDS });
  const alerts: ReplayAlert[] = [];
  for (const r of records) {
    if (r.action !== 'otp.replayed' || r.subject === null || Number(r.at) < now - LOOKBACK_MS) continue;
    if (user.role !== 'admin' && r.subject !== serial && r.actorId !== user.id) continue;
    alerts.push({ at: Number(r.at), serial: r.subject, userId: r.actorId ?? '' });
    if (alerts.length >= MAX_ALERTS) break;
  }
  return alerts;
}

/** T2: a reused OTP, shown to the token's holder and the administrator (it may mean someone saw it). */
export interface ReplayAlert {
  at: number;
  serial: string;
  /** The user whose request carried the reused code. */
  userId: string;
}
