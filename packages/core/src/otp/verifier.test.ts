import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hotp } from './hotp.ts';
import { TotpVerifier } from './verifier.ts';
import type { VerifyOptions, VerifyOutcome } from './window-match.ts';

const KEY = new Uint8Array(Buffer.from('12345678901234567890', 'ascii'));
const STEP_MS = 30_000;
const NOW_STEP = 56_666_666; // 2023-11-14
const NOW = NOW_STEP * STEP_MS + 12_345; // inside the step
const fresh: VerifyOptions = { window: 1, lastStep: -1, drift: 0, maxDrift: 2 };
const codeAt = (step: number) => hotp(KEY, step);
const verifier = new TotpVerifier(KEY);

/** The rule written as plainly as possible, to hold the fast verifier to. */
function reference(key: Uint8Array, otp: string, nowMs: number, o: VerifyOptions): VerifyOutcome {
  const now = Math.floor(nowMs / STEP_MS);
  const s = now + Math.max(-o.maxDrift, Math.min(o.maxDrift, o.drift));
  const matches: number[] = [];
  for (let step = s - o.window; step <= s + o.window; step++) {
    if (step >= 0 && /^[0-9]{6}$/.test(otp) && hotp(key, step) === otp) matches.push(step);
  }
  const ok = matches.filter((step) => step > o.lastStep);
  if (ok.length > 0) {
    const step = Math.max(...ok);
    return { kind: 'ok', step, drift: Math.max(-o.maxDrift, Math.min(o.maxDrift, step - now)) };
  }
  if (matches.length > 0) return { kind: 'replayed', step: Math.max(...matches) };
  return { kind: 'invalid' };
}

