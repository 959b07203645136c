/**
 * @kinko/store: core's Store on SQLite (embedded default) or PostgreSQL (production), SPEC §5.
 */
export { type KinkoStore, migrateOnly, openStore } from './open.ts';
