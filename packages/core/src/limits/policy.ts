/**
 * M5: layered transfer limits (限度額, DOMAIN §1.6). Pure: no storage, no clock.
 *
 * Three layers bind every transfer at once, each per transfer and per day:
 *   - bank      契約限度額: registered at the bank on the customer's written form; always present;
 *   - contract  ご契約先限度額: the administrator's own ceiling within the bank's (may be unset);
 *   - user      利用者限度額: the administrator's limits for one user (may be unset).
 * Each layer may also carry a daily sub-limit for same-day transfers to unregistered payees
 * (都度指定 on the value date itself; SMBC's ¥3M inside ¥10M, DOMAIN §1.6), so that a thief with
 * a stolen session cannot empty the day's limit to an account the customer never registered.
 * The bank and contract layers count the contract's usage; the user layer counts the user's.
 *
 * ATOMICITY CONTRACT (for the code that posts transfers). checkLimits alone is advisory: two
 * concurrent transfers may both read the same usage and both pass. The daily limits are enforced
 * by two counter rows per bank date, `(contract_id, day)` and `(user_id, day)`, each with the
 * columns `used` and `used_same_day_unregistered` (integer yen; the second is the part of the
 * first that went same-day to unregistered payees). In the transaction that accepts the
 * transfer (posts it, or books it as scheduled) and before the commit:
 *   1. Read the layers and call checkLimits with the usage read in the same transaction; a
 *      refusal is thrown as KinkoError(code, message, details). This also enforces the
 *      per-transfer limits, which need no counter.
 *   2. Ensure both rows exist (`INSERT … (used, used_same_day_unregistered) VALUES (0, 0)
 *      ON CONFLICT DO NOTHING`), then, with `c = limitsForCounters(layers, transfer)`, update
 *      the contract row FIRST and the user row SECOND (one lock order: no deadlocks):
 *        UPDATE <row> SET used = used + $add,
 *               used_same_day_unregistered = used_same_day_unregistered + $addSameDayUnregistered
 *         WHERE <key> = $key AND day = $day
 *           AND ($usedLimit IS NULL OR used + $add <= $usedLimit)
 *           AND ($sameDayUnregisteredLimit IS NULL
 *                OR used_same_day_unregistered + $addSameDayUnregistered <= $sameDayUnregisteredLimit)
 *      with the four values of c.contract, then of c.user. (A null limit may equally be left
 *      out of the WHERE; the row is still updated, so that a limit set later sees the usage.)
 *   3. If either UPDATE changes 0 rows, a concurrent transfer took the room: refuse by
 *      throwing, so that the whole transaction rolls back (the contract row's UPDATE too, and
 *      nothing is posted). For the details, re-read the usage and call checkLimits; if it now
 *      passes (the other transfer rolled back), the caller may retry once.
 * On PostgreSQL (READ COMMITTED) the UPDATE waits for the row lock and re-evaluates its WHERE
 * on the newest committed row, so the sum of committed transfers never exceeds the limit; under
 * a stricter isolation a serialization failure means retry. On SQLite the one writer does the same.
 * A counted transfer that is later cancelled, returned or failed gives its amounts back in the
 * transaction that cancels it: `SET used = used - $add, used_same_day_unregistered = … - $add…`
 * on the same rows and day. `day` is the bank date the caller counts by (e.g. the value date),
 * the same for reading usage, counting and giving back.
 */
import { type Yen, yen } from '../ledger/yen.ts';

type LimitLayerName = 'bank' | 'contract' | 'user';
type LimitKind = 'per_transfer' | 'per_day' | 'same_day_unregistered_per_day';

/** One layer's limits in integer yen. */
export interface LayerLimits {
  perTransfer: Yen;
  perDay: Yen;
  /** Daily sub-limit for same-day transfers to unregistered payees; null: only perDay binds. */
  sameDayUnregisteredPerDay: Yen | null;
}

export interface LimitLayers {
  /** 契約限度額, set by the bank: always present. */
  bank: LayerLimits;
  /** ご契約先限度額, set by the administrator within the bank's; absent or null: none set. */
  contract?: LayerLimits | null;
  /** 利用者限度額 of the user making the transfer; absent or null: none set. */
  user?: LayerLimits | null;
}

/** One counter row's usage for the day. `used` includes `usedSameDayUnregistered`. */
export interface DayUsage {
  used: Yen;
  usedSameDayUnregistered: Yen;
}

