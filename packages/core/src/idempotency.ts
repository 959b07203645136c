/**
 * M3: every create call carries an idempotency key, so that a retry (a double click, a timeout
 * and a resend, a crash between commit and answer) returns the first result and never moves
 * money twice. The key is claimed with a unique constraint per contract in the same
 * transaction as the work it guards: the work and the claim commit together or not at all.
 */
import { canonicalJson } from './audit/record.ts';
import { KinkoError } from './errors.ts';
import { sha256Hex } from './identity/ids.ts';
import type { IdempotencyRecord } from './ports.ts';
import { type KinkoDeps, Rejection, runUseCase, type Tx } from './use-case.ts';

// Printable ASCII without space: UUIDs, ULIDs and the like all fit.
const KEY_RE = /^[\x21-\x7e]{1,128}$/;

/** The header value, or 'idempotency.key_required' / 'idempotency.key_invalid'. */
function assertIdempotencyKey(key: unknown): asserts key is string {
  if (key === undefined || key === null || key === '') {
    throw new KinkoError(
      'idempotency.key_required',
      'Send an Idempotency-Key header with every create request.',
    );
  }
  if (typeof key !== 'string' || !KEY_RE.test(key)) {
    throw new KinkoError(
      'idempotency.key_invalid',
      'An Idempotency-Key is 1–128 printable ASCII characters.',
    );
  }
}

export interface IdempotentCall<C extends { contractId: string }> {
  key: unknown;
  /** What is being created, e.g. 'transfer.enter'; a key used for another operation is reused. */
  operation: string;
  /**
   * What makes two requests "the same": the caller's identity and the request's meaning, never a
   * secret (an OTP or PIN is the authorisation of the request, not its content, and a hash of a
   * 6-digit code would be one brute force away from the code).
   */
  request: unknown;
  /** Authorises the caller and names the contract the key belongs to. */
  resolve(tx: Tx): Promise<C>;
  /** The work, done at most once per key. Its result must be plain JSON. */
  run(tx: Tx, ctx: C): Promise<unknown>;
}

/**
 * Runs `call` once per (contract, key). A repeat with the same request returns the stored first
 * result; with a different request, 'idempotency.key_reused' (409) and nothing is written. The
 * claim comes first (one INSERT … ON CONFLICT DO NOTHING), so a new request costs no read. Two
 * concurrent requests with one key: on PostgreSQL the second claim waits for the first
 * transaction, then finds the key taken and reads the first result; on SQLite the single writer
 * already serialises them.
 */
export async function runIdempotent<T, C extends { contractId: string }>(
  deps: KinkoDeps,
  call: IdempotentCall<C>,
): Promise<T> {
  assertIdempotencyKey(call.key);
  const key = call.key;
  const requestHash = sha256Hex(canonicalJson({ operation: call.operation, request: call.request }));
  return runUseCase<T>(deps, async (tx) => {
    const ctx = await call.resolve(tx);
    const claimed = await tx.store.idempotency.claim({
      contractId: ctx.contractId,
      key,
      operation: call.operation,
      requestHash,
      result: null,
      createdAt: tx.now,
    });
    if (!claimed)
      return replay<T>(await tx.store.idempotency.get(ctx.contractId, key), call.operation, requestHash);
    const out = await call.run(tx, ctx);
    if (out instanceof Rejection) {
      // A refused proof (wrong OTP) commits its counter and audit record (A2, L1) but
      // creates nothing: the key stays free for the corrected request.
      await tx.store.idempotency.release(ctx.contractId, key);
      return out;
    }
    await tx.store.idempotency.complete(ctx.contractId, key, JSON.stringify(out));
    return out as T;
  });
}

function replay<T>(prior: IdempotencyRecord | null, operation: string, requestHash: string): T {
  // Taken but gone by now cannot happen (a key is released only by the transaction that
  // claimed it, before it commits); it is answered like a key in use, never by running again.
  if (!prior || prior.operation !== operation || prior.requestHash !== requestHash || prior.result === null) {
    throw new KinkoError(
      'idempotency.key_reused',
      'This Idempotency-Key was already used for a different request; use a new key for a new request.',
    );
  }
  return JSON.parse(prior.result) as T;
}
