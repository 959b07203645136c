/**
 * Keyset pages for the lists that grow with a customer's history (the transfer list, 入出金明細).
 * A page ends at a row's unique order key and the next page starts strictly after it, so rows
 * written between two page reads never shift a page the way an offset would: nothing is seen
 * twice and nothing is skipped. The cursor is that key as base64url JSON, opaque to clients;
 * each list tags its cursors with its own kind, so one list's cursor is refused by another.
 */
import { KinkoError } from './errors.ts';

/** What a list request may say about paging; both optional. */
export interface PageQuery {
  /** Items per page. */
  limit?: number;
  /** The `nextCursor` of the page before; absent for the first page. */
  cursor?: string;
}

export interface PageLimits {
  default: number;
  max: number;
}

/** The page size asked for, or the default; an integer 1 … max, else request.invalid. */
export function pageLimit(value: unknown, limits: PageLimits): number {
  if (value === undefined) return limits.default;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > limits.max) {
    throw new KinkoError('request.invalid', `limit is a whole number from 1 to ${limits.max}`, {
      parameter: 'limit',
    });
  }
  return value;
}

type KeyPart = string | number;

export function encodeCursor(kind: string, key: readonly KeyPart[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** Cursors are short: a key of a timestamp and an id, or a sequence number. */
const MAX_CURSOR_LENGTH = 512;

/**
 * The key a cursor of `kind` holds, checked part by part by `parts` (a type per part): a cursor
 * that is not one this list gave out is request.invalid naming the cursor, never a query.
 */
export function decodeCursor<const P extends readonly ('string' | 'integer')[]>(
  kind: string,
  cursor: unknown,
  parts: P,
): { [I in keyof P]: P[I] extends 'string' ? string : number } {
  const invalid = () =>
    new KinkoError('request.invalid', 'cursor is not a nextCursor this list gave out', {
      parameter: 'cursor',
    });
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) throw invalid();
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Node's base64url decoder skips what is not base64url; only the canonical spelling counts.
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== parts.length + 1 || value[0] !== kind) throw invalid();
  const key = value.slice(1);
  parts.forEach((type, i) => {
    const part: unknown = key[i];
    const ok =
      type === 'string'
        ? typeof part === 'string' && part.length > 0 && part.length <= 256
        : Number.isSafeInteger(part) && (part as number) >= 0;
    if (!ok) throw invalid();
  });
  return key as { [I in keyof P]: P[I] extends 'string' ? string : number };
}
