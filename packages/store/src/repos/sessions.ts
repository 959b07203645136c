import type { SessionRecord, Store, UserRole } from '@kinko/core/ports';
import type { Selectable } from 'kysely';
import type { SessionsTable } from '../schema.ts';
import { prepared } from './prepared.ts';
import { bool, type Executor, mapUnique } from './shared.ts';

const byId = prepared((db, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id));
const withUser = prepared((db, id: string) =>
  db
    .selectFrom('sessions')
    .leftJoin('users', (j) =>
      j.onRef('users.id', '=', 'sessions.subject_id').on('sessions.realm', '=', 'customer'),
    )
    .selectAll('sessions')
    .select(['users.role as user_role', 'users.removed as user_removed'])
    .where('sessions.id', '=', id),
);
const touch = prepared((db, id: string, lastSeenAt: number, expiresAt: number) =>
  db.updateTable('sessions').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id),
);

export function sessionsRepo(db: Executor): Store['sessions'] {
  return {
    async insert(s) {
      await mapUnique(
        db()
          .insertInto('sessions')
          .values({
            id: s.id,
            realm: s.realm,
            subject_id: s.subjectId,
            contract_id: s.contractId,
            csrf_token: s.csrfToken,
            created_at: s.createdAt,
            last_seen_at: s.lastSeenAt,
            expires_at: s.expiresAt,
          })
          .execute(),
      );
    },
    async get(id) {
      const row = (await byId(db, id)).rows[0];
      return row ? fromRow(row) : null;
    },
    async getWithUser(id) {
      const row = (await withUser(db, id)).rows[0];
      if (!row) return null;
      const { user_role, user_removed, ...session } = row;
      const user =
        user_role === null || user_removed === null
          ? null
          : { role: user_role as UserRole, removed: bool(user_removed) }; // CHECK users_role
      return { session: fromRow(session), user };
    },
    async touch(id, lastSeenAt, expiresAt) {
      await touch(db, id, lastSeenAt, expiresAt);
    },
    async delete(id) {
      await db().deleteFrom('sessions').where('id', '=', id).execute();
    },
    async deleteBySubject(subjectId) {
      await db().deleteFrom('sessions').where('subject_id', '=', subjectId).execute();
    },
  };
}

function fromRow(r: Selectable<SessionsTable>): SessionRecord {
  return {
    id: r.id,
    realm: r.realm as SessionRecord['realm'], // CHECK sessions_realm
    subjectId: r.subject_id,
    contractId: r.contract_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
  };
}
