/**
 * The single-statement operations that must be exact under concurrency across processes. A
 * second store on the same data (its own connection or pool) stands in for a second process.
 */

import type { FailureResult, Store } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import { openTestStoreTwin, type TestStore } from '../testing.ts';
import { operator, seedContract, T0, token, user } from './fixtures.ts';

/** Alternates calls between the two stores, all in flight at once. */
function across<T>(stores: Store[], n: number, call: (s: Store, i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => call(stores[i % stores.length] as Store, i)));
}

/** Of n concurrent failures at limit max: counts 1..max-1 once each, then only "locked at max". */
function expectExactLockout(results: FailureResult[], max: number): void {
  const seen = results.map((r) => [r.failures, r.locked] as const).sort((a, b) => a[0] - b[0]);
  const counting = Array.from({ length: max - 1 }, (_, i) => [i + 1, false] as const);
  const locked = Array.from({ length: results.length - max + 1 }, () => [max, true] as const);
  expect(seen).toEqual([...counting, ...locked]);
}

export function atomicCases(current: () => TestStore): void {
  it('T2: consumeStep accepts a step once, refuses equal and lower steps, refuses revoked tokens', async () => {
    const store = current();
    const t = token();
    await store.tokens.insert(t);
    expect(await store.tokens.consumeStep(t.id, 100, 1)).toBe(true);
    expect(await store.tokens.get(t.id)).toMatchObject({ lastStep: 100, drift: 1 });
    expect(await store.tokens.consumeStep(t.id, 100, 0)).toBe(false);
    expect(await store.tokens.consumeStep(t.id, 99, -1)).toBe(false);
    expect(await store.tokens.get(t.id)).toMatchObject({ lastStep: 100, drift: 1 });
    expect(await store.tokens.consumeStep(t.id, 101, 0)).toBe(true);
    await store.tokens.update(t.id, { status: 'registered' });
    expect(await store.tokens.consumeStep(t.id, 102, 0)).toBe(true);
    await store.tokens.update(t.id, { status: 'revoked', revokedAt: T0 });
    expect(await store.tokens.consumeStep(t.id, 200, 0)).toBe(false);
    await store.tokens.update(t.id, { status: 'expired' });
    expect(await store.tokens.consumeStep(t.id, 300, 0)).toBe(false);
    expect(await store.tokens.get(t.id)).toMatchObject({ lastStep: 102 });
    expect(await store.tokens.consumeStep('no-such-token', 1, 0)).toBe(false);
  });

  it('T2: 20 concurrent consumeStep calls for the same step succeed exactly once', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const t = token({ lastStep: 57_000_000 });
    await store.tokens.insert(t);
    const step = 58_333_334; // a real 2025 time step
    const accepted = await across([store, twin], 20, (s) => s.tokens.consumeStep(t.id, step, 0));
    expect(accepted.filter(Boolean)).toHaveLength(1);
    expect((await twin.tokens.get(t.id))?.lastStep).toBe(step);
  });

  it('T2: concurrent calls for mixed steps leave last_step at the highest, each step accepted at most once', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const t = token();
    await store.tokens.insert(t);
    const steps = Array.from({ length: 30 }, (_, i) => 1000 + (i % 5));
    const accepted = await across([store, twin], steps.length, (s, i) =>
      s.tokens.consumeStep(t.id, steps[i]!, 0),
    );
    const wins = steps.filter((_, i) => accepted[i]);
    expect(new Set(wins).size).toBe(wins.length);
    expect(wins).toContain(1004);
    expect((await store.tokens.get(t.id))?.lastStep).toBe(1004);
  });

  it('M2: a legacy card challenge is consumed once, by one of 20 concurrent calls from two processes', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const c = await seedContract(store);
    const u = user(c.id);
    await store.users.insert(u);
    expect(await store.users.consumeCardChallenge(u.id, 'ア')).toBe(false); // none asked yet
    await store.users.update(u.id, { cardChallenge: 'ウ' });
    expect(await store.users.consumeCardChallenge(u.id, 'ア')).toBe(false); // not the one asked
    const won = await across([store, twin], 20, (s) =>
      s.transaction((tx) => tx.users.consumeCardChallenge(u.id, 'ウ')),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await twin.users.get(u.id))?.cardChallenge).toBeNull();
    expect(await store.users.consumeCardChallenge(u.id, 'ウ')).toBe(false);
  });

  it('A2: 50 concurrent recordFailure calls with max 5 → exactly locked, counter == 5, never above', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const c = await seedContract(store);
    const u = user(c.id);
    await store.users.insert(u);
    const results = await across([store, twin], 50, (s) => s.users.recordFailure(u.id, 'otp', 5));
    expectExactLockout(results, 5);
    expect(await store.users.get(u.id)).toMatchObject({
      otpFailures: 5,
      suspended: true,
      loginLocked: false,
    });
  });

  it('A2/A4: each failure kind has its own counter and lock; reset clears only its counter', async () => {
    const store = current();
    const c = await seedContract(store);
    const u = user(c.id);
    await store.users.insert(u);
    expect(await store.users.recordFailure(u.id, 'password', 2)).toEqual({ failures: 1, locked: false });
    expect(await store.users.recordFailure(u.id, 'password', 2)).toEqual({ failures: 2, locked: true });
    expect(await store.users.recordFailure(u.id, 'password', 2)).toEqual({ failures: 2, locked: true });
    expect(await store.users.get(u.id)).toMatchObject({
      passwordFailures: 2,
      loginLocked: true,
      suspended: false,
    });

    expect(await store.users.recordFailure(u.id, 'confirm_pin', 3)).toEqual({ failures: 1, locked: false });
    expect(await store.users.recordFailure(u.id, 'otp', 3)).toEqual({ failures: 1, locked: false });
    await store.users.resetFailures(u.id, 'otp');
    expect(await store.users.get(u.id)).toMatchObject({ otpFailures: 0, confirmPinFailures: 1 });
    await store.users.recordFailure(u.id, 'confirm_pin', 3);
    expect(await store.users.recordFailure(u.id, 'confirm_pin', 3)).toEqual({ failures: 3, locked: true });
    // 利用中止 is shared by OTP and confirmation PIN: a suspended user counts no more OTP failures.
    expect(await store.users.recordFailure(u.id, 'otp', 3)).toEqual({ failures: 0, locked: true });

    await store.users.resetFailures(u.id, 'password');
    expect(await store.users.get(u.id)).toMatchObject({ passwordFailures: 0, loginLocked: true });
    await expect(store.users.recordFailure('nobody', 'otp', 3)).rejects.toThrow();
  });

  it('A2: a limit lowered below the current count locks without counting further', async () => {
    const store = current();
    const c = await seedContract(store);
    const u = user(c.id, { otpFailures: 4 });
    await store.users.insert(u);
    expect(await store.users.recordFailure(u.id, 'otp', 3)).toEqual({ failures: 4, locked: true });
  });

  it('A4: 20 concurrent contract PIN failures with max 3 lock the contract at exactly 3', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const c = await seedContract(store);
    const results = await across([store, twin], 20, (s) => s.contracts.recordPinFailure(c.id, 3));
    expectExactLockout(results, 3);
    expect(await store.contracts.get(c.id)).toMatchObject({
      contractPinFailures: 3,
      contractPinLocked: true,
    });
  });

  it('B1: 20 concurrent operator password failures with max 3 lock the operator at exactly 3', async () => {
    const store = current();
    const twin = await openTestStoreTwin(store);
    const o = operator();
    await store.operators.insert(o);
    const results = await across([store, twin], 20, (s) => s.operators.recordFailure(o.id, 3));
    expectExactLockout(results, 3);
    expect(await store.operators.get(o.id)).toMatchObject({ passwordFailures: 3, locked: true });
  });

  it('T5: expireUnregistered expires activated tokens due by now, and nothing else', async () => {
    const store = current();
    const c = await seedContract(store);
    const now = T0 + 1000;
    const due = token({ expiresAt: now });
    const overdue = token({ expiresAt: now - 1 });
    const later = token({ expiresAt: now + 1 });
    const registered = token({ status: 'registered', contractId: c.id, expiresAt: now - 1 });
    const revoked = token({ status: 'revoked', expiresAt: now - 1 });
    for (const t of [due, overdue, later, registered, revoked]) await store.tokens.insert(t);
    expect(await store.tokens.expireUnregistered(now)).toBe(2);
    const status = async (id: string) => (await store.tokens.get(id))?.status;
    expect(await status(due.id)).toBe('expired');
    expect(await status(overdue.id)).toBe('expired');
    expect(await status(later.id)).toBe('activated');
    expect(await status(registered.id)).toBe('registered');
    expect(await status(revoked.id)).toBe('revoked');
    expect(await store.tokens.expireUnregistered(now)).toBe(0);
  });
}
