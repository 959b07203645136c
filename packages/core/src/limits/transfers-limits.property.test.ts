/**
 * M5 as a property: the transfer operations of test-transfer-ops.ts under tight contract and user
 * limits set through the settings use cases; after every sequence no value date's transfers
 * exceed a daily limit, no transfer exceeds a per-transfer limit, and the usage counters are
 * exactly what was counted.
 */

import { op, openTransferBank, pins, run, type TransferBank, testBackends } from '@kinko/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jstDate } from '../calendar/index.ts';
import { verifyLedger } from '../ledger/verify.ts';
import type { LimitSettingsRecord } from '../ports.ts';

describe.each(testBackends())('M5: transfer limits property on $name', (backend) => {
  it('M5: random transfer sequences never exceed a configured limit', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 15 }), async (ops) => {
        const tb = await openTransferBank(backend);
        try {
          const limits = await setTightLimits(tb);
          const entered = await run(tb, ops, { limited: true });
          await checkLimitsHeld(tb, entered, limits);
        } finally {
          await tb.bank.cleanup();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

/** Tight limits, so that the random amounts (mostly up to ¥300,000) often meet them. */
const limit = (perTransfer: number, perDay: number, sameDayUnregisteredPerDay: number) => ({
  perTransfer,
  perDay,
  sameDayUnregisteredPerDay,
});

/** Configured limits per owner: contract id → ご契約先限度額, user id → 利用者限度額 (M5). */
interface ConfiguredLimits {
  contract: Map<string, LimitSettingsRecord>;
  user: Map<string, LimitSettingsRecord>;
}

/**
 * M5 through the administrators' use case (ご契約先限度額変更, 利用者限度額): on the token
 * contract the user's limits bind inside the contract's; on the ID・パスワード方式 contract only
 * the contract's are set, so that the contract layer binds there.
 */
async function setTightLimits(tb: TransferBank): Promise<ConfiguredLimits> {
  const kinko = tb.bank.kinko;
  const tokenContract = await kinko.setLimits(tb.bank.admin, {
    contractPin: pins.contract,
    contract: limit(250_000, 500_000, 150_000),
    users: [{ userId: tb.user.userId, limits: limit(200_000, 400_000, 100_000) }],
  });
  const idpContract = await kinko.setLimits(tb.idp.actor, {
    contractPin: pins.contract,
    contract: limit(150_000, 300_000, 80_000),
  });
  const configured: ConfiguredLimits = { contract: new Map(), user: new Map() };
  for (const [actor, view] of [
    [tb.user, tokenContract],
    [tb.idp.actor, idpContract],
  ] as const) {
    if (!view.contract) throw new Error('contract limits not set');
    configured.contract.set(actor.contractId, view.contract);
    for (const u of view.users) if (u.limits) configured.user.set(u.userId, u.limits);
  }
  expect(configured.user.get(tb.user.userId)).toEqual(limit(200_000, 400_000, 100_000));
  expect(configured.contract.get(tb.idp.actor.contractId)).toEqual(limit(150_000, 300_000, 80_000));
  return configured;
}

/**
 * The M5 invariants after a sequence: per value date, the transfers that count (completed or
 * scheduled; cancelled and failed ones gave their amount back) stay within every daily limit of
 * their contract and user, the same-day ones to unregistered payees within the sub-limits, each
 * within the per-transfer limits, and the usage counters hold exactly these sums.
 */
async function checkLimitsHeld(tb: TransferBank, entered: string[], configured: ConfiguredLimits) {
  const store = tb.bank.store;
  const report = await verifyLedger(store);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);

  type Sums = { used: number; usedSameDayUnregistered: number };
  const sums = { contract: new Map<string, Sums>(), user: new Map<string, Sums>() };
  const add = (scope: 'contract' | 'user', owner: string, date: string, amt: number, sdu: boolean) => {
    const key = `${owner}|${date}`;
    const s = sums[scope].get(key) ?? { used: 0, usedSameDayUnregistered: 0 };
    s.used += amt;
    if (sdu) s.usedSameDayUnregistered += amt;
    sums[scope].set(key, s);
  };
  for (const id of entered) {
    const t = await store.transfers.get(id);
    if (!t) throw new Error(`transfer ${id} is missing`);
    // Every value date any transfer named is checked, counted or not (a counter given back is 0).
    add('contract', t.contractId, t.valueDate, 0, false);
    add('user', t.userId, t.valueDate, 0, false);
    if (t.status !== 'completed' && t.status !== 'scheduled') continue;
    const contractLimits = configured.contract.get(t.contractId);
    const userLimits = configured.user.get(t.userId);
    expect(t.amount, `${id} per transfer`).toBeLessThanOrEqual(contractLimits?.perTransfer ?? Infinity);
    expect(t.amount, `${id} per transfer`).toBeLessThanOrEqual(userLimits?.perTransfer ?? Infinity);
    // Counted as same-day to an unregistered payee when confirmed on its value date (limits.ts).
    const confirmedOn = t.confirmedAt === null ? null : jstDate(t.confirmedAt);
    const unregistered = t.standing === 'paid_before' || t.standing === 'first_time';
    const sdu = confirmedOn === t.valueDate && unregistered;
    add('contract', t.contractId, t.valueDate, t.amount, sdu);
    add('user', t.userId, t.valueDate, t.amount, sdu);
  }
  for (const scope of ['contract', 'user'] as const) {
    for (const [key, s] of sums[scope]) {
      const [owner = '', date = ''] = key.split('|');
      expect(await store.limits.usage(scope, owner, date), `${scope} ${key}`).toEqual(s);
      const l = configured[scope].get(owner);
      if (!l) continue;
      expect(s.used, `${scope} ${key} per day`).toBeLessThanOrEqual(l.perDay);
      expect(s.usedSameDayUnregistered, `${scope} ${key} sub-limit`).toBeLessThanOrEqual(
        l.sameDayUnregisteredPerDay ?? l.perDay,
      );
    }
  }
  // The contract layers were set on both contracts, the user layer on the token user.
  expect(configured.contract.size).toBe(2);
  expect(configured.user.has(tb.user.userId)).toBe(true);
}

/**
 * Runs one sequence and returns the ids of every transfer entered. `limited`: tight M5 limits
 * are set, so an entry may be refused by them too (enter.ts checks them in advance).
 */
