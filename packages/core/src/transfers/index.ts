/** The transfers room's public face: what the rest of core (and kinko.ts, which wires the use cases) uses of it. */

export type * from './api.ts';
export { actOnApproval, listApprovals } from './approval.ts';
export { confirmTransfer } from './confirm.ts';
export { enterTransfer } from './enter.ts';
export { exportOutbound, listOutbound } from './outbound.ts';
export { getTransfer, listTransfers } from './queries.ts';
export { cancelScheduledTransfer, runScheduledTransfers } from './scheduled.ts';
