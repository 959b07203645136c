import type { Yen } from '../ledger/yen.ts';

// --- limits and privileges (M5)

/** Whose limits a settings row holds: the bank's ceiling and the administrator's (per contract), a user's. */
type LimitLayerRecord = 'bank' | 'contract' | 'user';

/** One layer's limits in integer yen (the same shape as limit-policy.ts's LayerLimits). */
export interface LimitSettingsRecord {
  perTransfer: Yen;
  perDay: Yen;
  sameDayUnregisteredPerDay: Yen | null;
}

/** A daily usage counter: the contract's (bank and contract layers) or the user's. */
export type LimitScope = 'contract' | 'user';

interface LimitUsageRecord {
  used: Yen;
  usedSameDayUnregistered: Yen;
}

/** The conditional UPDATE of one counter row (limit-policy.ts, CounterUpdate). */
export interface LimitCount {
  add: Yen;
  usedLimit: Yen | null;
  addSameDayUnregistered: Yen;
  sameDayUnregisteredLimit: Yen | null;
}

// --- Store sections

export interface LimitsStore {
  get(layer: LimitLayerRecord, ownerId: string): Promise<LimitSettingsRecord | null>;
  /** Upsert; null removes the row (no limit set at this layer). */
  put(
    layer: LimitLayerRecord,
    ownerId: string,
    limits: LimitSettingsRecord | null,
    at: number,
  ): Promise<void>;
  /** The user layers of many users at once (the administrator's screen). */
  listUsers(userIds: readonly string[]): Promise<Map<string, LimitSettingsRecord>>;
  /** The three layers one transfer is checked against, in one read (null: not set). */
  layers(contractId: string, userId: string): Promise<Record<LimitLayerRecord, LimitSettingsRecord | null>>;
  /** The counter as it stands (0, 0 when no row). */
  usage(scope: LimitScope, ownerId: string, day: string): Promise<LimitUsageRecord>;
  /** The contract's and the user's counters for one day, in one read. */
  usagePair(contractId: string, userId: string, day: string): Promise<Record<LimitScope, LimitUsageRecord>>;
  /**
   * M5, the atomic part: ONE conditional upsert adding `c.add` (and `c.addSameDayUnregistered`)
   * to the day's row, or creating it, only while the results stay within the limits. True iff
   * the row was written. Exact under concurrent callers in any number of processes (the
   * condition is evaluated on the newest committed row under its write lock). Inside
   * `transaction`.
   */
  count(scope: LimitScope, ownerId: string, day: string, c: LimitCount): Promise<boolean>;
  /** Gives a counted amount back (a cancelled or failed scheduled transfer). Inside `transaction`. */
  giveBack(
    scope: LimitScope,
    ownerId: string,
    day: string,
    add: Yen,
    addSameDayUnregistered: Yen,
  ): Promise<void>;
}

export interface PrivilegesStore {
  /** The user's privileges as stored; null when the administrator never set them. */
  get(userId: string): Promise<string[] | null>;
  put(userId: string, privileges: readonly string[], at: number): Promise<void>;
}
