import type { Actor } from '../identity/actors.ts';
import type { UserRecord } from '../ports.ts';
import type { Rejection, Tx } from '../use-case.ts';
import { reject } from '../use-case.ts';

/**
 * A2: the failure that reached the limit put the user in 利用中止. That is its own audit record,
 * whichever counter got there (wrong OTPs, or wrong PINs and card values before the token).
 */
export function suspendedBy(
  tx: Tx,
  actor: Actor,
  user: UserRecord,
  reason: 'otp' | 'confirm_pin',
  message: string,
): Rejection {
  tx.audit({ actor, action: 'user.suspended', outcome: 'failure', subject: user.id, detail: { reason } });
  return reject('otp.user_suspended', message);
}
