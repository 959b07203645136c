import { timingSafeEqual } from 'node:crypto';
import { KinkoError } from '../errors.ts';
import type { CustomerActor } from '../identity/actors.ts';
import { requireAdminOver } from '../identity/authz.ts';
import { checkContractPin } from '../identity/contract-pin.ts';
import { randomDigits } from '../identity/ids.ts';
import { verifySecret } from '../identity/secrets.ts';
import type { Kek, Random, UserRecord } from '../ports.ts';
import { type KinkoDeps, type Rejection, reject, runUseCase, type Tx } from '../use-case.ts';
import { isActive, loadEffectiveToken } from './effective.ts';
import { type CardPosition, cardPositions, type StepUpResult } from './proof.ts';
import { suspendedBy } from './suspension.ts';

type Card = Record<CardPosition, string>;

/**
 * 利用者ワンタイムパスワード: the legacy card of eight 2-digit values at ア～ク, issued by the
 * administrator and shown once. Sealed under the KEK bound to the user (`card:<userId>`).
 * R4: pointless, and refused, once the user's token is active.
 */
export function issueCard(
  deps: KinkoDeps,
  actor: CustomerActor,
  userId: string,
  input: { contractPin: string },
): Promise<Card> {
  return runUseCase(deps, async (tx) => {
    const { contract, target } = await requireAdminOver(tx, actor, userId);
    if (isActive(await loadEffectiveToken(tx.store, contract, target))) {
      throw new KinkoError('card.replaced_by_token', 'the user authenticates with the token (R4)');
    }
    const pinFailure = await checkContractPin(tx, actor, contract, input?.contractPin);
    if (pinFailure) return pinFailure;
    const digits = randomDigits(deps.random, cardPositions.length * 2);
    const plain = Buffer.from(digits, 'ascii');
    const cardCiphertext = deps.kek.seal(plain, `card:${target.id}`);
    plain.fill(0);
    await tx.store.users.update(target.id, { cardCiphertext, cardChallenge: null });
    tx.audit({ actor, action: 'card.issued', subject: target.id });
    const card = {} as Card;
    cardPositions.forEach((p, i) => {
      card[p] = digits.slice(i * 2, i * 2 + 2);
    });
    return card;
  });
}

/** Eight positions: a byte modulo 8 is uniform, 256 being a multiple of 8. */
export function pickCardPosition(random: Random): CardPosition {
  const [b = 0] = random.bytes(1);
  return cardPositions[b % cardPositions.length] as CardPosition;
}

/** M2: the legacy method needs both a card and a confirmation PIN. */
export function assertLegacyReady(user: UserRecord): void {
  if (user.cardCiphertext === null) throw new KinkoError('card.not_issued');
  if (user.confirmPinHash === null) throw new KinkoError('pin.not_set', 'no confirmation PIN has been set');
}

type LegacyProof = { confirmPin: string; cardPosition: CardPosition; cardValue: string };

function isLegacyProof(p: object): p is LegacyProof {
  const q = p as Partial<LegacyProof>;
  return (
    typeof q.confirmPin === 'string' && typeof q.cardPosition === 'string' && typeof q.cardValue === 'string'
  );
}

/**
 * M2 before the token (R4): confirmation PIN plus the card value at the position the last
 * challenge asked for. The challenge is used once, right or wrong. Wrong PIN or card value
 * counts on the user's confirm_pin counter, which also ends in 利用中止 (A2, A4).
 */
export async function legacyStepUp(
  tx: Tx,
  actor: CustomerActor,
  user: UserRecord,
  proof: object,
  purpose: string,
): Promise<StepUpResult | Rejection> {
  if (!isLegacyProof(proof))
    throw new KinkoError('request.invalid', 'confirmPin, cardPosition and cardValue required');
  assertLegacyReady(user);
  const asked = user.cardChallenge;
  // The challenge is used once, right or wrong, and by one answer only: of concurrent answers
  // (several requests, several processes) exactly one wins the conditional update; the others
  // find it gone and neither pass nor count (a wrong answer counts once).
  const won = asked !== null && (await tx.store.users.consumeCardChallenge(user.id, asked));
  if (!won) return reject('card.invalid', 'this card challenge was already answered: ask for a new one');
  if (asked !== proof.cardPosition) {
    return reject('card.invalid', `answer the card position that was asked for (${asked})`);
  }
  const pinOk = user.confirmPinHash !== null && (await verifySecret(user.confirmPinHash, proof.confirmPin));
  const cardOk = cardValueMatches(tx.deps.kek, user, asked, proof.cardValue);
  if (!pinOk || !cardOk) {
    const max = tx.deps.config.maxPinFailures;
    const r = await tx.store.users.recordFailure(user.id, 'confirm_pin', max);
    const reason = pinOk ? 'card' : 'pin';
    tx.audit({
      actor,
      action: 'legacy.failure',
      outcome: 'failure',
      subject: user.id,
      detail: { reason, failures: r.failures, purpose },
    });
    if (r.locked) {
      return suspendedBy(
        tx,
        actor,
        user,
        'confirm_pin',
        'too many wrong confirmations: ask your administrator (A2)',
      );
    }
    const details = { remainingAttempts: Math.max(0, max - r.failures) };
    return pinOk
      ? reject('card.invalid', 'wrong card value', details)
      : reject('pin.invalid', 'wrong confirmation PIN', details);
  }
  await tx.store.users.resetFailures(user.id, 'confirm_pin');
  tx.audit({ actor, action: 'legacy.accepted', subject: user.id, detail: { purpose, cardPosition: asked } });
  return { method: 'legacy' };
}

/** Compared in constant time (crypto.timingSafeEqual) so timing does not leak the digits. */
function cardValueMatches(kek: Kek, user: UserRecord, position: string, value: string): boolean {
  const index = cardPositions.indexOf(position as CardPosition);
  if (user.cardCiphertext === null || index < 0 || !/^\d{2}$/.test(value)) return false;
  const opened = kek.open(user.cardCiphertext, `card:${user.id}`);
  const plain = Buffer.from(opened.buffer, opened.byteOffset, opened.byteLength); // a view, zeroed below
  try {
    return timingSafeEqual(plain.subarray(index * 2, index * 2 + 2), Buffer.from(value, 'ascii'));
  } finally {
    plain.fill(0);
  }
}
