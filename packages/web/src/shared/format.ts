import type { Lang } from './i18n.ts';

/** Times are shown in Japan time whatever the browser's zone: the bank's books are in JST. */
export function formatTime(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(epochMs);
}

/** Groups the digits of a non-negative integer written in decimal: 1234567 → 1,234,567. */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Integer yen as a bank shows it: ¥1,234,567 (−¥50,000 for an overdrawn current account). Built
 * from the integer's decimal digits, never through floating-point formatting; anything that is
 * not a safe integer is a bug upstream and shows as '-' rather than as a wrong amount.
 */
export function formatYen(amount: number): string {
  if (!Number.isSafeInteger(amount)) return '-';
  const digits = groupDigits(String(Math.abs(amount)));
  return amount < 0 ? `-¥${digits}` : `¥${digits}`;
}

/** A day in Japan, YYYY-MM-DD, as the statement shows it: YYYY/MM/DD. */
export function formatDay(day: string): string {
  return day.replaceAll('-', '/');
}

const dayMs = 86_400_000;
const jstOffsetMs = 9 * 3_600_000;

/** Today in Japan (no daylight saving there), YYYY-MM-DD. */
export function jstToday(nowMs: number = Date.now()): string {
  return new Date(nowMs + jstOffsetMs).toISOString().slice(0, 10);
}

/** The first day of the month of `day` (YYYY-MM-DD). */
export function monthStart(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** Whether `day` is a real calendar day written YYYY-MM-DD. */
export function isDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/** Days from `from` to `to`, both counted (2024-01-01 … 2024-01-31 is 31). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs) + 1;
}

/**
 * Whole yen typed by a person: full-width digits, commas, spaces, ¥ and 円 are accepted and
 * dropped; anything else (a decimal point, a minus sign, letters) gives null. Parsed from the
 * digits, so the number is exact.
 */
export function parseYen(input: string): number | null {
  const s = input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s¥￥円]/g, '');
  if (!/^\d{1,15}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}
