/**
 * The user's transfer list (GET /api/v1/transfers) pages by (created_at, id) within one user's
 * transfers, with or without a status. These two indexes serve both lookups in the list's own
 * order, so a page reads its rows and stops, instead of reading the contract's newest rows and
 * filtering them afterwards (which lost a user's older transfers once the contract had more).
 * The status index is kept up to date by every status change, one entry per transition.
 */
import type { Kysely, Migration } from 'kysely';

export function transferLists(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('transfers_user_list')
        .on('transfers')
        .columns(['user_id', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('transfers_user_status_list')
        .on('transfers')
        .columns(['user_id', 'status', 'created_at', 'id'])
        .execute();
    },
  };
}
