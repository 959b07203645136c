/**
 * M5: limit settings, the daily usage counters and per-user privileges. The counter's one
 * conditional UPDATE is the contract of core/src/transfers/limit-policy.ts (module doc).
 */

import type { LimitSettingsRecord, Store } from '@kinko/core/ports';
import { sql } from 'kysely';
import { prepared } from './prepared.ts';
import { asYen, type Executor } from './shared.ts';

interface SettingsRow {
  per_transfer: number;
  per_day: number;
  same_day_unregistered_per_day: number | null;
}

function toLimits(r: SettingsRow): LimitSettingsRecord {
  const sub = r.same_day_unregistered_per_day;
  return {
    perTransfer: asYen(Number(r.per_transfer)),
    perDay: asYen(Number(r.per_day)),
    sameDayUnregisteredPerDay: sub === null ? null : asYen(Number(sub)),
  };
}

const layersOf = prepared((db, contractId: string, userId: string) =>
  db
    .selectFrom('limit_settings')
    .select(['layer', 'owner_id', 'per_transfer', 'per_day', 'same_day_unregistered_per_day'])
    // The layer too, so that the primary key (layer, owner_id) serves it, not a table scan.
    .where('layer', 'in', ['bank', 'contract', 'user'])
    .where('owner_id', 'in', [contractId, userId]),
);
const usageOf = prepared((db, contractId: string, userId: string, day: string) =>
  db
    .selectFrom('limit_usage')
    .select(['scope', 'owner_id', 'used', 'used_same_day_unregistered'])
    // The scope too: the primary key (scope, owner_id, day) serves it; without it, every
    // confirmation would scan a table that grows by a row per user and contract each day.
    .where('scope', 'in', ['contract', 'user'])
    .where('owner_id', 'in', [contractId, userId])
    .where('day', '=', day),
);
const privilegesOf = prepared((db, userId: string) =>
  db.selectFrom('user_privileges').select('privileges').where('user_id', '=', userId),
);

export function limitsRepo(db: Executor): Store['limits'] {
  return {
    async get(layer, ownerId) {
      const row = await db()
        .selectFrom('limit_settings')
        .select(['per_transfer', 'per_day', 'same_day_unregistered_per_day'])
        .where('layer', '=', layer)
        .where('owner_id', '=', ownerId)
        .executeTakeFirst();
      return row ? toLimits(row) : null;
    },
    async put(layer, ownerId, limits, at) {
      if (limits === null) {
        await db()
          .deleteFrom('limit_settings')
          .where('layer', '=', layer)
          .where('owner_id', '=', ownerId)
          .execute();
        return;
      }
      const values = {
        per_transfer: limits.perTransfer,
        per_day: limits.perDay,
        same_day_unregistered_per_day: limits.sameDayUnregisteredPerDay,
        updated_at: at,
      };
      await db()
        .insertInto('limit_settings')
        .values({ layer, owner_id: ownerId, ...values })
        .onConflict((oc) => oc.columns(['layer', 'owner_id']).doUpdateSet(values))
        .execute();
    },
    async listUsers(userIds) {
      const out = new Map<string, LimitSettingsRecord>();
      if (userIds.length === 0) return out;
      const rows = await db()
        .selectFrom('limit_settings')
        .select(['owner_id', 'per_transfer', 'per_day', 'same_day_unregistered_per_day'])
        .where('layer', '=', 'user')
        .where('owner_id', 'in', userIds)
        .execute();
      for (const r of rows) out.set(r.owner_id, toLimits(r));
      return out;
    },
    async layers(contractId, userId) {
      const { rows } = await layersOf(db, contractId, userId);
      const find = (layer: string, owner: string) => {
        const r = rows.find((x) => x.layer === layer && x.owner_id === owner);
        return r ? toLimits(r) : null;
      };
      return {
        bank: find('bank', contractId),
        contract: find('contract', contractId),
        user: find('user', userId),
      };
    },
    async usagePair(contractId, userId, day) {
      const { rows } = await usageOf(db, contractId, userId, day);
      const find = (scope: string, owner: string) => {
        const r = rows.find((x) => x.scope === scope && x.owner_id === owner);
        return {
          used: asYen(Number(r?.used ?? 0)),
          usedSameDayUnregistered: asYen(Number(r?.used_same_day_unregistered ?? 0)),
        };
      };
      return { contract: find('contract', contractId), user: find('user', userId) };
    },
    async usage(scope, ownerId, day) {
      const row = await db()
        .selectFrom('limit_usage')
        .select(['used', 'used_same_day_unregistered'])
        .where('scope', '=', scope)
        .where('owner_id', '=', ownerId)
        .where('day', '=', day)
        .executeTakeFirst();
      return {
        used: asYen(Number(row?.used ?? 0)),
        usedSameDayUnregistered: asYen(Number(row?.used_same_day_unregistered ?? 0)),
      };
    },
    async count(scope, ownerId, day, c) {
      // limit-policy.ts step 2, in ONE statement: the day's row is created with this transfer
      // in it, or updated only while the results stay within the limits. The conflict's WHERE
      // is evaluated on the newest committed row under its write lock (PostgreSQL; SQLite's one
      // writer), so no two transfers can both take the last room. A new row holds only this
      // transfer, so one larger than a limit by itself is refused here, before any SQL. A null
      // limit is left out; the row is still counted.
      const within = [];
      if (c.usedLimit !== null) {
        if (c.add > c.usedLimit) return false;
        within.push(sql`limit_usage.used + ${c.add} <= ${c.usedLimit}`);
      }
      if (c.sameDayUnregisteredLimit !== null) {
        if (c.addSameDayUnregistered > c.sameDayUnregisteredLimit) return false;
        within.push(
          sql`limit_usage.used_same_day_unregistered + ${c.addSameDayUnregistered} <= ${c.sameDayUnregisteredLimit}`,
        );
      }
      const result = await sql`
        insert into limit_usage (scope, owner_id, day, used, used_same_day_unregistered)
        values (${scope}, ${ownerId}, ${day}, ${c.add}, ${c.addSameDayUnregistered})
        on conflict (scope, owner_id, day) do update
        set used = limit_usage.used + excluded.used,
            used_same_day_unregistered =
              limit_usage.used_same_day_unregistered + excluded.used_same_day_unregistered
        ${within.length > 0 ? sql`where ${sql.join(within, sql` and `)}` : sql``}`.execute(db());
      return Number(result.numAffectedRows ?? 0n) === 1;
    },
    async giveBack(scope, ownerId, day, add, addSameDayUnregistered) {
      await sql`
        update limit_usage
        set used = used - ${add},
            used_same_day_unregistered = used_same_day_unregistered - ${addSameDayUnregistered}
        where scope = ${scope} and owner_id = ${ownerId} and day = ${day}`.execute(db());
    },
  };
}

export function privilegesRepo(db: Executor): Store['privileges'] {
  return {
    async get(userId) {
      const row = (await privilegesOf(db, userId)).rows[0];
      if (!row) return null;
      return row.privileges === '' ? [] : row.privileges.split(',');
    },
    async put(userId, privileges, at) {
      const value = privileges.join(',');
      await db()
        .insertInto('user_privileges')
        .values({ user_id: userId, privileges: value, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ privileges: value, updated_at: at }))
        .execute();
    },
  };
}
