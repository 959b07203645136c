import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { type CustomerContext, requireCustomer } from '../identity/authz.ts';
import { isOtpFormat } from '../otp/index.ts';
import type { TokenRecord, UserRecord } from '../ports.ts';
import { type KinkoDeps, type Rejection, runUseCase, type Tx } from '../use-case.ts';
import { isActive, loadEffectiveToken } from './effective.ts';
import { assertLegacyReady, legacyStepUp, pickCardPosition } from './legacy-card.ts';
import { checkOtp, otpFailed, otpReplayed } from './otp-check.ts';
import type { CardPosition, StepUpProof, StepUpResult } from './proof.ts';
import { requireProof } from './proof.ts';

/**
 * Step-up: the ONE transaction authentication that transfers, files and bills call (M2, F1, C1).
 * Once the user's token is active (R4) it is the OTP; before that, the 利用者確認暗証番号 and one
 * position of the legacy card asked for by stepUpChallenge.
 */
export type StepUpChallenge = { method: 'otp' } | { method: 'legacy'; cardPosition: CardPosition };

export function stepUpChallenge(deps: KinkoDeps, actor: CustomerActor): Promise<StepUpChallenge> {
  return runUseCase(deps, async (tx) => stepUpChallengeIn(tx, await requireCustomer(tx, actor)));
}

/**
 * The challenge inside a use case's own transaction, for operations that name the proof they
 * will need in their first step (a transfer's entry, M3).
 */
export async function stepUpChallengeIn(tx: Tx, ctx: CustomerContext): Promise<StepUpChallenge> {
  const { user, contract } = ctx;
  if (user.suspended) throw suspended();
  if (isActive(await loadEffectiveToken(tx.store, contract, user))) return { method: 'otp' };
  assertLegacyReady(user);
  // M2: one position per transaction, remembered so the answer is for the position asked.
  const cardPosition = pickCardPosition(tx.deps.random);
  await tx.store.users.update(user.id, { cardChallenge: cardPosition });
  return { method: 'legacy', cardPosition };
}

export function stepUp(
  deps: KinkoDeps,
  actor: CustomerActor,
  proof: StepUpProof,
  purpose: string,
): Promise<StepUpResult> {
  const why = normalisePurpose(purpose);
  return runUseCase(deps, (tx) => stepUpIn(tx, actor, proof, why));
}

/**
 * The step-up inside the caller's transaction, so that the proof and what it authorises commit
 * together (a transfer's confirmation consumes the OTP step and posts in one transaction, M3).
 * A refused proof comes back as a Rejection, which the caller returns so that the failure count
 * and its audit record commit (A2, L1) while nothing else does.
 */
export async function stepUpIn(
  tx: Tx,
  actor: CustomerActor,
  proof: StepUpProof | undefined,
  purpose: string,
): Promise<StepUpResult | Rejection> {
  const why = normalisePurpose(purpose);
  requireProof(proof);
  const { user, contract } = await requireCustomer(tx, actor);
  // A2: a suspended user is refused before any secret is looked at.
  if (user.suspended) throw suspended();
  const token = await loadEffectiveToken(tx.store, contract, user);
  if (isActive(token)) return otpStepUp(tx, actor, user, token, proof, why);
  if ('otp' in proof) throw new KinkoError('otp.token_not_active');
  return legacyStepUp(tx, actor, user, proof, why);
}

async function otpStepUp(
  tx: Tx,
  actor: CustomerActor,
  user: UserRecord,
  token: TokenRecord,
  proof: StepUpProof,
  purpose: string,
): Promise<StepUpResult | Rejection> {
  // R4: once the token is active the card is no longer accepted.
  if (!('otp' in proof)) throw new KinkoError('card.replaced_by_token');
  // A mistyped shape is not a guess of the code: refused without counting.
  if (typeof proof.otp !== 'string' || !isOtpFormat(proof.otp))
    throw new KinkoError(
      'otp.malformed',
      'A one-time password is exactly 6 digits (0–9), as the token shows it (full-width digits, spaces and hyphens are read as typed); no letters or other characters.',
    );
  const check = await checkOtp(tx, token, proof.otp);
  if (check.kind === 'replayed') return otpReplayed(tx, actor, token, check.step, purpose);
  if (check.kind === 'invalid') return otpFailed(tx, actor, user, token, purpose);
  // A2 counts consecutive failures: a good code starts the count again. The user as read in
  // this transaction: a failure another request commits meanwhile is then ordered after this
  // success and still counts, as it would if it had come a moment later.
  if (user.otpFailures > 0) await tx.store.users.resetFailures(user.id, 'otp');
  tx.audit({ actor, action: 'otp.accepted', subject: token.serial, detail: { purpose, step: check.step } });
  return { method: 'otp', step: check.step };
}

function suspended(): KinkoError {
  return new KinkoError('otp.user_suspended', 'this user is suspended (利用中止): ask your administrator');
}

/** What the step-up authorises, for the audit record: a short machine word. */
function normalisePurpose(purpose: unknown): string {
  if (purpose === undefined || purpose === null || purpose === '') return 'unspecified';
  if (typeof purpose !== 'string' || !/^[A-Za-z0-9._:-]{1,64}$/.test(purpose)) {
    throw new KinkoError('request.invalid', 'purpose must be 1–64 letters, digits or . _ : -');
  }
  return purpose;
}
