/**
 * @kinko/store: core's Store on SQLite (embedded default) or PostgreSQL (production), SPEC §5.
 */
export { type KinkoStore, migrateOnly, type OpenOptions, openStore } from './open.ts';
export type { Database } from './schema.ts';
