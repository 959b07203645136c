/**
 * The T2/T3 decision shared by TOTP (T1) and OCRA transaction codes (T10): which step in the
 * window, if any, a submitted code belongs to, whether that step was already used, and the
 * drift to record. Constant-time in the secret codes: every candidate is computed and
 * compared, matches are accumulated with masks, never `if`s, and there is no early exit.
 */

export type VerifyOutcome =
  | { kind: 'ok'; step: number; drift: number }
  | { kind: 'replayed'; step: number }
  | { kind: 'invalid' };

export interface VerifyOptions {
  /** T3: steps accepted either side of the expected one (RFC 6238 §5.2); 0 = that step only. */
  window: number;
  /** T2: the token's highest accepted step, -1 before any. */
  lastStep: number;
  /** T3: the token's recorded drift in steps (the token's clock minus ours). */
  drift: number;
  /** T3: the bound on |drift|. */
  maxDrift: number;
}

/** A window larger than this is a configuration mistake, not a policy (RFC 6238 §5.2: "small"). */
const MAX_WINDOW = 10;
/** Steps stay below 2^31 (30 s steps: until the year 4011) so the mask arithmetic is int32. */
const MAX_STEP = 0x7fff_ffff;

/**
 * `codeAt(step)` is the code for a step as a number (≥ 0); `given` the submitted code's number,
 * or -1 when it is malformed (it then matches nothing at the same cost); `now` the server's
 * current step. Expected step = now + drift; candidates expected - window … expected + window.
 */
export function matchInWindow(
  codeAt: (step: number) => number,
  given: number,
  now: number,
  o: VerifyOptions,
): VerifyOutcome {
  checkOptions(o);
  if (!Number.isSafeInteger(now) || now < 0 || now > MAX_STEP) throw new RangeError(`bad time step ${now}`);
  // A drift recorded under a larger maxDrift (the bank lowered it since) is bounded anew.
  const expected = now + clamp(o.drift, o.maxDrift);
  let okAny = 0;
  let okStep = 0;
  let replayAny = 0;
  let replayStep = 0;
  for (let step = expected - o.window; step <= expected + o.window; step++) {
    if (step < 0 || step > MAX_STEP) continue; // public: no such step
    const diff = codeAt(step) ^ given;
    const match = ((diff | -diff) >>> 31) ^ 1; // 1 iff diff === 0
    const fresh = (o.lastStep - step) >>> 31; // 1 iff step > lastStep (T2)
    const ok = match & fresh;
    const replay = match & (fresh ^ 1);
    // Ascending steps, the last match wins: a (one-in-a-million) double match takes the later
    // step and so burns the earlier one too (T2 errs on the side of refusing).
    okStep = (okStep & (ok - 1)) | (step & -ok);
    replayStep = (replayStep & (replay - 1)) | (step & -replay);
    okAny |= ok;
    replayAny |= replay;
  }
  if (okAny === 1) {
    // STYLE habit 3: a step is accepted only if it moves the token forward.
    if (!(okStep > o.lastStep)) throw new Error('invariant: the accepted step must exceed lastStep');
    return { kind: 'ok', step: okStep, drift: clamp(okStep - now, o.maxDrift) };
  }
  if (replayAny === 1) return { kind: 'replayed', step: replayStep };
  return { kind: 'invalid' };
}

function clamp(v: number, bound: number): number {
  return Math.max(-bound, Math.min(bound, v));
}

function checkOptions(o: VerifyOptions): void {
  if (!Number.isInteger(o.window) || o.window < 0 || o.window > MAX_WINDOW) {
    throw new RangeError(`window must be an integer in 0..${MAX_WINDOW}, got ${o.window}`);
  }
  if (!Number.isInteger(o.maxDrift) || o.maxDrift < 0) {
    throw new RangeError(`maxDrift must be a non-negative integer, got ${o.maxDrift}`);
  }
  if (!Number.isInteger(o.drift)) throw new RangeError(`drift must be an integer, got ${o.drift}`);
  if (!Number.isInteger(o.lastStep) || o.lastStep < -1 || o.lastStep > MAX_STEP) {
    throw new RangeError(`lastStep must be an integer in -1..2^31-1, got ${o.lastStep}`);
  }
}
