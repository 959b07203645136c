import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../errors.ts';
import { type Yen, yen } from '../ledger/yen.ts';
import {
  checkLimits,
  type DayUsage,
  type LayerLimits,
  type LimitLayers,
  type LimitRefusalCode,
  type LimitSettingsCode,
  limitsForCounters,
  type TransferForLimits,
  type UsageToday,
  validateLimitSettings,
} from './policy.ts';

const L = (perTransfer: number, perDay: number, sub: number | null = null): LayerLimits => ({
  perTransfer: yen(perTransfer),
  perDay: yen(perDay),
  sameDayUnregisteredPerDay: sub === null ? null : yen(sub),
});
const U = (used = 0, sdu = 0): DayUsage => ({ used: yen(used), usedSameDayUnregistered: yen(sdu) });
const none: UsageToday = { contract: U(), user: U() };
const T = (amount: number, sameDay = false, unregisteredPayee = false): TransferForLimits => ({
  amount: yen(amount),
  sameDay,
  unregisteredPayee,
});

const layers: LimitLayers = {
  bank: L(10_000_000, 30_000_000, 5_000_000),
  contract: L(5_000_000, 10_000_000, 3_000_000),
  user: L(1_000_000, 2_000_000, null),
};

describe('M5: layered limits (bank ceiling, ご契約先限度額, per user; per transfer and per day)', () => {
  it('M5: a transfer within every layer passes, up to the limit itself', () => {
    expect(checkLimits(layers, none, T(1_000_000))).toEqual({ ok: true });
    expect(checkLimits(layers, { contract: U(1_000_000), user: U(1_000_000) }, T(1_000_000))).toEqual({
      ok: true,
    });
  });

  it("M5: the user's per-transfer limit refuses, naming the layer", () => {
    expect(checkLimits(layers, none, T(1_000_001))).toEqual({
      ok: false,
      code: 'limits.exceeded',
      details: { layer: 'user', kind: 'per_transfer', limit: 1_000_000, used: 0, remaining: 1_000_000 },
    });
  });

  it("M5: the contract's per-day limit counts every user's transfers", () => {
    const r = checkLimits(layers, { contract: U(9_500_000), user: U(0) }, T(600_000));
    expect(r).toEqual({
      ok: false,
      code: 'limits.exceeded',
      details: { layer: 'contract', kind: 'per_day', limit: 10_000_000, used: 9_500_000, remaining: 500_000 },
    });
  });

  it('M5: the bank ceiling binds when the administrator set no limits', () => {
    const r = checkLimits({ bank: L(100, 1_000) }, { contract: U(950), user: U() }, T(60));
    expect(r).toMatchObject({ ok: false, details: { layer: 'bank', kind: 'per_day', remaining: 50 } });
    expect(checkLimits({ bank: L(100, 1_000) }, none, T(101))).toMatchObject({
      details: { layer: 'bank', kind: 'per_transfer' },
    });
  });

  it('M5: of several limits broken, the refusal names the one with the least room', () => {
    const r = checkLimits(layers, { contract: U(9_900_000), user: U(1_500_000) }, T(1_200_000));
    expect(r).toMatchObject({
      ok: false,
      details: { layer: 'contract', kind: 'per_day', remaining: 100_000 },
    });
  });

  it('M5: the same-day sub-limit for unregistered payees binds only same-day transfers to them', () => {
    const usage = { contract: U(3_000_000, 2_900_000), user: U() };
    expect(checkLimits(layers, usage, T(200_000, true, true))).toEqual({
      ok: false,
      code: 'limits.same_day_unregistered_exceeded',
      details: {
        layer: 'contract',
        kind: 'same_day_unregistered_per_day',
        limit: 3_000_000,
        used: 2_900_000,
        remaining: 100_000,
      },
    });
    expect(checkLimits(layers, usage, T(200_000, false, true))).toEqual({ ok: true }); // scheduled
    expect(checkLimits(layers, usage, T(200_000, true, false))).toEqual({ ok: true }); // 事前登録
  });

  it('M5: an impossible amount or usage is a bug, not a refusal', () => {
    expect(() => checkLimits(layers, none, T(0))).toThrow(RangeError);
    expect(() => checkLimits(layers, none, { ...T(1), amount: 1.5 as Yen })).toThrow(RangeError);
    expect(() => checkLimits(layers, { contract: U(1, 2), user: U() }, T(1))).toThrow(RangeError);
  });

  it('M5: limitsForCounters gives each counter row the tightest daily limit of its layers', () => {
    expect(limitsForCounters(layers, T(100, true, true))).toEqual({
      contract: {
        add: 100,
        usedLimit: 10_000_000,
        addSameDayUnregistered: 100,
        sameDayUnregisteredLimit: 3_000_000,
      },
      user: { add: 100, usedLimit: 2_000_000, addSameDayUnregistered: 100, sameDayUnregisteredLimit: null },
    });
    expect(limitsForCounters({ bank: L(9, 50, 70) }, T(5))).toEqual({
      contract: { add: 5, usedLimit: 50, addSameDayUnregistered: 0, sameDayUnregisteredLimit: null },
      user: { add: 5, usedLimit: null, addSameDayUnregistered: 0, sameDayUnregisteredLimit: null },
    });
  });
});

