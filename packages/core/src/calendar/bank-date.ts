/**
 * Bank dates (M6): a calendar day in Japan, written 'YYYY-MM-DD'. Japan has one time zone and
 * no daylight saving, so JST is always UTC+9 and a day is a plain string that sorts and
 * compares correctly with `<`. The bank decides business days by this calendar, never by the
 * server's local time zone.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { KinkoError } from '../errors.ts';

/** 'YYYY-MM-DD', a calendar day in Japan. Compare with `<`, `===`. */
export type BankDate = string;

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 60 * 60_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a well-formed 'YYYY-MM-DD' that names a real day (no 2026-02-30). */
export function isBankDate(s: unknown): s is BankDate {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === s;
}

/** Parses a value date from API input; the edge calls this before any rule sees the date. */
export function parseBankDate(input: unknown): BankDate {
  if (!isBankDate(input)) {
    throw new KinkoError('transfer.value_date_invalid', 'A date is written YYYY-MM-DD (e.g. 2027-01-04).');
  }
  return input;
}

/** The calendar day in Japan at `epochMs`. */
export function jstDate(epochMs: number): BankDate {
  return new Date(epochMs + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since midnight in Japan at `epochMs` (0 … 1439). */
export function jstTime(epochMs: number): number {
  const msOfDay = (((epochMs + JST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(msOfDay / 60_000);
}

function toUtcMs(date: BankDate): number {
  if (!isBankDate(date)) throw new TypeError(`not a YYYY-MM-DD date: ${String(date)}`);
  return Date.parse(`${date}T00:00:00Z`);
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: BankDate, n: number): BankDate {
  return new Date(toUtcMs(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function dayOfWeek(date: BankDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export type NonBusinessReason = 'saturday' | 'sunday' | 'public_holiday' | 'bank_holiday';

/**
 * Why `date` is not a business day, or null if it is one. M6: Saturdays, Sundays, the public
 * holidays of @holiday-jp/holiday_jp (which include 振替休日 and 国民の休日; its table ends in
 * 2050) and the bank holidays 12/31–1/3 (銀行法 §15 and its 施行令 §5 list them; shinkins keep the
 * same days).
 */
export function nonBusinessReason(date: BankDate): NonBusinessReason | null {
  const dow = dayOfWeek(date);
  if (dow === 6) return 'saturday';
  if (dow === 0) return 'sunday';
  if (Object.hasOwn(holidayJp.holidays, date)) return 'public_holiday';
  const mmdd = date.slice(5);
  if (mmdd === '12-31' || mmdd === '01-01' || mmdd === '01-02' || mmdd === '01-03') return 'bank_holiday';
  return null;
}

/** The public holiday's Japanese name (元日, 振替休日 …), for messages; undefined otherwise. */
export function holidayName(date: BankDate): string | undefined {
  return Object.hasOwn(holidayJp.holidays, date)
    ? (holidayJp.holidays as Record<string, { name: string }>)[date]?.name
    : undefined;
}

/** M6: a day the bank processes transfers. */
export function isBusinessDay(date: BankDate): boolean {
  return nonBusinessReason(date) === null;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: BankDate): BankDate {
  let d = addDays(date, 1);
  // The longest run of closed days is about a week (Golden Week, the new year); 31 is a guard.
  for (let i = 0; i < 31 && !isBusinessDay(d); i++) d = addDays(d, 1);
  return d;
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: BankDate): BankDate {
  let d = addDays(date, -1);
  for (let i = 0; i < 31 && !isBusinessDay(d); i++) d = addDays(d, -1);
  return d;
}

/**
 * The n-th business day after `date` (n > 0) or before it (n < 0); n = 0 returns `date`
 * itself, business day or not. So `addBusinessDays(today, 15)` is the 15th business day
 * after today whatever today is (DOMAIN §1.8: 予約 up to 15 営業日 ahead).
 */
export function addBusinessDays(date: BankDate, n: number): BankDate {
  if (!Number.isInteger(n)) throw new TypeError(`business days must be an integer: ${n}`);
  // Every transfer asks for today's horizon (15 business days: ~20 date conversions and
  // holiday lookups); the answer for a (date, n) never changes, so it is kept.
  const key = `${date}|${n}`;
  const known = businessDayMemo.get(key);
  if (known !== undefined) return known;
  let d = date;
  for (let i = 0; i < Math.abs(n); i++) d = n > 0 ? nextBusinessDay(d) : previousBusinessDay(d);
  if (businessDayMemo.size >= 4096) businessDayMemo.clear();
  businessDayMemo.set(key, d);
  return d;
}

const businessDayMemo = new Map<string, BankDate>();

/**
 * The number of business-day steps from `from` to `to`: the business days in (from, to], or,
 * when `to` is earlier, minus those in [to, from). So for any n,
 * `businessDaysBetween(d, addBusinessDays(d, n)) === n`.
 */
export function businessDaysBetween(from: BankDate, to: BankDate): number {
  let count = 0;
  if (to >= from) {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
    return count;
  }
  for (let d = to; d < from; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
  return -count;
}
