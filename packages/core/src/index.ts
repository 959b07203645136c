/** @kinko/core: the bank's domain, framework-free (STYLE habit 1). */
export * from './api.ts';
export { APPROVAL_MODES, APPROVAL_STATES } from './approvals/states.ts';
export { AUDIT_ACTION_CODES } from './audit/actions.ts';
export {
  checkpointAudit,
  parseCheckpoint,
} from './audit/checkpoint.ts';
export { createAuditKey } from './audit/key.ts';
export { prepareAuditLog } from './audit/legacy.ts';
export { AUDIT_ACTOR_TYPES } from './audit/query.ts';
export { verifyAuditLog } from './audit/verify.ts';
export { AUDIT_PAGE } from './audit/view.ts';
export { isBusinessDay, jstDate, nextBusinessDay } from './calendar/index.ts';
export {
  type CertificateAuthority,
  type CertificateCode,
  type CertificateView,
  createCertificateAuthority,
  type IssuedCertificate,
  loadCertificateAuthority,
  makeCertificateRequest,
} from './certificates/index.ts';
export * from './config.ts';
export { type DemoSeed, demoBank, seedDemo } from './demo.ts';
export * from './errors.ts';
export { createOperator } from './identity/operators.ts';
export { PRIVILEGES } from './identity/privileges.ts';
export { createKinko, type KinkoDeps } from './kinko.ts';
export * from './ledger/index.ts';
export * from './otp/index.ts';
export type { PageLimits } from './paging.ts';
export * from './ports.ts';
export { cardPositions } from './tokens/proof.ts';
export { TRANSFER_PAGE } from './transfers/queries.ts';
export { typedCode } from './typed-code.ts';
export { loadBankDirectory } from './zengin/bank-directory.ts';