/** Usage already counted today: the contract's (bank and contract layers) and the user's. */
export interface UsageToday {
  contract: DayUsage;
  user: DayUsage;
}

export interface TransferForLimits {
  amount: Yen;
  /** The value date is today. */
  sameDay: boolean;
  /** 都度指定: neither 事前登録 nor the contract's own account (PayeeStanding 'paid_before' or 'first_time'). */
  unregisteredPayee: boolean;
}

export type LimitRefusalCode = 'limits.exceeded' | 'limits.same_day_unregistered_exceeded';

interface LimitRefusalDetails {
  layer: LimitLayerName;
  kind: LimitKind;
  limit: Yen;
  /** Counted today at this layer (0 for a per-transfer limit). */
  used: Yen;
  /** What this layer still allows: the largest amount every layer would accept now. */
  remaining: Yen;
}

export type LimitCheck = { ok: true } | { ok: false; code: LimitRefusalCode; details: LimitRefusalDetails };

/** What the conditional UPDATE of one counter row adds and must keep within (module doc). */
export interface CounterUpdate {
  add: Yen;
  /** The largest `used` may become; null: no limit on this row. */
  usedLimit: Yen | null;
  /** The amount for a same-day transfer to an unregistered payee, else 0. */
  addSameDayUnregistered: Yen;
  /** The largest `used_same_day_unregistered` may become; null: no condition. */
  sameDayUnregisteredLimit: Yen | null;
}

export interface CounterLimits {
  contract: CounterUpdate;
  user: CounterUpdate;
}

type Counter = keyof UsageToday;

interface Check {
  layer: LimitLayerName;
  kind: LimitKind;
  limit: Yen;
  /** null: per transfer, no counter. */
  counter: Counter | null;
}

const ORDER: readonly LimitLayerName[] = ['user', 'contract', 'bank'];

function counterOf(layer: LimitLayerName): Counter {
  return layer === 'user' ? 'user' : 'contract';
}

function isSameDayUnregistered(t: TransferForLimits): boolean {
  return t.sameDay && t.unregisteredPayee;
}

/** Every limit that binds this transfer, most specific layer first. The one source of truth. */
function checksFor(layers: LimitLayers, t: TransferForLimits): Check[] {
  const checks: Check[] = [];
  for (const layer of ORDER) {
    const l = layers[layer];
    if (!l) continue;
    const counter = counterOf(layer);
    checks.push({ layer, kind: 'per_transfer', limit: l.perTransfer, counter: null });
    checks.push({ layer, kind: 'per_day', limit: l.perDay, counter });
    if (isSameDayUnregistered(t) && l.sameDayUnregisteredPerDay !== null) {
      checks.push({
        layer,
        kind: 'same_day_unregistered_per_day',
        limit: l.sameDayUnregisteredPerDay,
        counter,
      });
    }
  }
  return checks;
}

function usedBy(check: Check, usage: UsageToday): Yen {
  if (check.counter === null) return yen(0);
  const u = usage[check.counter];
  return check.kind === 'same_day_unregistered_per_day' ? u.usedSameDayUnregistered : u.used;
}

function assertAmounts(usage: UsageToday, t: TransferForLimits): void {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0)
    throw new RangeError(`checkLimits: amount ${String(t.amount)} is not a positive integer`);
  for (const c of ['contract', 'user'] as const) {
    const u = usage[c];
    if (
      !Number.isSafeInteger(u.used) ||
      !Number.isSafeInteger(u.usedSameDayUnregistered) ||
      u.usedSameDayUnregistered < 0 ||
      u.used < u.usedSameDayUnregistered
    )
      throw new RangeError(`checkLimits: ${c} usage is not 0 <= sameDayUnregistered <= used`);
  }
}

/**
 * M5: may this transfer go, given today's usage? A refusal names the binding layer: of all the
 * limits the transfer breaks, the one with the least room (most specific layer on a tie), so that
 * `remaining` is the largest amount the customer could send instead.
 */
