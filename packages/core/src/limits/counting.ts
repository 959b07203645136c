/**
 * M5 in the store: the layers read for one transfer, and the atomic counting of
 * limit-policy.ts's contract (its module doc) in the transaction that accepts the transfer.
 */

import { KinkoError } from '../errors.ts';
import type { Actor } from '../identity/actors.ts';
import { type Yen, yen } from '../ledger/yen.ts';
import type { LimitScope, TransferRecord } from '../ports.ts';
import { Rejection, type Tx } from '../use-case.ts';
import {
  type CounterUpdate,
  checkLimits,
  type LayerLimits,
  type LimitLayers,
  limitsForCounters,
  type TransferForLimits,
  type UsageToday,
} from './policy.ts';

/** 契約限度額: the operator's for this contract, else the bank's configured default. */
export async function bankCeiling(tx: Tx, contractId: string): Promise<LayerLimits> {
  return bankLayer(tx, await tx.store.limits.get('bank', contractId));
}

function bankLayer(tx: Tx, set: LayerLimits | null): LayerLimits {
  if (set) return set;
  const d = tx.deps.config.bankLimitCeiling;
  const sub = d.sameDayUnregisteredPerDay;
  return {
    perTransfer: yen(d.perTransfer),
    perDay: yen(d.perDay),
    sameDayUnregisteredPerDay: sub === null ? null : yen(sub),
  };
}

async function loadLayers(tx: Tx, contractId: string, userId: string): Promise<LimitLayers> {
  const set = await tx.store.limits.layers(contractId, userId);
  return { bank: bankLayer(tx, set.bank), contract: set.contract, user: set.user };
}

/** The transfer as the limits see it. M5: 都度指定 is neither 事前登録 nor the contract's own account. */
function forLimits(t: TransferRecord, today: string): TransferForLimits {
  return {
    amount: t.amount,
    sameDay: t.valueDate === today,
    unregisteredPayee: t.standing === 'paid_before' || t.standing === 'first_time',
  };
}

async function usageOf(tx: Tx, t: TransferRecord): Promise<UsageToday> {
  // The day counted is the value date (limit-policy.ts: the same for reading, counting, giving back).
  return tx.store.limits.usagePair(t.contractId, t.userId, t.valueDate);
}

/** Step 1 of the contract: refuse with the binding layer's details, or return the layers read. */
async function check(tx: Tx, t: TransferRecord, today: string): Promise<LimitLayers> {
  const layers = await loadLayers(tx, t.contractId, t.userId);
  const result = checkLimits(layers, await usageOf(tx, t), forLimits(t, today));
  if (!result.ok) {
    throw new KinkoError(result.code, refusalMessage(result.details.remaining), { ...result.details });
  }
  return layers;
}

function refusalMessage(remaining: Yen): string {
  return `This transfer exceeds a transfer limit; at most ¥${remaining.toLocaleString('en-US')} can be sent now.`;
}

/**
 * Advisory (before the OTP is consumed, so that a transfer that cannot go does not cost the
 * user a one-time password): the per-transfer limits and today's usage as read now. A refusal
 * is returned as a Rejection with its audit record (L1: the refused attempt is on the record;
 * runUseCase commits the record, nothing else, and throws the refusal).
 */
export async function precheckLimits(
  tx: Tx,
  actor: Actor,
  t: TransferRecord,
  today: string,
  stage: 'enter' | 'confirm',
): Promise<Rejection | null> {
  const result = checkLimits(
    await loadLayers(tx, t.contractId, t.userId),
    await usageOf(tx, t),
    forLimits(t, today),
  );
  if (result.ok) return null;
  const details = { ...result.details };
  tx.audit({
    actor,
    action: 'transfer.limit_refused',
    outcome: 'failure',
    subject: t.id,
    detail: { stage, code: result.code, amount: t.amount, valueDate: t.valueDate, ...details },
  });
  return new Rejection(new KinkoError(result.code, refusalMessage(result.details.remaining), details));
}

/**
 * M5, exact: counts the transfer on the contract row FIRST and the user row SECOND (one lock
 * order, no deadlocks), each with one conditional UPDATE. A row that would go over means a
 * concurrent transfer took the room: the usage is read again and the refusal thrown, which
 * rolls back the whole transaction. If the re-read passes (the other transfer rolled back),
 * the row is tried once more, as the contract allows.
 */
export async function countTransfer(tx: Tx, t: TransferRecord, today: string): Promise<void> {
  const layers = await check(tx, t, today);
  const counters = limitsForCounters(layers, forLimits(t, today));
  const rows: [LimitScope, string, CounterUpdate][] = [
    ['contract', t.contractId, counters.contract],
    ['user', t.userId, counters.user],
  ];
  for (const [scope, owner, c] of rows) {
    if (await tx.store.limits.count(scope, owner, t.valueDate, c)) continue;
    await check(tx, t, today);
    if (await tx.store.limits.count(scope, owner, t.valueDate, c)) continue;
    throw new KinkoError('limits.exceeded', 'A concurrent transfer used the remaining limit.', {
      layer: scope,
      kind: 'per_day',
    });
  }
}

/**
 * M5: a counted scheduled transfer that is cancelled or fails gives its amount back, in the
 * transaction that cancels it. A scheduled transfer was counted with its value date after the
 * day it was confirmed, so never as same-day (forLimits), and gives back no sub-limit usage.
 */
export async function giveBack(tx: Tx, t: TransferRecord): Promise<void> {
  const none = yen(0);
  await tx.store.limits.giveBack('contract', t.contractId, t.valueDate, t.amount, none);
  await tx.store.limits.giveBack('user', t.userId, t.valueDate, t.amount, none);
}
