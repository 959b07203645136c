/**
 * Value dates (振込指定日) and the same-day cut-off (M6). A transfer is dated today while the
 * bank is still processing today's transfers (a business day, before the cut-off), otherwise
 * on a later business day up to the scheduling horizon. Every refusal names the date that is
 * possible instead, so the screen can offer it (issue 3: "what date is possible instead").
 */
import type { BankConfig } from '../config.ts';
import { KinkoError } from '../errors.ts';
import {
  addBusinessDays,
  type BankDate,
  isBusinessDay,
  jstDate,
  jstTime,
  nextBusinessDay,
  nonBusinessReason,
  parseBankDate,
} from './bank-date.ts';

export type ValueDateConfig = Pick<BankConfig, 'sameDayCutoff' | 'scheduleHorizonBusinessDays'>;

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' (JST) → minutes since midnight. A malformed cut-off is a configuration bug. */
export function parseCutoff(cutoff: string): number {
  const m = HHMM_RE.exec(cutoff);
  if (!m) throw new TypeError(`sameDayCutoff must be 'HH:MM' (00:00–23:59): ${cutoff}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * M6: today's transfers are still processed — today (JST) is a business day and the time is
 * before the cut-off. The cut-off minute itself is closed: with '15:00', 14:59:59.999 is open
 * and 15:00:00.000 is not.
 */
export function sameDayOpen(nowMs: number, cutoff: string): boolean {
  return isBusinessDay(jstDate(nowMs)) && jstTime(nowMs) < parseCutoff(cutoff);
}

export interface ValueDateWindow {
  /** Today in Japan. */
  today: BankDate;
  /** Whether `today` is still a possible value date (see sameDayOpen). */
  sameDayOpen: boolean;
  /** Today if same-day is open, else the next business day. */
  earliest: BankDate;
  /** The horizon: the n-th business day after today (DOMAIN §1.8: 予約 up to 15 営業日). */
  latest: BankDate;
}

/** M6: the dates a transfer entered at `nowMs` may carry. */
export function valueDateWindow(nowMs: number, config: ValueDateConfig): ValueDateWindow {
  const today = jstDate(nowMs);
  const open = sameDayOpen(nowMs, config.sameDayCutoff);
  return {
    today,
    sameDayOpen: open,
    earliest: open ? today : nextBusinessDay(today),
    latest: addBusinessDays(today, config.scheduleHorizonBusinessDays),
  };
}

/**
 * M6: accepts `date` as a value date at `nowMs` or throws a KinkoError whose details carry
 * `nextPossible`, the date the user can choose instead (and `earliest`/`latest`). Checked in
 * the order a person would fix them: the past, beyond the horizon, a closed day, the cut-off.
 * Returns the window so the caller can tell same-day from scheduled (`date === today`, M4).
 */
export function checkValueDate(date: unknown, nowMs: number, config: ValueDateConfig): ValueDateWindow {
  const d = parseBankDate(date);
  const w = valueDateWindow(nowMs, config);
  const facts = { date: d, earliest: w.earliest, latest: w.latest };
  if (d < w.today) {
    throw new KinkoError(
      'transfer.value_date_past',
      `${d} is in the past; the earliest date is ${w.earliest}.`,
      {
        ...facts,
        nextPossible: w.earliest,
      },
    );
  }
  if (d > w.latest) {
    throw new KinkoError(
      'transfer.value_date_beyond_horizon',
      `${d} is more than ${config.scheduleHorizonBusinessDays} business days ahead; the latest date is ${w.latest}.`,
      { ...facts, nextPossible: w.latest },
    );
  }
  const reason = nonBusinessReason(d);
  if (reason !== null) {
    // d ≤ latest and latest is a business day, so the next business day is inside the window.
    const next = nextBusinessDay(d);
    throw new KinkoError(
      'transfer.value_date_not_business_day',
      `${d} is not a business day; the next business day is ${next}.`,
      { ...facts, reason, nextPossible: next },
    );
  }
  if (d === w.today && !w.sameDayOpen) {
    throw new KinkoError(
      'transfer.value_date_after_cutoff',
      `Today's transfers closed at ${config.sameDayCutoff}; the earliest date is ${w.earliest}.`,
      { ...facts, cutoff: config.sameDayCutoff, nextPossible: w.earliest },
    );
  }
  return w;
}
