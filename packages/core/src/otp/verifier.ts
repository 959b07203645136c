import { KeyedHotpSha1 } from './keyed-hotp.ts';
import { otpValue } from './otp-format.ts';
import { TOTP_PERIOD_SECONDS } from './totp.ts';
import { matchInWindow, type VerifyOptions, type VerifyOutcome } from './window-match.ts';

export type { VerifyOptions, VerifyOutcome } from './window-match.ts';

const PERIOD_MS = TOTP_PERIOD_SECONDS * 1000;
const MODULUS = 1_000_000; // 10^6: T1's six digits

/**
 * Verifies T1 codes of one token's seed under the one-time rule (T2) and T3's window and drift:
 * step s = floor(now / 30 s) + drift; candidates s - window … s + window; a match at a step
 * above lastStep is `ok` (with the new drift, bounded by maxDrift), a match only at or below it
 * is `replayed`, no match is `invalid`. A malformed code is `invalid` (callers check
 * isOtpFormat first, for otp.malformed). Recording the step is the caller's atomic
 * Store.tokens.consumeStep, which makes T2 exact across processes.
 *
 * Holds the seed's HMAC midstates (keyed-hotp.ts): build one per verification, or keep it
 * while the seed is unchanged. Constant-time in the codes: see window-match.ts.
 */
export class TotpVerifier {
  /** Made once, so a verification allocates nothing but its result. */
  private readonly codeAt: (step: number) => number;

  constructor(key: Uint8Array) {
    const hotp = new KeyedHotpSha1(key);
    // RFC 6238 §4.2: the step is the HOTP counter; steps are below 2^31, so the high word is 0.
    this.codeAt = (step) => hotp.truncated(0, step) % MODULUS;
  }

  verify(otp: string, nowMs: number, o: VerifyOptions): VerifyOutcome {
    if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`bad time ${nowMs}`);
    return matchInWindow(this.codeAt, otpValue(otp), Math.floor(nowMs / PERIOD_MS), o);
  }
}
