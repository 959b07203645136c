/**
 * Storage conformance of the user's transfer list (GET /api/v1/transfers): one user's transfers
 * of one contract, optionally of one status, newest first by the unique (createdAt, id) order,
 * a keyset page at a time. The defect this proves fixed: the list took the contract's newest 100
 * transfers and kept the caller's, so once a contract had more, a user's older ones were gone.
 */

import type { Store, TransferListKey, TransferRecord, TransferStatus } from '@kinko/core/ports';
import { expect, it } from 'vitest';
import type { TestStore } from '../testing.ts';
import { seedContract, T0, transfer, user } from './fixtures.ts';
import { seedPayer } from './transfers.ts';

const STATUSES: TransferStatus[] = ['scheduled', 'completed', 'cancelled'];

/** Every page of one user's list, each read after `between` has run (an insert, say). */
async function readPages(
  store: Store,
  contractId: string,
  userId: string,
  opts: { status?: TransferStatus; limit: number; between?: (page: number) => Promise<void> },
): Promise<TransferRecord[][]> {
  const pages: TransferRecord[][] = [];
  let before: TransferListKey | undefined;
  for (;;) {
    const page = await store.transfers.listByUser(contractId, userId, {
      status: opts.status,
      before,
      limit: opts.limit,
    });
    pages.push(page);
    const last = page.at(-1);
    if (!last || page.length < opts.limit) return pages;
    before = { createdAt: last.createdAt, id: last.id };
    await opts.between?.(pages.length);
  }
}

/** Newest first: createdAt never rises along the list. */
function newestFirst(list: readonly TransferRecord[]): boolean {
  return list.every((t, i) => i === 0 || t.createdAt <= (list[i - 1] as TransferRecord).createdAt);
}

export function listCases(current: () => TestStore): void {
  it("a user's transfer list loses their own transfers (fixed): with 130 of two users, each user's pages hold all of theirs, newest first, once each, also with inserts between page reads", async () => {
    const store = current();
    const { c, u, a } = await seedPayer(store);
    const u2 = user(c.id);
    await store.users.insert(u2);
    const other = await seedContract(store);
    const stranger = user(other.id);
    await store.users.insert(stranger);
    const made: TransferRecord[] = [];
    for (let i = 0; i < 130; i++) {
      // Two users, one of them entering twice as many; four transfers share each millisecond,
      // so the id decides the order within it.
      const t = transfer(c.id, i % 3 === 0 ? u2.id : u.id, a.id, {
        createdAt: T0 + Math.floor(i / 4),
        status: STATUSES[Math.floor(i / 2) % STATUSES.length],
      });
      await store.transfers.insert(t);
      made.push(t);
    }
    await store.transfers.insert(transfer(other.id, stranger.id, a.id, { createdAt: T0 + 50 }));
    const idsOf = (userId: string, status?: TransferStatus) =>
      made
        .filter((t) => t.userId === userId && (status === undefined || t.status === status))
        .map((t) => t.id)
        .sort();

    let later = 0;
    const insertNewer = async () => {
      // Entered while the pages are read: newer than every row already listed.
      for (const who of [u.id, u2.id]) {
        await store.transfers.insert(transfer(c.id, who, a.id, { createdAt: T0 + 10_000 + ++later }));
      }
    };
    const originals = new Set(made.map((t) => t.id));
    for (const who of [u.id, u2.id]) {
      const whole = await store.transfers.listByUser(c.id, who, { limit: 1000 });
      const pages = await readPages(store, c.id, who, { limit: 25, between: insertNewer });
      const listed = pages.flat();
      expect(pages.length).toBeGreaterThan(1);
      expect(listed.every((t) => t.userId === who && t.contractId === c.id)).toBe(true);
      // The pages are the list as it stood when the first was read: in the database's order,
      // nothing twice, nothing missing, nothing entered meanwhile (it is newer than page 1).
      expect(listed.map((t) => t.id)).toEqual(whole.map((t) => t.id));
      expect(new Set(listed.map((t) => t.id)).size).toBe(listed.length);
      expect(
        listed
          .map((t) => t.id)
          .filter((id) => originals.has(id))
          .sort(),
      ).toEqual(idsOf(who));
      expect(newestFirst(listed)).toBe(true);
    }
    expect(later).toBeGreaterThan(0);

    // A status filter pages the same way, over that status only.
    for (const status of STATUSES) {
      const listed = (await readPages(store, c.id, u.id, { status, limit: 7 })).flat();
      expect(listed.every((t) => t.status === status && t.userId === u.id)).toBe(true);
      const ids = listed.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => originals.has(id)).sort()).toEqual(idsOf(u.id, status));
      expect(idsOf(u.id, status).length).toBeGreaterThan(7);
      expect(newestFirst(listed)).toBe(true);
    }
    // Another contract's user id never lists this contract's transfers, nor the reverse.
    expect(await store.transfers.listByUser(other.id, u.id, { limit: 10 })).toEqual([]);
    expect((await store.transfers.listByUser(c.id, stranger.id, { limit: 10 })).length).toBe(0);
  });

  it('the transfer list pages after a key strictly: the row at the cursor is not repeated, an equal createdAt with a lower id follows', async () => {
    const store = current();
    const { c, u, a } = await seedPayer(store);
    const [x, y, z] = ['t-list-x', 't-list-y', 't-list-z'];
    for (const id of [x, y, z])
      await store.transfers.insert(transfer(c.id, u.id, a.id, { id, createdAt: T0 }));
    const first = await store.transfers.listByUser(c.id, u.id, { limit: 1 });
    expect(first.map((t) => t.id)).toEqual([z]);
    const rest = await store.transfers.listByUser(c.id, u.id, { before: { createdAt: T0, id: z }, limit: 5 });
    expect(rest.map((t) => t.id)).toEqual([y, x]);
    expect(
      await store.transfers.listByUser(c.id, u.id, { before: { createdAt: T0, id: x }, limit: 5 }),
    ).toEqual([]);
  });
}
