/** The approvals room's public face: what the rest of core (and kinko.ts, which wires the use cases) uses of it. */
export { type Transitioned, transition } from './flow.ts';
export { needsOtp } from './otp.ts';
export { approvalSettingsOf, getApprovalSettings, rightsOf, setApprovalSettings } from './settings.ts';
export { type ApprovalAction, type ApprovalState, awaitsApproval, NO_RIGHTS } from './states.ts';
