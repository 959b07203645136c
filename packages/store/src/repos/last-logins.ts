import type { LastLoginRecord, Store } from '@kinko/core/ports';
import { sql } from 'kysely';
import type { Executor } from './shared.ts';

/** 前回ログイン日時 per realm and subject (migration 0009). */
export function lastLoginsRepo(db: Executor): Store['lastLogins'] {
  return {
    async record(realm, subjectId, at) {
      // One upsert: the row's own last_at becomes previous_at under the row's write lock, so
      // two concurrent logins are ordered, and neither loses the other's time.
      const row = await db()
        .insertInto('last_logins')
        .values({ realm, subject_id: subjectId, last_at: at, previous_at: null })
        .onConflict((oc) =>
          oc.columns(['realm', 'subject_id']).doUpdateSet({
            previous_at: sql.ref('last_logins.last_at'),
            last_at: (eb) => eb.ref('excluded.last_at'),
          }),
        )
        .returning(['last_at', 'previous_at'])
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },
    async get(realm, subjectId) {
      const row = await db()
        .selectFrom('last_logins')
        .select(['last_at', 'previous_at'])
        .where('realm', '=', realm)
        .where('subject_id', '=', subjectId)
        .executeTakeFirst();
      return row ? fromRow(row) : null;
    },
  };
}

function fromRow(r: { last_at: number; previous_at: number | null }): LastLoginRecord {
  return { lastAt: r.last_at, previousAt: r.previous_at };
}