it('M5: every code of the limits is an error code (errors.ts; its status: server problem.test.ts)', () => {
  const codes: (LimitRefusalCode | LimitSettingsCode)[] = [
    'limits.exceeded',
    'limits.same_day_unregistered_exceeded',
    'limits.invalid',
    'limits.above_ceiling',
    'limits.per_transfer_above_per_day',
    'limits.sub_limit_above_per_day',
  ];
  expect(codes.filter((c) => !isErrorCode(c))).toEqual([]);
});

describe('M5: what the administrator may set (ご契約先限度額変更, 利用者限度額)', () => {
  const ceiling = L(10_000_000, 30_000_000, 5_000_000);
  const P = (perTransfer: unknown, perDay: unknown, sameDayUnregisteredPerDay: unknown = null) => ({
    perTransfer,
    perDay,
    sameDayUnregisteredPerDay,
  });

  it('M5: limits within the ceiling are accepted, 0 included', () => {
    expect(validateLimitSettings(P(1_000, 2_000, 500), ceiling)).toEqual({
      ok: true,
      limits: L(1_000, 2_000, 500),
    });
    expect(validateLimitSettings(P(0, 0), ceiling)).toEqual({ ok: true, limits: L(0, 0) });
  });

  it.each([
    ['perTransfer', P(10_000_001, 20_000_000), 10_000_000],
    ['perDay', P(1, 30_000_001), 30_000_000],
    ['sameDayUnregisteredPerDay', P(1, 20_000_000, 5_000_001), 5_000_000],
  ] as const)('M5: a %s above the bank ceiling is limits.above_ceiling', (field, p, c) => {
    expect(validateLimitSettings(p, ceiling)).toEqual({
      ok: false,
      code: 'limits.above_ceiling',
      details: {
        field,
        value: field === 'perTransfer' ? p.perTransfer : field === 'perDay' ? p.perDay : 5_000_001,
        ceiling: c,
      },
    });
  });

  it("M5: without a bank sub-limit, the sub-limit's ceiling is the bank's per-day limit", () => {
    expect(validateLimitSettings(P(1, 100, 100), L(10, 100))).toMatchObject({ ok: true });
    expect(validateLimitSettings(P(1, 100, 101), L(10, 100))).toMatchObject({ code: 'limits.above_ceiling' });
  });

  it('M5: per transfer above per day, or a sub-limit above per day, is refused', () => {
    expect(validateLimitSettings(P(2_000, 1_000), ceiling)).toMatchObject({
      code: 'limits.per_transfer_above_per_day',
    });
    expect(validateLimitSettings(P(1_000, 1_000, 1_001), ceiling)).toMatchObject({
      code: 'limits.sub_limit_above_per_day',
    });
  });

  it.each([-1, 1.5, '1000', Number.NaN, undefined, 2 ** 53])('M5: %s is limits.invalid', (v) => {
    expect(validateLimitSettings(P(v, 1_000), ceiling)).toMatchObject({ code: 'limits.invalid' });
    expect(validateLimitSettings(P(1, v), ceiling)).toMatchObject({ code: 'limits.invalid' });
    const sub = { perTransfer: 1, perDay: 1_000, sameDayUnregisteredPerDay: v };
    expect(validateLimitSettings(sub, ceiling)).toMatchObject({ code: 'limits.invalid' });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random layers and random days of transfers by two users.

const amount = fc.integer({ min: 0, max: 20_000 });
const layer = fc
  .record({ perTransfer: amount, perDay: amount, sub: fc.option(amount) })
  .map(({ perTransfer, perDay, sub }) => L(perTransfer, perDay, sub));
const world = fc.record({
  bank: layer,
  contract: fc.option(layer),
  users: fc.tuple(fc.option(layer), fc.option(layer)),
});
const transfer = fc.record({
  user: fc.integer({ min: 0, max: 1 }),
  amount: fc.integer({ min: 1, max: 6_000 }),
  sameDay: fc.boolean(),
  unregisteredPayee: fc.boolean(),
});
const day = fc.array(transfer, { maxLength: 40, size: 'max' });

type Layered = { layer: LayerLimits | null | undefined; counter: DayUsage };

describe('M5: properties over random layers and random days of transfers', () => {
  it('M5: accepted running totals never exceed a per-day limit, nor one transfer a per-transfer limit', () => {
    fc.assert(
      fc.property(world, day, (w, transfers) => {
        const contract = U();
        const users = [U(), U()];
        for (const t of transfers) {
          const user = users[t.user]!;
          const ls: LimitLayers = { bank: w.bank, contract: w.contract, user: w.users[t.user] };
          const tr = T(t.amount, t.sameDay, t.unregisteredPayee);
          if (!checkLimits(ls, { contract, user }, tr).ok) continue;
          const sdu = t.sameDay && t.unregisteredPayee;
          for (const u of [contract, user]) {
            u.used = yen(u.used + t.amount);
            if (sdu) u.usedSameDayUnregistered = yen(u.usedSameDayUnregistered + t.amount);
          }
          const bound: Layered[] = [
            { layer: w.bank, counter: contract },
            { layer: w.contract, counter: contract },
            { layer: w.users[t.user], counter: user },
          ];
          for (const { layer: l, counter } of bound) {
            if (!l) continue;
            expect(t.amount).toBeLessThanOrEqual(l.perTransfer);
            expect(counter.used).toBeLessThanOrEqual(l.perDay);
            if (l.sameDayUnregisteredPerDay !== null)
              expect(counter.usedSameDayUnregistered).toBeLessThanOrEqual(l.sameDayUnregisteredPerDay);
          }
        }
      }),
    );
  });

  it('M5: the conditional counter updates accept exactly what checkLimits accepts per day', () => {
    fc.assert(
      fc.property(world, day, (w, transfers) => {
        const contract = U();
        const users = [U(), U()];
        for (const t of transfers) {
          const user = users[t.user]!;
          const ls: LimitLayers = { bank: w.bank, contract: w.contract, user: w.users[t.user] };
          const tr = T(t.amount, t.sameDay, t.unregisteredPayee);
          const check = checkLimits(ls, { contract, user }, tr);
          if (!check.ok && check.details.kind === 'per_transfer') continue;
          // The UPDATE … WHERE used + $add <= $usedLimit AND … of the module doc, on both rows.
          const c = limitsForCounters(ls, tr);
          const fits = (u: DayUsage, k: typeof c.contract) =>
            (k.usedLimit === null || u.used + k.add <= k.usedLimit) &&
            (k.sameDayUnregisteredLimit === null ||
              u.usedSameDayUnregistered + k.addSameDayUnregistered <= k.sameDayUnregisteredLimit);
          const updated = fits(contract, c.contract) && fits(user, c.user);
          expect(updated).toBe(check.ok);
          if (!updated) continue;
          for (const [u, k] of [
            [contract, c.contract],
            [user, c.user],
          ] as const) {
            u.used = yen(u.used + k.add);
            u.usedSameDayUnregistered = yen(u.usedSameDayUnregistered + k.addSameDayUnregistered);
          }
        }
      }),
    );
  });

  it("M5: a refusal's `remaining` is the largest amount every layer would accept now", () => {
    fc.assert(
      fc.property(world, transfer, amount, amount, (w, t, used, sdu) => {
        const usage = { contract: U(used + sdu, sdu), user: U(used, 0) };
        const ls: LimitLayers = { bank: w.bank, contract: w.contract, user: w.users[t.user] };
        const r = checkLimits(ls, usage, T(t.amount, t.sameDay, t.unregisteredPayee));
        if (r.ok) return;
        const { remaining } = r.details;
        expect(remaining).toBeLessThan(t.amount);
        if (remaining > 0)
          expect(checkLimits(ls, usage, T(remaining, t.sameDay, t.unregisteredPayee)).ok).toBe(true);
        expect(checkLimits(ls, usage, T(remaining + 1, t.sameDay, t.unregisteredPayee)).ok).toBe(false);
      }),
    );
  });
});
