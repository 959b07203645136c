import { openStore } from '@kinko/store';
import { dbUrlFrom } from '../runtime.ts';

/** `kinko db migrate`: applies pending versioned migrations and lists them. */
export async function dbMigrate(db: string | undefined): Promise<void> {
  const store = await openStore(dbUrlFrom(db), { migrate: false, pgSchema: process.env.KINKO_PG_SCHEMA });
  try {
    const applied = await store.migrate();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  } finally {
    await store.close();
  }
}
