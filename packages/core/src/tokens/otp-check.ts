import type { Actor, CustomerActor } from '../identity/actors.ts';
import { TotpVerifier } from '../otp/index.ts';
import type { TokenRecord, UserRecord } from '../ports.ts';
import type { Rejection, Tx } from '../use-case.ts';
import { reject } from '../use-case.ts';
import { recordReplayAlert } from './replay-alerts.ts';
import { suspendedBy } from './suspension.ts';

export type OtpCheck =
  | { kind: 'ok'; step: number }
  | { kind: 'replayed'; step: number }
  | { kind: 'invalid' };

/**
 * T1–T3: checks a code against a token and, when it is good, consumes its step. The verifier
 * only reads the lastStep this transaction saw; the conditional UPDATE in consumeStep is the
 * real one-time check (T2), exact across processes: losing it means another request (another
 * user of a shared token, R3, or another server) won this step, so the code is a replay.
 */
export async function checkOtp(tx: Tx, token: TokenRecord, otp: string): Promise<OtpCheck> {
  const { config, kek } = tx.deps;
  const seed = kek.open(token.seedCiphertext, `seed:${token.id}`);
  try {
    // A bank may lower maxDrift: the matcher bounds the recorded drift by today's (window-match.ts).
    const v = new TotpVerifier(seed).verify(otp, tx.now, {
      window: config.otpWindow,
      lastStep: token.lastStep,
      drift: token.drift,
      maxDrift: config.maxDrift,
    });
    if (v.kind !== 'ok') return v;
    if (!(await tx.store.tokens.consumeStep(token.id, v.step, v.drift)))
      return { kind: 'replayed', step: v.step };
    return { kind: 'ok', step: v.step };
  } finally {
    seed.fill(0);
  }
}

/**
 * T2: a reused code is refused and audited, and an alert for the holder and the administrator
 * is written in the same transaction (replay-alerts.ts); it is not a typo, so it does not count
 * towards 利用中止.
 */
export async function otpReplayed(
  tx: Tx,
  actor: CustomerActor,
  token: TokenRecord,
  step: number,
  purpose: string,
): Promise<Rejection> {
  tx.audit({
    actor,
    action: 'otp.replayed',
    outcome: 'failure',
    subject: token.serial,
    detail: { step, purpose },
  });
  await recordReplayAlert(tx, actor, token, purpose);
  return reject('otp.replayed', 'this one-time password has already been used');
}

/**
 * A2: a wrong code counts against the user who typed it (never against the token: with a shared
 * token one user's typos never suspend another, R3); reaching the limit is 利用中止.
 */
export async function otpFailed(
  tx: Tx,
  actor: Actor,
  user: UserRecord,
  token: TokenRecord,
  purpose: string,
): Promise<Rejection> {
  const max = tx.deps.config.maxOtpFailures;
  const r = await tx.store.users.recordFailure(user.id, 'otp', max);
  tx.audit({
    actor,
    action: 'otp.invalid',
    outcome: 'failure',
    subject: token.serial,
    detail: { userId: user.id, failures: r.failures, purpose },
  });
  if (r.locked) {
    return suspendedBy(
      tx,
      actor,
      user,
      'otp',
      'too many wrong one-time passwords: ask your administrator (A2)',
    );
  }
  return reject('otp.invalid', 'wrong one-time password', {
    remainingAttempts: Math.max(0, max - r.failures),
  });
}
