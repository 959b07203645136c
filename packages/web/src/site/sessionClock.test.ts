import { afterEach, describe, expect, it, vi } from 'vitest';
import { sessionClock } from './sessionClock.ts';

describe('the idle clock of the customer site (A4, issue 9 item 8)', () => {
  afterEach(() => {
    sessionClock.stopped();
    vi.useRealTimers();
  });

  it('ends when the last answer said, warns a minute before, and stops at logout', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    sessionClock.answered({ idleTimeoutMs: 600_000, expiresInMs: 590_000, activityGranularityMs: 5_000 });
    expect(sessionClock.get()).toEqual({ endsAt: 1_590_000, idleTimeoutMs: 600_000 });
    expect(sessionClock.warnBeforeMs()).toBe(60_000);
    sessionClock.stopped();
    expect(sessionClock.get().endsAt).toBeNull();
  });

  it('warns at half the timeout when the timeout is a minute or less', () => {
    sessionClock.answered({ idleTimeoutMs: 50_000, expiresInMs: 50_000, activityGranularityMs: 5_000 });
    expect(sessionClock.warnBeforeMs()).toBe(25_000);
  });

  it('tells its listeners of every change', () => {
    const heard = vi.fn();
    const off = sessionClock.subscribe(heard);
    sessionClock.answered({ idleTimeoutMs: 600_000, expiresInMs: 600_000, activityGranularityMs: 5_000 });
    sessionClock.stopped();
    off();
    sessionClock.answered({ idleTimeoutMs: 600_000, expiresInMs: 600_000, activityGranularityMs: 5_000 });
    expect(heard).toHaveBeenCalledTimes(2);
  });
});
