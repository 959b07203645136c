/**
 * The user's transfer list (振込照会, GET /api/v1/transfers) a page at a time. The defect:
 * the list read the contract's newest 100 transfers and kept the caller's, so once the contract
 * had more, each user's older transfers were gone from it.
 */
import { transferRecord } from '@kinko/store/testing';
import { failure, mizuho, openTransferBank, type TransferBank, testBackends } from '@kinko/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerActor } from '../identity/actors.ts';
import { yen } from '../ledger/yen.ts';
import { encodeCursor } from '../paging.ts';
import type { TransferRecord, TransferStatus } from '../ports.ts';
import type { TransferListItem } from './api.ts';
import type { TransferListQuery } from './queries.ts';

const STATUSES: TransferStatus[] = ['completed', 'scheduled', 'cancelled', 'failed'];

describe.each(testBackends())("a user's transfer list loses their own transfers, on $name", (backend) => {
  let tb: TransferBank;
  let made: TransferRecord[];
  beforeEach(async () => {
    tb = await openTransferBank(backend);
    made = [];
    // 130 transfers of the contract by two users (the administrator and user1), newest last;
    // stored as the use cases store them, so that the list is what is tested.
    for (let i = 0; i < 130; i++) {
      const status = STATUSES[Math.floor(i / 2) % STATUSES.length] ?? 'completed';
      const t = record(tb, i % 3 === 0 ? tb.bank.admin : tb.user, i, status);
      await tb.bank.store.transfers.insert(t);
      made.push(t);
    }
  });
  afterEach(() => tb.bank.cleanup());

  async function allPages(actor: CustomerActor, query: TransferListQuery, between?: () => Promise<void>) {
    const items: TransferListItem[] = [];
    let pages = 0;
    for (let cursor: string | undefined; ; ) {
      const page = await tb.bank.kinko.listTransfers(actor, { ...query, cursor });
      pages++;
      items.push(...page.items);
      if (page.nextCursor === null) return { items, pages };
      cursor = page.nextCursor;
      await between?.();
    }
  }
  const ids = (list: readonly { id: string }[]) => list.map((t) => t.id);
  const own = (actor: CustomerActor, status?: TransferStatus) =>
    made
      .filter((t) => t.userId === actor.userId && (status === undefined || t.status === status))
      // Newest first; within a millisecond by id, descending (ids of one width, so any collation agrees).
      .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1))
      .map((t) => t.id);

  it("each user sees every one of their own through the pages, newest first, never another's, none twice", async () => {
    for (const actor of [tb.user, tb.bank.admin]) {
      expect(own(actor).length).toBeGreaterThan(40);
      const { items, pages } = await allPages(actor, { limit: 20 });
      expect(pages).toBeGreaterThan(2);
      expect(ids(items)).toEqual(own(actor));
    }
    // The first page by default holds up to 100: here all 86 of user1's, where the contract's
    // newest 100 held only 67 of them.
    const first = await tb.bank.kinko.listTransfers(tb.user);
    expect(ids(first.items)).toEqual(own(tb.user));
    expect(first.items).toHaveLength(86);
    expect(first.nextCursor).toBeNull();
  });

  it('transfers entered between two page reads never repeat or hide a listed one', async () => {
    const before = own(tb.user);
    let entered = 0;
    const { items } = await allPages(tb.user, { limit: 15 }, async () => {
      tb.bank.clock.advance(1000);
      await tb.enter(tb.user, { to: mizuho });
      // The other user's, stored directly (the administrator has no token or card to enter one).
      const theirs = record(tb, tb.bank.admin, 0, 'completed');
      await tb.bank.store.transfers.insert({
        ...theirs,
        id: `later-${entered}`,
        receiptNumber: null,
        createdAt: tb.bank.clock.now(),
      });
      entered++;
    });
    expect(entered).toBeGreaterThan(3);
    // The pages are the list as it stood at the first read; what came later is newer than it.
    expect(ids(items)).toEqual(before);
    const now = await allPages(tb.user, {});
    expect(now.items).toHaveLength(before.length + entered);
    expect(ids(now.items).slice(entered)).toEqual(before);
  });

  it('a status filter pages the same way, over that status only', async () => {
    for (const status of STATUSES) {
      const { items } = await allPages(tb.user, { status, limit: 6 });
      expect(items.every((t) => t.status === status)).toBe(true);
      expect(ids(items)).toEqual(own(tb.user, status));
    }
  });

  it('a cursor that this list did not give out is request.invalid naming the cursor; so is a bad limit', async () => {
    const page = await tb.bank.kinko.listTransfers(tb.user, { limit: 5 });
    const good = page.nextCursor ?? '';
    for (const cursor of [
      'not-a-cursor',
      '',
      `${good}=`,
      `${good.slice(0, -2)}`,
      encodeCursor('statement', [3]),
      encodeCursor('transfers', ['x', 'y']),
      encodeCursor('transfers', [-1, 't']),
      Buffer.from('{"a":1}').toString('base64url'),
      'A'.repeat(600),
    ]) {
      const e = await failure(tb.bank.kinko.listTransfers(tb.user, { cursor }));
      expect(e.code, cursor).toBe('request.invalid');
      expect(e.message).toContain('cursor');
      expect(e.details).toEqual({ parameter: 'cursor' });
    }
    for (const limit of [0, 501, 2.5, Number.NaN]) {
      const e = await failure(tb.bank.kinko.listTransfers(tb.user, { limit }));
      expect(e.code, String(limit)).toBe('request.invalid');
      expect(e.details).toEqual({ parameter: 'limit' });
    }
    expect((await tb.bank.kinko.listTransfers(tb.user, { limit: 500 })).items).toHaveLength(
      own(tb.user).length,
    );
  });
});

/** A transfer of `actor`'s as the store holds it; every fourth shares its millisecond with others. */
function record(tb: TransferBank, actor: CustomerActor, i: number, status: TransferStatus): TransferRecord {
  const at = tb.bank.clock.now() - 1_000_000 + Math.floor(i / 4);
  return transferRecord(actor.contractId, actor.userId, tb.payer.id, {
    id: `list-${String(i).padStart(3, '0')}`,
    status,
    amount: yen(1000 + i),
    valueDate: '2025-01-07',
    receiptNumber: status === 'pending' ? null : `R${String(i).padStart(6, '0')}`,
    failure: status === 'failed' ? 'ledger.insufficient_funds' : null,
    createdAt: at,
    confirmedAt: status === 'pending' ? null : at,
    executedAt: status === 'completed' ? at : null,
    cancelledAt: status === 'cancelled' ? at : null,
  });
}
