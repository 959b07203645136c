import { describe, expect, it } from 'vitest';
import { formatLoginTime } from './LastLogin.tsx';

describe('前回ログイン日時', () => {
  it('is shown in Japan time as Japanese banks write it, whatever the zone of the browser', () => {
    // 2026-12-02 01:31 UTC is 10:31 in Tokyo.
    expect(formatLoginTime(Date.UTC(2026, 11, 2, 1, 31), 'ja')).toBe('2026年12月2日 10:31');
    expect(formatLoginTime(Date.UTC(2026, 11, 2, 1, 31), 'en')).toBe('2 December 2026, 10:31 JST');
    // Past midnight in Tokyo, still the previous day in UTC: the Japanese day is shown, hour 00.
    expect(formatLoginTime(Date.UTC(2026, 11, 1, 15, 5), 'ja')).toBe('2026年12月2日 00:05');
  });
});
