import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeConfig } from '../config.ts';
import { isKinkoError, type KinkoError } from '../errors.ts';
import { addDays, isBusinessDay } from './bank-date.ts';
import { checkValueDate, parseCutoff, sameDayOpen, valueDateWindow } from './value-date.ts';

const config = makeConfig();
/** Epoch ms for a JST wall-clock time. */
const jst = (local: string) => Date.parse(`${local}+09:00`);

function refusal(fn: () => unknown): KinkoError {
  try {
    fn();
  } catch (e) {
    if (isKinkoError(e)) return e;
    throw e;
  }
  throw new Error('expected a KinkoError');
}

describe('same-day cut-off (M6)', () => {
  it('M6: the default cut-off is 15:00 JST and the cut-off minute itself is closed', () => {
    expect(config.sameDayCutoff).toBe('15:00');
    expect(sameDayOpen(jst('2026-12-30T14:59:00'), '15:00')).toBe(true);
    expect(sameDayOpen(jst('2026-12-30T14:59:59.999'), '15:00')).toBe(true);
    expect(sameDayOpen(jst('2026-12-30T15:00:00'), '15:00')).toBe(false);
    expect(sameDayOpen(jst('2026-12-30T00:00:00'), '15:00')).toBe(true);
  });

  it('M6: the cut-off is configurable', () => {
    expect(sameDayOpen(jst('2027-01-04T14:29:59'), '14:30')).toBe(true);
    expect(sameDayOpen(jst('2027-01-04T14:30:00'), '14:30')).toBe(false);
    expect(parseCutoff('09:05')).toBe(545);
    for (const bad of ['24:00', '9:00', '15:60', '1500']) expect(() => parseCutoff(bad)).toThrow(TypeError);
  });

  it('M6: nothing is same-day on a closed day, even in the morning', () => {
    expect(sameDayOpen(jst('2026-12-31T09:00:00'), '15:00')).toBe(false);
    expect(sameDayOpen(jst('2026-05-06T09:00:00'), '15:00')).toBe(false); // 振替休日
  });
});

describe('value-date window (M6)', () => {
  it('M6: before the cut-off on a business day the window opens today', () => {
    expect(valueDateWindow(jst('2026-04-28T10:00:00'), config)).toEqual({
      today: '2026-04-28',
      sameDayOpen: true,
      earliest: '2026-04-28',
      latest: '2026-05-25', // 15 business days, Golden Week skipped
    });
  });

  it('M6: after the cut-off on 2026-12-30 the earliest date is 2027-01-04', () => {
    const w = valueDateWindow(jst('2026-12-30T15:00:00'), config);
    expect(w.sameDayOpen).toBe(false);
    expect(w.earliest).toBe('2027-01-04');
  });

  it('M6: the horizon is configurable', () => {
    const w = valueDateWindow(jst('2027-01-02T10:00:00'), makeConfig({ scheduleHorizonBusinessDays: 3 }));
    expect(w).toMatchObject({ earliest: '2027-01-04', latest: '2027-01-06' });
  });
});

describe('checkValueDate (M6)', () => {
  const morning = jst('2026-12-30T10:00:00');

  it('M6: today before the cut-off and a later business day inside the horizon are accepted', () => {
    expect(checkValueDate('2026-12-30', morning, config).today).toBe('2026-12-30');
    expect(checkValueDate('2027-01-04', morning, config).earliest).toBe('2026-12-30');
  });

  it('M6: 2026-12-31 is refused as a bank holiday, and 2027-01-04 is offered', () => {
    const e = refusal(() => checkValueDate('2026-12-31', morning, config));
    expect(e.code).toBe('transfer.value_date_not_business_day');
    expect(e.details).toMatchObject({ reason: 'bank_holiday', nextPossible: '2027-01-04' });
  });

  it('M6: a Golden Week 振替休日 is refused, and the day after Golden Week is offered', () => {
    const e = refusal(() => checkValueDate('2026-05-06', jst('2026-04-28T10:00:00'), config));
    expect(e.code).toBe('transfer.value_date_not_business_day');
    expect(e.details).toMatchObject({ reason: 'public_holiday', nextPossible: '2026-05-07' });
  });

  it('M6: today at 15:00:00 is refused as after the cut-off, with the next business day offered', () => {
    expect(checkValueDate('2026-12-30', jst('2026-12-30T14:59:59.999'), config).sameDayOpen).toBe(true);
    const e = refusal(() => checkValueDate('2026-12-30', jst('2026-12-30T15:00:00'), config));
    expect(e.code).toBe('transfer.value_date_after_cutoff');
    expect(e.details).toMatchObject({ cutoff: '15:00', nextPossible: '2027-01-04' });
  });

  it('M6: a date in the past is refused with the earliest possible date', () => {
    const e = refusal(() => checkValueDate('2026-12-29', morning, config));
    expect(e.code).toBe('transfer.value_date_past');
    expect(e.details).toMatchObject({ nextPossible: '2026-12-30' });
    const evening = refusal(() => checkValueDate('2026-12-29', jst('2026-12-30T18:00:00'), config));
    expect(evening.details).toMatchObject({ nextPossible: '2027-01-04' });
  });

  it('M6: the 15th business day is the last possible date; the 16th is beyond the horizon', () => {
    const now = jst('2026-04-28T10:00:00');
    expect(() => checkValueDate('2026-05-25', now, config)).not.toThrow();
    const e = refusal(() => checkValueDate('2026-05-26', now, config));
    expect(e.code).toBe('transfer.value_date_beyond_horizon');
    expect(e.details).toMatchObject({ nextPossible: '2026-05-25', latest: '2026-05-25' });
  });

  it('M6: a malformed date is refused as invalid', () => {
    expect(refusal(() => checkValueDate('2026-12-32', morning, config)).code).toBe(
      'transfer.value_date_invalid',
    );
    expect(refusal(() => checkValueDate(20261230, morning, config)).code).toBe('transfer.value_date_invalid');
  });

  it('M6: whatever is refused, the date offered instead is itself accepted', () => {
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2049, 0, 1) });
    fc.assert(
      fc.property(instant, fc.integer({ min: -5, max: 30 }), (now, offset) => {
        const w = valueDateWindow(now, config);
        const date = addDays(w.today, offset);
        try {
          checkValueDate(date, now, config);
          expect(isBusinessDay(date) && date >= w.earliest && date <= w.latest).toBe(true);
        } catch (e) {
          if (!isKinkoError(e)) throw e;
          const next = e.details?.nextPossible as string;
          expect(checkValueDate(next, now, config).today).toBe(w.today);
        }
      }),
    );
  });
});
