/** @kinko/core: the bank's domain, framework-free (STYLE habit 1). */
export * from './api.ts';
export { canonicalJson, GENESIS_HASH, recordHash } from './audit/chain.ts';
export type { Actor, AuditEvent } from './audit/use-case.ts';
export { verifyChain } from './audit/verify.ts';
export { type BankDate, isBusinessDay, jstDate, nextBusinessDay } from './calendar/index.ts';
export * from './config.ts';
export { type DemoLogin, type DemoSeed, demoBank, seedDemo } from './demo.ts';
export * from './errors.ts';
export { createOperator } from './identity/operators.ts';
export { assertLoginId, assertPassword, assertPin, isContractNumber } from './identity/policy.ts';
export { createKinko, type KinkoDeps } from './kinko.ts';
export * from './ledger/index.ts';
export * from './otp/index.ts';
export type { PageLimits } from './paging.ts';
export * from './ports.ts';
export { APPROVAL_STATES } from './transfers/approval-states.ts';
export { loadBankDirectory } from './transfers/bank-directory.ts';
export { TRANSFER_PAGE } from './transfers/queries.ts';
