/**
 * The back office filters the audit log by action, by actor and by date range (B1, issue 9.6),
 * newest first by id. Each index ends in id, so a filtered page walks its own rows in the
 * listing's order and stops at the page's size, instead of reading the whole log's newest rows
 * and discarding those of other actions or actors. The date range is on `at`.
 */
import type { Kysely, Migration } from 'kysely';

export function auditFilters(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createIndex('audit_records_action_id')
        .on('audit_records')
        .columns(['action', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_records_actor_id')
        .on('audit_records')
        .columns(['actor_id', 'id'])
        .execute();
      await db.schema.createIndex('audit_records_at_id').on('audit_records').columns(['at', 'id']).execute();
    },
  };
}
