import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireCustomer } from '../identity/authz.ts';
import { newId } from '../identity/ids.ts';
import type { OtpAlertRecord, Store, TokenRecord, UserRecord } from '../ports.ts';
import { type KinkoDeps, runUseCase, type Tx } from '../use-case.ts';
import { effectiveTokenId } from './effective.ts';

/** How many open alerts a home page shows at once; acknowledging one brings the next. */
const MAX_ALERTS = 20;

/**
 * T2: a reused OTP is shown to the token's holder and to the administrator, because it may mean
 * someone else saw the code. Written in the transaction that audits the replay, for every user
 * the token is in force for (R3: one token may serve several users; shared mode, all of them),
 * the user who sent the code, and the contract's administrator; each acknowledges for themselves.
 */
export async function recordReplayAlert(
  tx: Tx,
  actor: CustomerActor,
  token: TokenRecord,
  operation: string,
): Promise<void> {
  const contract = await tx.store.contracts.get(actor.contractId);
  if (!contract) return;
  const users = await tx.store.users.listByContract(contract.id);
  const recipients = users
    .filter(
      (u) =>
        !u.removed &&
        (u.id === actor.userId || u.role === 'admin' || effectiveTokenId(contract, u) === token.id),
    )
    .map((u) => u.id);
  const alert: OtpAlertRecord = {
    id: newId(tx.deps.random),
    contractId: contract.id,
    serial: token.serial,
    userId: actor.userId,
    operation,
    at: tx.now,
  };
  await tx.store.otpAlerts.insert(alert, recipients);
}

/** The alerts this user has not acknowledged yet, newest first, with the sender's name. */
export async function openReplayAlerts(store: Store, user: UserRecord): Promise<ReplayAlert[]> {
  const open = await store.otpAlerts.listOpen(user.id, MAX_ALERTS);
  const names = new Map<string, string>([[user.id, user.name]]);
  for (const a of open) {
    if (!names.has(a.userId)) names.set(a.userId, (await store.users.get(a.userId))?.name ?? '');
  }
  return open.map((a) => ({
    id: a.id,
    at: a.at,
    serial: a.serial,
    operation: a.operation,
    userId: a.userId,
    userName: names.get(a.userId) ?? '',
  }));
}

/**
 * T2: one recipient acknowledges an alert; the others still see it until they do. An id that is
 * not one of this user's alerts (unknown, or another user's or contract's) is alert.not_found,
 * the same answer for both, so that ids of other contracts cannot be probed. Acknowledging again
 * changes nothing.
 */
export function acknowledgeAlert(deps: KinkoDeps, actor: CustomerActor, alertId: string): Promise<void> {
  return runUseCase(deps, async (tx) => {
    const { user } = await requireCustomer(tx, actor);
    const found =
      typeof alertId === 'string' && /^[0-9a-f]{32}$/.test(alertId)
        ? await tx.store.otpAlerts.getForRecipient(alertId, user.id)
        : null;
    if (!found) {
      throw new KinkoError(
        'alert.not_found',
        'No such alert for this user: the id must be one of the alerts shown to you (GET /api/v1/session).',
      );
    }
    if (found.acknowledgedAt !== null) return;
    if (!(await tx.store.otpAlerts.acknowledge(alertId, user.id, tx.now))) return;
    tx.audit({
      actor,
      action: 'alert.acknowledged',
      subject: alertId,
      detail: { serial: found.alert.serial, operation: found.alert.operation, alertAt: found.alert.at },
    });
  });
}

/** T2: a reused OTP, shown to the token's holder and the administrator (it may mean someone saw it). */
export interface ReplayAlert {
  id: string;
  at: number;
  serial: string;
  /** What the reused code was for: the step-up's purpose (transfer.confirm, token.registration …). */
  operation: string;
  /** The user whose request carried the reused code, and their name. */
  userId: string;
  userName: string;
}
