import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKinkoError } from '../errors.ts';
import {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  holidayName,
  isBankDate,
  isBusinessDay,
  jstDate,
  jstTime,
  nextBusinessDay,
  nonBusinessReason,
  parseBankDate,
  previousBusinessDay,
} from './bank-date.ts';

const at = (iso: string) => Date.parse(iso);

describe('bank dates are Japan days (M6)', () => {
  it('M6: the day and minute are JST (UTC+9) whatever the server zone', () => {
    expect(jstDate(at('2026-12-30T14:59:59.999Z'))).toBe('2026-12-30');
    expect(jstTime(at('2026-12-30T14:59:59.999Z'))).toBe(23 * 60 + 59);
    expect(jstDate(at('2026-12-30T15:00:00Z'))).toBe('2026-12-31');
    expect(jstTime(at('2026-12-30T15:00:00Z'))).toBe(0);
    expect(jstTime(at('2027-01-04T06:00:00Z'))).toBe(15 * 60);
    expect(jstDate(0)).toBe('1970-01-01');
    expect(jstTime(-60_000)).toBe(8 * 60 + 59); // before the epoch still gives a minute of the day
  });

  it('M6: only real YYYY-MM-DD days parse', () => {
    expect(isBankDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2027-02-29',
      '2026-13-01',
      '2026-1-4',
      '20270104',
      '2027-01-04T00:00',
      20270104,
      null,
    ]) {
      expect(isBankDate(bad)).toBe(false);
    }
    expect(() => parseBankDate('2026/12/31')).toThrow(
      expect.objectContaining({ code: 'transfer.value_date_invalid' }),
    );
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});

describe('business days (M6)', () => {
  it('M6: 12/31 to 1/3 are bank holidays, 2027-01-04 is the first business day of 2027', () => {
    expect(isBusinessDay('2026-12-30')).toBe(true);
    expect(nonBusinessReason('2026-12-31')).toBe('bank_holiday'); // a Thursday
    expect(nonBusinessReason('2027-01-01')).toBe('public_holiday'); // 元日, a Friday
    expect(nonBusinessReason('2027-01-02')).toBe('saturday');
    expect(nonBusinessReason('2027-01-03')).toBe('sunday');
    expect(nonBusinessReason('2029-01-02')).toBe('bank_holiday'); // a Tuesday
    expect(nonBusinessReason('2029-01-03')).toBe('bank_holiday');
    expect(isBusinessDay('2027-01-04')).toBe(true);
    expect(nextBusinessDay('2026-12-30')).toBe('2027-01-04');
    expect(previousBusinessDay('2027-01-04')).toBe('2026-12-30');
  });

  it('M6: Golden Week 2026 with its 振替休日 (5/6) closes 4/29 and 5/2–5/6', () => {
    expect(holidayName('2026-04-29')).toBe('昭和の日');
    expect(isBusinessDay('2026-04-30')).toBe(true);
    expect(isBusinessDay('2026-05-01')).toBe(true);
    for (const d of ['2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06']) {
      expect(isBusinessDay(d), d).toBe(false);
    }
    expect(holidayName('2026-05-06')).toContain('振替休日');
    expect(nonBusinessReason('2026-05-06')).toBe('public_holiday'); // a Wednesday
    expect(nextBusinessDay('2026-05-01')).toBe('2026-05-07');
  });

  it('M6: a 振替休日 on a Monday (2027-03-22) and the 国民の休日 of 2026-09-22 are closed', () => {
    expect(holidayName('2027-03-22')).toContain('振替休日');
    expect(isBusinessDay('2027-03-22')).toBe(false);
    expect(nextBusinessDay('2027-03-19')).toBe('2027-03-23');
    // Silver Week 2026: 敬老の日 Mon 21, 国民の休日 Tue 22, 秋分の日 Wed 23.
    expect(['2026-09-21', '2026-09-22', '2026-09-23'].map(isBusinessDay)).toEqual([false, false, false]);
    expect(nextBusinessDay('2026-09-18')).toBe('2026-09-24');
  });

  it('M6: addBusinessDays skips closed days and businessDaysBetween counts the steps', () => {
    expect(addBusinessDays('2026-04-28', 15)).toBe('2026-05-25');
    expect(addBusinessDays('2026-04-28', 0)).toBe('2026-04-28');
    expect(addBusinessDays('2027-01-02', 1)).toBe('2027-01-04');
    expect(addBusinessDays('2027-01-04', -1)).toBe('2026-12-30');
    expect(businessDaysBetween('2026-12-30', '2027-01-04')).toBe(1);
    expect(businessDaysBetween('2026-04-28', '2026-05-25')).toBe(15);
    expect(businessDaysBetween('2026-05-25', '2026-04-28')).toBe(-15);
    expect(businessDaysBetween('2027-01-01', '2027-01-01')).toBe(0);
    expect(businessDaysBetween('2027-01-02', '2026-12-30')).toBe(-1); // Saturday back to Wednesday
    expect(() => addBusinessDays('2026-04-28', 1.5)).toThrow(TypeError);
  });

  const day = fc
    .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2049, 11, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('M6: the next business day is the first open day after, with nothing open in between', () => {
    fc.assert(
      fc.property(day, (d) => {
        const next = nextBusinessDay(d);
        expect(next > d && isBusinessDay(next)).toBe(true);
        for (let x = addDays(d, 1); x < next; x = addDays(x, 1)) expect(isBusinessDay(x)).toBe(false);
        expect(previousBusinessDay(next) <= d).toBe(true);
      }),
    );
  });

  it('M6: businessDaysBetween inverts addBusinessDays', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (d, n) => {
        const target = addBusinessDays(d, n);
        expect(businessDaysBetween(d, target)).toBe(n);
        if (n !== 0) expect(isBusinessDay(target)).toBe(true);
      }),
    );
  });

  it('M6: a bad date is a programming error, not a silent wrong day', () => {
    expect(() => isBusinessDay('2026-02-30')).toThrow(TypeError);
    try {
      parseBankDate(undefined);
    } catch (e) {
      expect(isKinkoError(e)).toBe(true);
    }
  });
});
