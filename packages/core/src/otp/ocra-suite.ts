import type { HmacAlgorithm } from './hotp.ts';

/**
 * An OCRA suite (RFC 6287 §6): `OCRA-1:HOTP-<hash>-<digits>:<DataInput>`, where DataInput is
 * `[C-]Q<fmt><len>[-P<hash>][-S<nnn>][-T<G>]` in that order (§6.3). T10 uses
 * `OCRA-1:HOTP-SHA1-6:QN08-T30S`; the others are the RFC 6287 Appendix C suites.
 */
export interface OcraSuite {
  /** The suite string exactly, as it is hashed (§5.1: it is the first part of the DataInput). */
  text: string;
  algorithm: HmacAlgorithm;
  /** Truncation length, 4–10 (§5.2: 0, no truncation, is not supported here). */
  digits: number;
  /** C: an 8-byte counter is part of the input. */
  counter: boolean;
  /** Q: A alphanumeric, N numeric, H hexadecimal; `length` is the suite's nominal 4–64. */
  question: { format: 'A' | 'N' | 'H'; length: number };
  /** P: the hash of the PIN or password that goes into the input. */
  password: HmacAlgorithm | null;
  /** S: the session information's length in bytes. */
  sessionBytes: number | null;
  /** T: the time-step size in seconds. */
  timeStepSeconds: number | null;
}

const SUITE =
  /^OCRA-1:HOTP-(SHA1|SHA256|SHA512)-(\d{1,2}):(C-)?Q([ANH])(\d\d)(?:-P(SHA1|SHA256|SHA512))?(?:-S(\d{3}))?(?:-T(\d{1,2})([SMH]))?$/;

/** Parses a suite string; throws RangeError for anything §6 does not allow (or digits 0). */
export function parseOcraSuite(text: string): OcraSuite {
  const m = SUITE.exec(text);
  if (m === null) throw new RangeError(`not an OCRA suite: ${text}`);
  const [, algorithm, digitsText, c, format, lengthText, password, session, stepText, unit] = m;
  const digits = Number(digitsText);
  if (digits < 4 || digits > 10) throw new RangeError(`OCRA digits must be 4..10 (§5.2): ${text}`);
  const length = Number(lengthText);
  if (length < 4 || length > 64) throw new RangeError(`OCRA question length must be 04..64 (§6.3): ${text}`);
  if (session !== undefined && (Number(session) < 1 || Number(session) > 512)) {
    throw new RangeError(`OCRA session length must be 001..512 bytes: ${text}`);
  }
  let timeStepSeconds: number | null = null;
  if (stepText !== undefined && unit !== undefined) {
    // §6.3: [1-59]S, [1-59]M or [0-48]H; a zero step would divide by zero, so 1-48H here.
    const n = Number(stepText);
    const max = unit === 'H' ? 48 : 59;
    if (n < 1 || n > max) throw new RangeError(`OCRA time step out of range: ${text}`);
    timeStepSeconds = n * (unit === 'S' ? 1 : unit === 'M' ? 60 : 3600);
  }
  return {
    text,
    algorithm: algorithm as HmacAlgorithm,
    digits,
    counter: c !== undefined,
    question: { format: format as 'A' | 'N' | 'H', length },
    password: (password as HmacAlgorithm | undefined) ?? null,
    sessionBytes: session === undefined ? null : Number(session),
    timeStepSeconds,
  };
}
