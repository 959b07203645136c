/**
 * `@kinko/core/internal`: the few pieces of core's inside that the test kit (packages/testkit)
 * drives directly — a raw ledger posting in its own use case, the calendar's arithmetic, the
 * pending transfer's lifetime. The linter lets no other package import it.
 */
export { addBusinessDays, jstTime } from './calendar/index.ts';
export { type PostedEntry, post } from './ledger/post.ts';
export { PENDING_TTL_MS } from './transfers/confirm.ts';
export { runUseCase } from './use-case.ts';