describe('TotpVerifier', () => {
  it('T1: accepts the RFC 6238 code at T = 59 s (step 1)', () => {
    expect(verifier.verify('287082', 59_000, fresh)).toEqual({ kind: 'ok', step: 1, drift: 0 });
  });

  it('T3: the default window ±1 accepts the previous, current and next step, and records the drift', () => {
    expect(verifier.verify(codeAt(NOW_STEP), NOW, fresh)).toEqual({ kind: 'ok', step: NOW_STEP, drift: 0 });
    expect(verifier.verify(codeAt(NOW_STEP - 1), NOW, fresh)).toEqual({
      kind: 'ok',
      step: NOW_STEP - 1,
      drift: -1,
    });
    expect(verifier.verify(codeAt(NOW_STEP + 1), NOW, fresh)).toEqual({
      kind: 'ok',
      step: NOW_STEP + 1,
      drift: 1,
    });
  });

  it('T3: codes two steps away are invalid with window 1', () => {
    expect(verifier.verify(codeAt(NOW_STEP - 2), NOW, fresh)).toEqual({ kind: 'invalid' });
    expect(verifier.verify(codeAt(NOW_STEP + 2), NOW, fresh)).toEqual({ kind: 'invalid' });
  });

  it('T3: window 0 accepts the current step only (OWASP ASVS 5.0 6.5.5: 30-second lifetime)', () => {
    const w0 = { ...fresh, window: 0 };
    expect(verifier.verify(codeAt(NOW_STEP), NOW, w0)).toEqual({ kind: 'ok', step: NOW_STEP, drift: 0 });
    expect(verifier.verify(codeAt(NOW_STEP - 1), NOW, w0)).toEqual({ kind: 'invalid' });
    expect(verifier.verify(codeAt(NOW_STEP + 1), NOW, w0)).toEqual({ kind: 'invalid' });
  });

  it('T3: the recorded drift moves the window, and the new drift is bounded by maxDrift', () => {
    // The token runs two steps fast: the window is centred on now + 2.
    const fast = { ...fresh, drift: 2 };
    expect(verifier.verify(codeAt(NOW_STEP + 3), NOW, fast)).toEqual({
      kind: 'ok',
      step: NOW_STEP + 3,
      drift: 2,
    });
    expect(verifier.verify(codeAt(NOW_STEP + 1), NOW, fast)).toEqual({
      kind: 'ok',
      step: NOW_STEP + 1,
      drift: 1,
    });
    expect(verifier.verify(codeAt(NOW_STEP), NOW, fast)).toEqual({ kind: 'invalid' });
    // maxDrift 0: codes in the window are still accepted, but no drift is recorded.
    const pinned = { ...fresh, maxDrift: 0 };
    expect(verifier.verify(codeAt(NOW_STEP + 1), NOW, pinned)).toEqual({
      kind: 'ok',
      step: NOW_STEP + 1,
      drift: 0,
    });
    // A drift recorded before the bank lowered maxDrift is bounded anew.
    expect(verifier.verify(codeAt(NOW_STEP + 1), NOW, { ...fresh, drift: 5, maxDrift: 1 })).toEqual({
      kind: 'ok',
      step: NOW_STEP + 1,
      drift: 1,
    });
  });

  it('T2: a code is accepted once; the same code again is replayed', () => {
    const otp = codeAt(NOW_STEP);
    const first = verifier.verify(otp, NOW, fresh);
    expect(first).toEqual({ kind: 'ok', step: NOW_STEP, drift: 0 });
    const again = verifier.verify(otp, NOW + 5_000, { ...fresh, lastStep: NOW_STEP });
    expect(again).toEqual({ kind: 'replayed', step: NOW_STEP });
  });

  it('T2: after step s is accepted, no code for a step ≤ s is accepted again', () => {
    const o = { ...fresh, lastStep: NOW_STEP };
    expect(verifier.verify(codeAt(NOW_STEP - 1), NOW, o)).toEqual({ kind: 'replayed', step: NOW_STEP - 1 });
    expect(verifier.verify(codeAt(NOW_STEP), NOW, o)).toEqual({ kind: 'replayed', step: NOW_STEP });
    expect(verifier.verify(codeAt(NOW_STEP + 1), NOW, o)).toEqual({
      kind: 'ok',
      step: NOW_STEP + 1,
      drift: 1,
    });
    // The token's clock ran ahead and consumed s + 1: the honest code for s is now spent too.
    const ahead = { ...fresh, lastStep: NOW_STEP + 1 };
    expect(verifier.verify(codeAt(NOW_STEP), NOW, ahead)).toEqual({ kind: 'replayed', step: NOW_STEP });
  });

  it('T2: a replayed code outside the window is just invalid (it proves nothing now)', () => {
    expect(verifier.verify(codeAt(NOW_STEP - 5), NOW, { ...fresh, lastStep: NOW_STEP })).toEqual({
      kind: 'invalid',
    });
  });

  it('T1: malformed codes are invalid, not errors', () => {
    const good = codeAt(NOW_STEP);
    for (const otp of [
      '',
      good.slice(1),
      `${good}0`,
      ` ${good.slice(1)}`,
      `${good.slice(0, 5)}x`,
      '１２３４５６',
    ]) {
      expect(verifier.verify(otp, NOW, fresh), JSON.stringify(otp)).toEqual({ kind: 'invalid' });
    }
  });

  it('T3: steps below zero are never candidates (time 0 with window 1)', () => {
    expect(verifier.verify(hotp(KEY, 0), 0, fresh)).toEqual({ kind: 'ok', step: 0, drift: 0 });
    expect(verifier.verify(hotp(KEY, 1), 0, fresh)).toEqual({ kind: 'ok', step: 1, drift: 1 });
  });

  it('T2: when two steps in the window share the code (one key in a million), the later step is taken', () => {
    // Found by search: this key's codes for steps 1 and 2 are both 991359.
    const key = new Uint8Array(Buffer.from('000f1c9200000000000000000000000000000000', 'hex'));
    expect(hotp(key, 1)).toBe('991359');
    expect(hotp(key, 2)).toBe('991359');
    const v = new TotpVerifier(key);
    const atStep2 = 2 * STEP_MS + 1;
    expect(v.verify('991359', atStep2, fresh)).toEqual({ kind: 'ok', step: 2, drift: 0 });
    expect(v.verify('991359', atStep2, { ...fresh, lastStep: 1 })).toEqual({ kind: 'ok', step: 2, drift: 0 });
    expect(v.verify('991359', atStep2, { ...fresh, lastStep: 2 })).toEqual({ kind: 'replayed', step: 2 });
  });

  it('T3: refuses nonsensical options rather than guessing', () => {
    expect(() => verifier.verify('123456', NOW, { ...fresh, window: -1 })).toThrow(RangeError);
    expect(() => verifier.verify('123456', NOW, { ...fresh, window: 1.5 })).toThrow(RangeError);
    expect(() => verifier.verify('123456', NOW, { ...fresh, window: 11 })).toThrow(RangeError);
    expect(() => verifier.verify('123456', NOW, { ...fresh, maxDrift: -1 })).toThrow(RangeError);
    expect(() => verifier.verify('123456', NOW, { ...fresh, lastStep: -2 })).toThrow(RangeError);
    expect(() => verifier.verify('123456', Number.NaN, fresh)).toThrow(RangeError);
  });

  it('T2, T3: the fast verifier decides exactly as the plain rule does, for random keys, times and codes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 80 }),
        fc.integer({ min: 0, max: 4_102_444_799_999 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -4, max: 4 }),
        fc.integer({ min: -3, max: 3 }), // which step's code is submitted, relative to now
        fc.integer({ min: -3, max: 3 }), // lastStep relative to now
        fc.boolean(), // submit a real code, or an arbitrary six digits
        fc.integer({ min: 0, max: 999_999 }),
        (key, nowMs, window, maxDrift, drift, codeOffset, lastOffset, real, arbitrary) => {
          const now = Math.floor(nowMs / STEP_MS);
          const o = { window, maxDrift, drift, lastStep: Math.max(-1, now + lastOffset) };
          const otp = real ? hotp(key, Math.max(0, now + codeOffset)) : String(arbitrary).padStart(6, '0');
          expect(new TotpVerifier(key).verify(otp, nowMs, o)).toEqual(reference(key, otp, nowMs, o));
        },
      ),
      { numRuns: 3000, seed: 6238 },
    );
  });
});