export function checkLimits(layers: LimitLayers, usage: UsageToday, transfer: TransferForLimits): LimitCheck {
  assertAmounts(usage, transfer);
  let worst: LimitRefusalDetails | null = null;
  for (const check of checksFor(layers, transfer)) {
    const used = usedBy(check, usage);
    if (used + transfer.amount <= check.limit) continue;
    const remaining = yen(Math.max(0, check.limit - used));
    if (worst === null || remaining < worst.remaining) {
      worst = { layer: check.layer, kind: check.kind, limit: check.limit, used, remaining };
    }
  }
  if (worst === null) return { ok: true };
  const code: LimitRefusalCode =
    worst.kind === 'same_day_unregistered_per_day'
      ? 'limits.same_day_unregistered_exceeded'
      : 'limits.exceeded';
  return { ok: false, code, details: worst };
}

function minLimit(a: Yen | null, b: Yen): Yen {
  return a === null || b < a ? b : a;
}

/**
 * M5: for each counter row, what the conditional UPDATE adds and the limit it must enforce (the
 * tightest of the layers counted on that row). The per-transfer limits are checkLimits' job.
 */
export function limitsForCounters(layers: LimitLayers, transfer: TransferForLimits): CounterLimits {
  const sdu = isSameDayUnregistered(transfer);
  const update = (): CounterUpdate => ({
    add: transfer.amount,
    usedLimit: null,
    addSameDayUnregistered: sdu ? transfer.amount : yen(0),
    sameDayUnregisteredLimit: null,
  });
  const out: CounterLimits = { contract: update(), user: update() };
  for (const check of checksFor(layers, transfer)) {
    if (check.counter === null) continue;
    const row = out[check.counter];
    if (check.kind === 'per_day') row.usedLimit = minLimit(row.usedLimit, check.limit);
    else row.sameDayUnregisteredLimit = minLimit(row.sameDayUnregisteredLimit, check.limit);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Settings: what the administrator may set (ご契約先限度額変更, 利用者情報登録/変更).

/** Limits as the administrator typed them, not yet validated. */
export interface ProposedLimits {
  perTransfer: unknown;
  perDay: unknown;
  sameDayUnregisteredPerDay: unknown;
}

export type LimitSettingsCode =
  | 'limits.invalid'
  | 'limits.above_ceiling'
  | 'limits.per_transfer_above_per_day'
  | 'limits.sub_limit_above_per_day';

type LimitField = keyof LayerLimits;

export type LimitSettingsCheck =
  | { ok: true; limits: LayerLimits }
  | { ok: false; code: LimitSettingsCode; details: { field: LimitField; value: unknown; ceiling?: Yen } };

function isAmount(v: unknown): v is Yen {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

/**
 * M5: a contract or user limit the administrator proposes. Integers ≥ 0 (0 blocks the kind of
 * transfer); within the bank's ceiling field by field (a sub-limit within the bank's sub-limit,
 * or its per-day limit when the bank sets none); per transfer ≤ per day; sub-limit ≤ per day.
 */
export function validateLimitSettings(
  proposed: ProposedLimits,
  bankCeiling: LayerLimits,
): LimitSettingsCheck {
  const { perTransfer, perDay, sameDayUnregisteredPerDay: sub } = proposed;
  const refuse = (code: LimitSettingsCode, field: LimitField, value: unknown, ceiling?: Yen) =>
    ({
      ok: false,
      code,
      details: ceiling === undefined ? { field, value } : { field, value, ceiling },
    }) as const;
  if (!isAmount(perTransfer)) return refuse('limits.invalid', 'perTransfer', perTransfer);
  if (!isAmount(perDay)) return refuse('limits.invalid', 'perDay', perDay);
  if (sub !== null && !isAmount(sub)) return refuse('limits.invalid', 'sameDayUnregisteredPerDay', sub);
  if (perTransfer > bankCeiling.perTransfer)
    return refuse('limits.above_ceiling', 'perTransfer', perTransfer, bankCeiling.perTransfer);
  if (perDay > bankCeiling.perDay)
    return refuse('limits.above_ceiling', 'perDay', perDay, bankCeiling.perDay);
  const subCeiling = bankCeiling.sameDayUnregisteredPerDay ?? bankCeiling.perDay;
  if (sub !== null && sub > subCeiling)
    return refuse('limits.above_ceiling', 'sameDayUnregisteredPerDay', sub, subCeiling);
  if (perTransfer > perDay)
    return refuse('limits.per_transfer_above_per_day', 'perTransfer', perTransfer, perDay);
  if (sub !== null && sub > perDay)
    return refuse('limits.sub_limit_above_per_day', 'sameDayUnregisteredPerDay', sub, perDay);
  return { ok: true, limits: { perTransfer, perDay, sameDayUnregisteredPerDay: sub } };
}
