import { describe, expect, it } from 'vitest';
import { daysInclusive, formatDay, formatYen, isDay, jstToday, monthStart, parseYen } from './format.ts';

describe('formatYen', () => {
  it('groups integer yen by thousands with the yen sign', () => {
    expect(formatYen(0)).toBe('¥0');
    expect(formatYen(999)).toBe('¥999');
    expect(formatYen(1000)).toBe('¥1,000');
    expect(formatYen(1_234_567)).toBe('¥1,234,567');
    expect(formatYen(9_999_999_999)).toBe('¥9,999,999,999');
    expect(formatYen(-50_000)).toBe('-¥50,000');
  });
  it('never shows a fraction or a lost digit', () => {
    expect(formatYen(1.5)).toBe('-');
    expect(formatYen(Number.NaN)).toBe('-');
    expect(formatYen(2 ** 53)).toBe('-');
  });
});

describe('days in Japan', () => {
  it('takes today in JST whatever the browser zone', () => {
    expect(jstToday(Date.parse('2025-03-31T14:59:59Z'))).toBe('2025-03-31');
    expect(jstToday(Date.parse('2025-03-31T15:00:00Z'))).toBe('2025-04-01');
  });
  it('starts the month, checks and counts days', () => {
    expect(monthStart('2025-02-17')).toBe('2025-02-01');
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025/02/01')).toBe(false);
    expect(daysInclusive('2025-01-01', '2025-01-31')).toBe(31);
    expect(daysInclusive('2024-01-01', '2024-12-31')).toBe(366);
    expect(formatDay('2025-01-02')).toBe('2025/01/02');
  });
});

describe('parseYen', () => {
  it('reads whole yen in any width, with separators', () => {
    expect(parseYen('1000000')).toBe(1_000_000);
    expect(parseYen(' 1,234,567 ')).toBe(1_234_567);
    expect(parseYen('１２３４５')).toBe(12_345);
    expect(parseYen('¥5,000円')).toBe(5000);
    expect(parseYen('0')).toBe(0);
  });
  it('refuses fractions, signs and nonsense', () => {
    expect(parseYen('')).toBeNull();
    expect(parseYen('100.5')).toBeNull();
    expect(parseYen('-100')).toBeNull();
    expect(parseYen('1e6')).toBeNull();
    expect(parseYen('abc')).toBeNull();
    expect(parseYen('9999999999999999')).toBeNull();
  });
});
