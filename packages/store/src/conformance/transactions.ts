/** Transactions: all or nothing, nested calls join, misuse fails fast instead of hanging. */

import { type Store, UniqueViolation } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import type { TestStore } from '../testing.ts';
import { branch, seedContract, user } from './fixtures.ts';

export function transactionCases(current: () => TestStore): void {
  it('a transaction commits what fn wrote and returns its value', async () => {
    const store = current();
    const value = await store.transaction(async (tx) => {
      await tx.branches.insert(branch());
      await tx.settings.put('k', 'v');
      return 42;
    });
    expect(value).toBe(42);
    expect(await store.branches.get('001')).not.toBeNull();
    expect(await store.settings.get('k')).toBe('v');
  });

  it('rollback on throw leaves nothing and rethrows the same error', async () => {
    const store = current();
    const boom = new Error('boom');
    const outcome = store.transaction(async (tx) => {
      const c = await seedContract(tx);
      await tx.users.insert(user(c.id));
      await tx.settings.put('k', 'v');
      throw boom;
    });
    await expect(outcome).rejects.toBe(boom);
    expect(await store.branches.list()).toEqual([]);
    expect(await store.contracts.list()).toEqual([]);
    expect(await store.settings.get('k')).toBeNull();
  });

  it('a unique violation inside a transaction rolls the whole transaction back', async () => {
    const store = current();
    const outcome = store.transaction(async (tx) => {
      await tx.settings.put('k', 'v');
      await tx.branches.insert(branch());
      await tx.branches.insert(branch());
    });
    await expect(outcome).rejects.toBeInstanceOf(UniqueViolation);
    expect(await store.settings.get('k')).toBeNull();
    expect(await store.branches.list()).toEqual([]);
  });

  it('nested transaction calls reuse the outer transaction: one commit or one rollback', async () => {
    const store = current();
    let inner: Store | undefined;
    await store.transaction(async (tx) => {
      await tx.transaction(async (nested) => {
        inner = nested;
        await nested.settings.put('a', '1');
      });
      expect(inner).toBe(tx);
      // Visible inside the outer transaction, before its commit.
      expect(await tx.settings.get('a')).toBe('1');
    });
    expect(await store.settings.get('a')).toBe('1');

    const outcome = store.transaction(async (tx) => {
      await tx.settings.put('b', '1');
      await tx.transaction(async (nested) => {
        await nested.settings.put('c', '1');
        throw new Error('inner fails');
      });
    });
    await expect(outcome).rejects.toThrow('inner fails');
    expect(await store.settings.get('b')).toBeNull();
    expect(await store.settings.get('c')).toBeNull();
  });

  it('using the root store inside its own transaction fails fast rather than deadlocking', async () => {
    const store = current();
    const outcome = store.transaction(async () => {
      await store.settings.get('k');
    });
    await expect(outcome).rejects.toThrow(/inside its own transaction/);
    await expect(store.transaction(() => store.transaction(async () => 1))).rejects.toThrow(
      /inside its own transaction/,
    );
    // And the store is still usable afterwards.
    await store.settings.put('k', 'v');
    expect(await store.settings.get('k')).toBe('v');
  });

  it('a tx that escapes its transaction refuses further work', async () => {
    const store = current();
    const escaped = await store.transaction(async (tx) => tx);
    await expect(escaped.settings.get('k')).rejects.toThrow(/already finished/);
  });

  it('audit.lockHeads and audit.append refuse to run outside a transaction', async () => {
    const store = current();
    await expect(store.audit.lockHeads(['bank'])).rejects.toThrow(/inside transaction/);
    await expect(store.audit.append([])).rejects.toThrow(/inside transaction/);
  });
}
