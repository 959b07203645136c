import type { EntryKind, JournalEntryRecord, PostingRecord, Store } from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { JournalEntriesTable, PostingsTable } from '../schema.ts';
import { insertRows } from './prepared.ts';
import { asYen, type Executor } from './shared.ts';

/** The journal (M1): entries and their postings, written once, never changed. */
export function journalRepo(db: Executor, inTransaction: boolean): Store['journal'] {
  const postingsOf = async (entryIds: string[]): Promise<Map<string, PostingRecord[]>> => {
    const byEntry = new Map<string, PostingRecord[]>(entryIds.map((id) => [id, []]));
    if (entryIds.length === 0) return byEntry;
    // By account, then the account's seq: a stable order (post() returns them in line order).
    const rows = await db()
      .selectFrom('postings')
      .selectAll()
      .where('entry_id', 'in', entryIds)
      .orderBy('entry_id')
      .orderBy('account_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) byEntry.get(r.entry_id)?.push(postingFromRow(r));
    return byEntry;
  };
  return {
    async append(entry, postings) {
      if (!inTransaction) throw new Error('store: journal.append must be called inside transaction');
      await insertRows(db, 'journal_entries', [
        { id: entry.id, at: entry.at, kind: entry.kind, memo: entry.memo, reference: entry.reference },
      ]);
      if (postings.length === 0) return;
      await insertRows(
        db,
        'postings',
        postings.map((p) => ({
          account_id: p.accountId,
          seq: p.seq,
          entry_id: p.entryId,
          amount: p.amount,
          balance_after: p.balanceAfter,
          at: p.at,
          memo: p.memo,
        })),
      );
    },
    async getEntry(id) {
      const row = await db()
        .selectFrom('journal_entries')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      return { entry: entryFromRow(row), postings: (await postingsOf([id])).get(id) ?? [] };
    },
    async listEntries({ afterId, limit }) {
      let query = db().selectFrom('journal_entries').selectAll();
      if (afterId !== undefined) query = query.where('id', '>', afterId);
      const rows = await query.orderBy('id').limit(limit).execute();
      const postings = await postingsOf(rows.map((r) => r.id));
      return rows.map((r) => ({ entry: entryFromRow(r), postings: postings.get(r.id) ?? [] }));
    },
    async postings(accountId, { afterSeq, fromAt, toAt, limit }) {
      let query = db().selectFrom('postings').selectAll().where('account_id', '=', accountId);
      if (afterSeq !== undefined) query = query.where('seq', '>', afterSeq);
      if (fromAt !== undefined) query = query.where('at', '>=', fromAt);
      if (toAt !== undefined) query = query.where('at', '<', toAt);
      const rows = await query.orderBy('seq').limit(limit).execute();
      return rows.map(postingFromRow);
    },
    async lastBefore(accountId, at) {
      const row = await db()
        .selectFrom('postings')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('at', '<', at)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row ? postingFromRow(row) : null;
    },
  };
}

function entryFromRow(r: Selectable<JournalEntriesTable>): JournalEntryRecord {
  return { id: r.id, at: r.at, kind: r.kind as EntryKind, memo: r.memo, reference: r.reference };
}

function postingFromRow(r: Selectable<PostingsTable>): PostingRecord {
  return {
    entryId: r.entry_id,
    accountId: r.account_id,
    seq: r.seq,
    amount: asYen(r.amount),
    balanceAfter: asYen(r.balance_after),
    at: r.at,
    memo: r.memo,
  };
}
