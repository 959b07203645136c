/**
 * What core needs from the outside: the clock, randomness, the key-encryption key and the Store,
 * with the records they carry. One file per area under ./ports/. `@kinko/core/ports` for the
 * store, with integer yen, the type its records carry money in.
 */

export { type Yen, yen } from './ledger/yen.ts';

export * from './ports/approvals.ts';
export * from './ports/audit.ts';
export * from './ports/certificates.ts';
export * from './ports/clock-random-kek.ts';
export * from './ports/identity.ts';
export * from './ports/ledger.ts';
export * from './ports/limits.ts';
export * from './ports/store.ts';
export * from './ports/tokens.ts';
export * from './ports/transfers.ts';
