import { createHash, createHmac } from 'node:crypto';
import { counterBytes, decimalCode, dynamicTruncate } from './hotp.ts';
import { type OcraSuite, parseOcraSuite } from './ocra-suite.ts';
import { matchInWindow, type VerifyOptions, type VerifyOutcome } from './window-match.ts';

/** T10's suite: SHA-1, 6 digits, a numeric question (the payee's account number), 30 s steps. */
export const TRANSACTION_SUITE = 'OCRA-1:HOTP-SHA1-6:QN08-T30S';

const nodeHash = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;
const QUESTION_BYTES = 128; // §5.1: Q is always 128 bytes, the challenge left-aligned, zero-filled
const QUESTION_CHARS: Record<OcraSuite['question']['format'], RegExp> = {
  A: /^[0-9A-Za-z]{4,64}$/,
  N: /^[0-9]{4,64}$/,
  H: /^[0-9A-Fa-f]{4,64}$/,
};

export interface OcraInput {
  /** The challenge: digits (N), hex (H) or alphanumerics (A), 4–64 characters. */
  question: string;
  /** T: the time; the suite's step size turns it into the time step. */
  timeMs?: number;
  /** T: the time step itself, instead of timeMs (what a verifier iterates over). */
  timeStep?: number;
  /** C: the counter. */
  counter?: number;
  /** P: the PIN or password; it is hashed with the suite's P hash (UTF-8). */
  pin?: string;
  /** S: session information, at most the suite's S bytes (right-aligned and zero-filled, as in the reference code of Appendix A). */
  session?: Uint8Array;
}

/**
 * OCRA (RFC 6287 §5): HMAC(K, suite || 0x00 || [C] || Q || [P] || [S] || [T]), dynamically
 * truncated as HOTP (§5.2). Each input is required exactly when the suite names it, so a
 * forgotten (or surplus) field is an error, not a silently different code.
 *
 * A numeric question is read as a number (§5.1 and the reference code: its hexadecimal value is
 * the challenge), so "0012345" and "12345" give one code: callers use fixed widths (T10: the
 * 7-digit account number, the 5-digit 収納機関番号).
 */
export function ocra(suite: string | OcraSuite, key: Uint8Array, o: OcraInput): string {
  const s = typeof suite === 'string' ? parseOcraSuite(suite) : suite;
  return decimalCode(dynamicTruncate(ocraMac(s, key, o)), s.digits);
}

function ocraMac(s: OcraSuite, key: Uint8Array, o: OcraInput): Uint8Array {
  requireExactly(s.counter, o.counter !== undefined, 'counter (C)');
  requireExactly(s.password !== null, o.pin !== undefined, 'pin (P)');
  requireExactly(s.sessionBytes !== null, o.session !== undefined, 'session (S)');
  requireExactly(s.timeStepSeconds !== null, o.timeMs !== undefined || o.timeStep !== undefined, 'time (T)');
  // §5.1: the suite's ASCII, a zero byte, then each field the suite names, in this order.
  const parts: Uint8Array[] = [Buffer.from(s.text, 'ascii'), Uint8Array.of(0)];
  if (o.counter !== undefined) parts.push(counterBytes(o.counter));
  parts.push(questionBytes(s.question.format, o.question));
  if (s.password !== null && o.pin !== undefined) {
    parts.push(createHash(nodeHash[s.password]).update(o.pin, 'utf8').digest());
  }
  if (s.sessionBytes !== null && o.session !== undefined) {
    if (o.session.length > s.sessionBytes)
      throw new RangeError(`session longer than ${s.sessionBytes} bytes`);
    const padded = new Uint8Array(s.sessionBytes);
    padded.set(o.session, s.sessionBytes - o.session.length);
    parts.push(padded);
  }
  if (s.timeStepSeconds !== null) parts.push(counterBytes(ocraTimeStep(s, o)));
  return createHmac(nodeHash[s.algorithm], key).update(Buffer.concat(parts)).digest();
}

function requireExactly(inSuite: boolean, given: boolean, what: string): void {
  if (inSuite && !given) throw new RangeError(`the suite requires ${what}`);
  if (!inSuite && given) throw new RangeError(`${what} is not in the suite`);
}

function ocraTimeStep(s: OcraSuite, o: OcraInput): number {
  if (o.timeStep !== undefined) {
    if (o.timeMs !== undefined) throw new RangeError('give timeMs or timeStep, not both');
    return o.timeStep;
  }
  const ms = o.timeMs ?? Number.NaN;
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`bad time ${ms}`);
  // §6.3: T counts whole steps of G since the Unix epoch (like RFC 6238 with T0 = 0).
  return Math.floor(ms / ((s.timeStepSeconds ?? 1) * 1000));
}

/** §5.1 Q: 128 bytes; the challenge's bytes (A), hex digits (H) or value in hex (N), left-aligned. */
function questionBytes(format: OcraSuite['question']['format'], q: string): Uint8Array {
  if (typeof q !== 'string' || !QUESTION_CHARS[format].test(q)) {
    throw new RangeError(
      `question must be 4-64 ${format === 'N' ? 'digits' : format === 'H' ? 'hex digits' : 'alphanumerics'}`,
    );
  }
  if (format === 'A') {
    const out = new Uint8Array(QUESTION_BYTES);
    out.set(Buffer.from(q, 'ascii'));
    return out;
  }
  // Hex digits are left-aligned nibble by nibble (an odd count leaves half a byte), exactly as
  // the RFC's reference code pads the hex string with '0' to 256 digits.
  const hex = format === 'H' ? q : BigInt(q).toString(16);
  if (hex.length > 2 * QUESTION_BYTES) throw new RangeError('question too long');
  return Buffer.from(hex.padEnd(2 * QUESTION_BYTES, '0'), 'hex');
}

/**
 * T10: verifies a transaction code (a suite with T and Q only, such as TRANSACTION_SUITE)
 * under the same window, drift and one-time rule as T1 (T2, T3; see window-match.ts). With T30S
 * the steps are T1's steps, so one lastStep per token serves both kinds of code.
 */
export class OcraVerifier {
  private readonly suite: OcraSuite;
  private readonly key: Uint8Array;

  constructor(suite: string, key: Uint8Array) {
    this.suite = parseOcraSuite(suite);
    const s = this.suite;
    if (s.timeStepSeconds === null || s.counter || s.password !== null || s.sessionBytes !== null) {
      throw new RangeError(`OcraVerifier takes a time-based suite with a question only: ${suite}`);
    }
    this.key = Uint8Array.from(key);
  }

  verify(response: string, question: string, nowMs: number, o: VerifyOptions): VerifyOutcome {
    const s = this.suite;
    if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`bad time ${nowMs}`);
    const now = Math.floor(nowMs / ((s.timeStepSeconds ?? 1) * 1000));
    const given = responseValue(response, s.digits);
    // The question is public (the caller shows or derives it); a bad one is the caller's error.
    questionBytes(s.question.format, question);
    const codeAt = (step: number): number =>
      dynamicTruncate(ocraMac(s, this.key, { question, timeStep: step })) % 10 ** s.digits;
    return matchInWindow(codeAt, given, now, o);
  }
}

/**
 * The response's value, or -1 unless it is exactly `digits` ASCII digits. A value of 2^31 or
 * more cannot be a code (Snum < 2^31) and would wrap in the int32 comparison: -1 as well.
 */
function responseValue(response: string, digits: number): number {
  if (typeof response !== 'string' || response.length !== digits || !/^[0-9]+$/.test(response)) return -1;
  const value = Number(response);
  return value > 0x7fff_ffff ? -1 : value;
}
