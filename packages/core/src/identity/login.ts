import type { UserRecord } from '../ports.ts';
import { type KinkoDeps, reject, runUseCase, type Tx } from '../use-case.ts';
import type { AnonymousActor, CustomerActor } from './actors.ts';
import { recordLogin } from './last-login.ts';
import { findLoginCandidate, INVALID_CREDENTIALS } from './login-candidate.ts';
import { verifyAgainstDummy, verifySecret } from './secrets.ts';
import type { SessionInfo } from './sessions.ts';
import { openSession } from './sessions.ts';
import type { Me } from './views.ts';
import { meView } from './views.ts';

export interface LoginInput {
  contractNumber: string;
  loginId: string;
  password: string;
}

/**
 * A1/A4: ID・パスワード方式 login. The argon2 check runs before the transaction so a login does not
 * hold the database's write lock for its tens of milliseconds (SQLite has one writer); the
 * transaction then re-reads the user and decides on the state it sees, so lockout stays exact.
 */
export async function login(
  deps: KinkoDeps,
  actor: AnonymousActor,
  input: LoginInput,
): Promise<{ session: SessionInfo; me: Me }> {
  const { contractNumber, loginId, password } = input ?? ({} as LoginInput);
  const { contract, known, secret } = await findLoginCandidate(deps, contractNumber, loginId, password);
  // An unknown id costs the same argon2 work as a known one, so timing does not reveal it (A1).
  let verified: { hash: string; ok: boolean } | null = null;
  if (!known) await verifyAgainstDummy(deps, secret);
  else if (!known.loginLocked)
    verified = { hash: known.passwordHash, ok: await checkPassword(known, secret) };

  return runUseCase(deps, async (tx) => {
    const user = known ? await tx.store.users.get(known.id) : null;
    const attempted = { subject: typeof loginId === 'string' ? loginId.slice(0, 64) : null };
    if (!contract || !user || user.removed) {
      tx.audit({
        actor,
        action: 'login.failure',
        outcome: 'failure',
        contractId: contract?.id ?? null,
        ...attempted,
        // Not a secret, and what an investigation of a guessing attack needs.
        detail: {
          reason: 'unknown',
          contractNumber: typeof contractNumber === 'string' ? contractNumber.slice(0, 20) : null,
        },
      });
      return reject('auth.invalid_credentials', INVALID_CREDENTIALS);
    }
    // A4: a locked login is refused without looking at the password.
    if (user.loginLocked) {
      tx.audit({
        actor,
        action: 'login.locked',
        outcome: 'failure',
        contractId: contract.id,
        subject: user.id,
      });
      return reject('auth.locked');
    }
    // The password changed between the check and now: check against the current hash.
    const ok =
      verified && verified.hash === user.passwordHash ? verified.ok : await checkPassword(user, secret);
    if (!ok) {
      const max = deps.config.maxPasswordFailures;
      const r = await tx.store.users.recordFailure(user.id, 'password', max);
      const failure = { actor, outcome: 'failure' as const, contractId: contract.id, subject: user.id };
      if (r.locked) {
        tx.audit({ ...failure, action: 'login.locked', detail: { failures: r.failures } });
        return reject('auth.locked');
      }
      tx.audit({ ...failure, action: 'login.failure', detail: { reason: 'password', failures: r.failures } });
      // A1: the same answer as for an unknown contract or login ID, with no remaining-attempts
      // count, which only a login ID that exists could have: it would tell a guesser which IDs do.
      return reject('auth.invalid_credentials', INVALID_CREDENTIALS);
    }
    await tx.store.users.resetFailures(user.id, 'password');
    const signedIn: CustomerActor = {
      kind: 'customer',
      userId: user.id,
      contractId: contract.id,
      role: user.role,
      clientAddress: actor.clientAddress,
    };
    // A6: a stopped contract refuses its users; said only to someone who knows the password.
    if (contract.stopped) {
      tx.audit({
        actor: signedIn,
        action: 'login.failure',
        outcome: 'failure',
        detail: { reason: 'stopped' },
      });
      return reject('contract.stopped');
    }
    const session = await openSession(tx, 'customer', user.id, contract.id);
    await recordLogin(tx, 'customer', user.id);
    tx.audit({ actor: signedIn, action: 'login.success', subject: user.id });
    const fresh = { ...user, passwordFailures: 0 };
    return { session, me: await meView(tx.store, fresh, contract) };
  });
}

function checkPassword(user: UserRecord, secret: string): Promise<boolean> {
  return secret === '' ? Promise.resolve(false) : verifySecret(user.passwordHash, secret);
}

/** Used by changePassword: the same counting as login (A4). */
export async function recordPasswordFailure(
  tx: Tx,
  actor: CustomerActor,
  user: UserRecord,
): Promise<ReturnType<typeof reject>> {
  const max = tx.deps.config.maxPasswordFailures;
  const r = await tx.store.users.recordFailure(user.id, 'password', max);
  if (r.locked) {
    tx.audit({
      actor,
      action: 'login.locked',
      outcome: 'failure',
      subject: user.id,
      detail: { failures: r.failures },
    });
    return reject('auth.locked');
  }
  tx.audit({
    actor,
    action: 'password.failure',
    outcome: 'failure',
    subject: user.id,
    detail: { failures: r.failures },
  });
  return reject('auth.invalid_credentials', 'wrong current password', {
    remainingAttempts: Math.max(0, max - r.failures),
  });
}
