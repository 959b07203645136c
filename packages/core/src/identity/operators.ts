import { KinkoError } from '../errors.ts';
import { type KinkoDeps, reject, runUseCase, type Tx } from '../use-case.ts';
import type { AnonymousActor, OperatorActor } from './actors.ts';
import { isUniqueViolation } from './errors.ts';
import { newId } from './ids.ts';
import { previousLoginAt, recordLogin } from './last-login.ts';
import { assertPassword, isSecretInput, normaliseName } from './policy.ts';
import { hashSecret, verifyAgainstDummy, verifySecret } from './secrets.ts';
import type { SessionInfo } from './sessions.ts';
import { openSession } from './sessions.ts';

export interface OperatorSummary {
  id: string;
  loginId: string;
  name: string;
}

/** The signed-in operator with 前回ログイン日時 (null: 初回ログイン), for the back office's home. */
export interface OperatorProfile extends OperatorSummary {
  previousLoginAt: number | null;
}

/** B1: back-office calls are for bank operators only, checked against the stored operator. */
export async function requireOperator(tx: Tx, actor: OperatorActor): Promise<OperatorSummary> {
  if (actor?.kind !== 'operator') throw new KinkoError('auth.forbidden', 'bank operators only');
  const operator = await tx.store.operators.get(actor.operatorId);
  if (!operator) throw new KinkoError('auth.required');
  if (operator.locked) throw new KinkoError('auth.locked');
  return { id: operator.id, loginId: operator.loginId, name: operator.name };
}

/** The signed-in operator, for the back office's header after a reload. */
export function operatorProfile(deps: KinkoDeps, actor: OperatorActor): Promise<OperatorProfile> {
  return runUseCase(deps, async (tx) => {
    const operator = await requireOperator(tx, actor);
    return { ...operator, previousLoginAt: await previousLoginAt(tx.store, 'bank', operator.id) };
  });
}

/**
 * B1/A4: operators log in to their own realm ('bank'), with the same lockout and equal-timing
 * rules as customers (see login.ts for why argon2 runs before the transaction).
 */
export async function operatorLogin(
  deps: KinkoDeps,
  actor: AnonymousActor,
  input: { loginId: string; password: string },
): Promise<{ session: SessionInfo; operator: OperatorProfile }> {
  const { loginId, password } = input ?? {};
  const known = typeof loginId === 'string' ? await deps.store.operators.getByLogin(loginId) : null;
  const secret = isSecretInput(password) ? password : '';
  let verified: { hash: string; ok: boolean } | null = null;
  if (!known) await verifyAgainstDummy(deps, secret);
  else if (!known.locked)
    verified = { hash: known.passwordHash, ok: await check(known.passwordHash, secret) };

  return runUseCase(deps, async (tx) => {
    const operator = known ? await tx.store.operators.get(known.id) : null;
    const realm = { realm: 'bank' };
    if (!operator) {
      tx.audit({
        actor,
        action: 'login.failure',
        outcome: 'failure',
        subject: typeof loginId === 'string' ? loginId.slice(0, 64) : null,
        detail: { ...realm, reason: 'unknown' },
      });
      return reject('auth.invalid_credentials', 'The login ID or password is not correct.');
    }
    if (operator.locked) {
      tx.audit({ actor, action: 'login.locked', outcome: 'failure', subject: operator.id, detail: realm });
      return reject('auth.locked');
    }
    const ok =
      verified && verified.hash === operator.passwordHash
        ? verified.ok
        : await check(operator.passwordHash, secret);
    if (!ok) {
      const max = deps.config.maxPasswordFailures;
      const r = await tx.store.operators.recordFailure(operator.id, max);
      const failure = { actor, outcome: 'failure' as const, subject: operator.id };
      if (r.locked) {
        tx.audit({ ...failure, action: 'login.locked', detail: { ...realm, failures: r.failures } });
        return reject('auth.locked');
      }
      tx.audit({
        ...failure,
        action: 'login.failure',
        detail: { ...realm, reason: 'password', failures: r.failures },
      });
      return reject('auth.invalid_credentials', 'The login ID or password is not correct.', {
        remainingAttempts: Math.max(0, max - r.failures),
      });
    }
    if (operator.passwordFailures > 0) await tx.store.operators.update(operator.id, { passwordFailures: 0 });
    const session = await openSession(tx, 'bank', operator.id, null);
    const previous = await recordLogin(tx, 'bank', operator.id);
    tx.audit({
      actor: { kind: 'operator', operatorId: operator.id, clientAddress: actor.clientAddress },
      action: 'login.success',
      subject: operator.id,
      detail: realm,
    });
    return {
      session,
      operator: {
        id: operator.id,
        loginId: operator.loginId,
        name: operator.name,
        previousLoginAt: previous,
      },
    };
  });
}

function check(hash: string, secret: string): Promise<boolean> {
  return secret === '' ? Promise.resolve(false) : verifySecret(hash, secret);
}

/** Operator login ids may carry '.', '_' and '-' (e.g. bank-admin). */
function assertOperatorLoginId(s: unknown): asserts s is string {
  if (typeof s !== 'string' || !/^[0-9A-Za-z._-]{1,30}$/.test(s)) {
    throw new KinkoError(
      'request.invalid',
      'operator login id must be 1–30 letters, digits, ".", "_" or "-"',
    );
  }
}

/** Creates a bank operator (the demo and the CLI set-up); audited as a system act. */
export async function createOperator(
  deps: KinkoDeps,
  input: { loginId: string; name: string; password: string },
): Promise<OperatorSummary> {
  assertOperatorLoginId(input.loginId);
  assertPassword(input.password);
  const name = normaliseName(input.name);
  const passwordHash = await hashSecret(deps, input.password);
  return runUseCase(deps, async (tx) => {
    const id = newId(deps.random);
    try {
      await tx.store.operators.insert({
        id,
        loginId: input.loginId,
        name,
        passwordHash,
        passwordFailures: 0,
        locked: false,
        createdAt: tx.now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new KinkoError('request.invalid', 'operator login id already in use');
      throw e;
    }
    tx.audit({ actor: { kind: 'system' }, action: 'operator.created', subject: id });
    return { id, loginId: input.loginId, name };
  });
}
