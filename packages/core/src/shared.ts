/**
 * `@kinko/core/shared`: what the browser may take from core (STYLE: the web uses core through its
 * exports, never its src/). The API's shapes as types only, which vanish from the bundle, and the
 * few constants the screens show. Nothing imported here may need Node.
 */
export type * from './api.ts';
export { APPROVAL_STATES, type ApprovalState } from './approvals/states.ts';
export type { ErrorCode } from './errors.ts';
export type * from './transfers/views.ts';
export type { DirectoryEntry } from './zengin/bank-directory.ts';
