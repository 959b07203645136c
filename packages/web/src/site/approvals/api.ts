/** M5a: the approvals of every user: the inbox, the user's own requests, and the acts on them. */
import type { ApprovalView, StepUpProof } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

/** The acts the screen offers, as their paths name them (…/cancel is 承認取消). */
export type ApprovalAction = 'approve' | 'return' | 'cancel' | 'withdraw';

export type ApprovalBox = 'inbox' | 'mine';

const approval = (id: string, action: ApprovalAction) =>
  `/api/v1/approvals/${encodeURIComponent(id)}/${action}`;

export const approvalsApi = {
  list: (box: ApprovalBox) => api.get<ApprovalView[]>(`/api/v1/approvals?box=${box}`),
  act: (id: string, action: ApprovalAction, proof?: StepUpProof) =>
    api.post<ApprovalView>(approval(id, action), proof ?? {}),
};
