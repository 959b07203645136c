/**
 * @kinko/testkit: what the tests of every package share (STYLE: fixtures live here, never beside
 * production code). A test bank on each storage backend with its operator, contract, users and
 * tokens; a fake clock; ledger and transfer helpers; the checks that a refusal committed nothing.
 * Tests import it; the linter refuses it in any package's code.
 */
export * from './bank.ts';
export * from './ca.ts';
export * from './certificates.ts';
export * from './day.ts';
export * from './failure.ts';
export * from './ledger.ts';
export * from './tamper.ts';
export * from './transfer-ops.ts';
export * from './transfers.ts';
