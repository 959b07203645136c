/**
 * M5: per-user privileges (利用権限), set by the administrator. 振込・振替 'transfer' and 照会
 * 'inquiry' today; 承認 ('approve', 'first_approve', 'final_approve') for M5a; ファイル伝送
 * 'file_transfer' and 収納 'collection' are stored now so the administrator sets them once.
 */

import { KinkoError } from '../errors.ts';
import type { UserRecord } from '../ports.ts';
import type { Tx } from '../use-case.ts';

export const PRIVILEGES = [
  'transfer',
  'inquiry',
  'approve',
  'first_approve',
  'final_approve',
  'file_transfer',
  'collection',
] as const;

export type Privilege = (typeof PRIVILEGES)[number];

/**
 * A user the administrator never gave privileges to may transfer and inquire, as every user
 * could before privileges existed; approving must be granted (M5a).
 */
const DEFAULT_PRIVILEGES: readonly Privilege[] = ['transfer', 'inquiry'];

function isPrivilege(v: unknown): v is Privilege {
  return typeof v === 'string' && (PRIVILEGES as readonly string[]).includes(v);
}

/** A set of privileges as sent by the administrator: known names, each once, in canonical order. */
export function parsePrivileges(input: unknown): Privilege[] {
  if (!Array.isArray(input) || !input.every(isPrivilege))
    throw new KinkoError('request.invalid', `privileges must be some of ${PRIVILEGES.join(', ')}`);
  return PRIVILEGES.filter((p) => input.includes(p));
}

export async function privilegesOf(tx: Tx, userId: string): Promise<Privilege[]> {
  const stored = await tx.store.privileges.get(userId);
  return stored === null ? [...DEFAULT_PRIVILEGES] : stored.filter(isPrivilege);
}

/** M5: the stored user must hold the privilege; checked on every call, never from the session. */
export async function requirePrivilege(tx: Tx, user: UserRecord, privilege: Privilege): Promise<void> {
  if (!(await privilegesOf(tx, user.id)).includes(privilege))
    throw new KinkoError('auth.forbidden', `this user may not ${privilege}`, { privilege });
}
