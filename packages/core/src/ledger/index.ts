/**
 * What @kinko/core exposes of the ledger (M1, M9): integer yen, account naming, verification.
 * post() and the account access checks take a use case's Tx, so they are used inside core by
 * path (ledger/post.ts, ledger/access.ts), never by the server or the CLI.
 */
export { STATEMENT_PAGE } from './statement.ts';
export { verifyLedger } from './verify.ts';
export * from './yen.ts';
