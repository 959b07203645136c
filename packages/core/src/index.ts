/** @kinko/core: the bank's domain, framework-free (STYLE habit 1). */
export * from './api.ts';
export { APPROVAL_MODES, APPROVAL_STATES } from './approvals/states.ts';
export { chainOf } from './audit/chain.ts';
export {
  type AuditCheckpoint,
  checkpointAudit,
  checkpointProblem,
  createCheckpoint,
  parseCheckpoint,
} from './audit/checkpoint.ts';
export { createAuditKey } from './audit/key.ts';
export { type AuditPreparation, legacyRecordHash, prepareAuditLog } from './audit/legacy.ts';
export { canonicalJson, macInput, recordMac, storableText } from './audit/record.ts';
export { AUDIT_KEY_ID_SETTING, verifyAuditLog } from './audit/verify.ts';
export { AUDIT_PAGE } from './audit/view.ts';
export { type BankDate, isBusinessDay, jstDate, nextBusinessDay } from './calendar/index.ts';
export * from './config.ts';
export { type DemoLogin, type DemoSeed, demoBank, seedDemo } from './demo.ts';
export * from './errors.ts';
export { createOperator } from './identity/operators.ts';
export { assertLoginId, assertPassword, assertPin, isContractNumber } from './identity/policy.ts';
export { PRIVILEGES } from './identity/privileges.ts';
export { createKinko, type KinkoDeps } from './kinko.ts';
export * from './ledger/index.ts';
export * from './otp/index.ts';
export type { PageLimits } from './paging.ts';
export * from './ports.ts';
export { cardPositions } from './tokens/proof.ts';
export { TRANSFER_PAGE } from './transfers/queries.ts';
export type { AuditEvent } from './use-case.ts';
export { loadBankDirectory } from './zengin/bank-directory.ts';
