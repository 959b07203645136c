/** M5, M5a: limits, privileges, approval settings (administrator) and the approvals (every user). */
import type { ApprovalView } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';
import type { Proof } from '../transfers/api.ts';

export type { ApprovalView };

export interface LayerLimits {
  perTransfer: number;
  perDay: number;
  sameDayUnregisteredPerDay: number | null;
}

export type Privilege =
  | 'transfer'
  | 'inquiry'
  | 'approve'
  | 'first_approve'
  | 'final_approve'
  | 'file_transfer'
  | 'collection';

export const privileges: Privilege[] = [
  'transfer',
  'inquiry',
  'approve',
  'first_approve',
  'final_approve',
  'file_transfer',
  'collection',
];

export interface UserLimitsView {
  userId: string;
  loginId: string;
  name: string;
  limits: LayerLimits | null;
  privileges: Privilege[];
}

export interface LimitsView {
  bank: LayerLimits;
  contract: LayerLimits | null;
  users: UserLimitsView[];
}

export type ApprovalMode = 'none' | 'single' | 'double_ordered' | 'double_unordered';

export interface ApprovalSettings {
  mode: ApprovalMode;
  approverMustDiffer: boolean;
}

export type ApprovalAction = 'approve' | 'return' | 'cancel' | 'withdraw';

const approval = (id: string, action: ApprovalAction) =>
  `/api/v1/approvals/${encodeURIComponent(id)}/${action}`;

export const settingsApi = {
  limits: () => api.get<LimitsView>('/api/v1/admin/limits'),
  setLimits: (input: {
    contractPin: string;
    contract?: LayerLimits | null;
    users?: { userId: string; limits: LayerLimits | null }[];
  }) => api.put<LimitsView>('/api/v1/admin/limits', input),
  setPrivileges: (userId: string, list: Privilege[], contractPin: string) =>
    api.put<unknown>(`/api/v1/admin/users/${encodeURIComponent(userId)}/privileges`, {
      privileges: list,
      contractPin,
    }),
  approvalSettings: () => api.get<ApprovalSettings>('/api/v1/admin/approval-settings'),
  setApprovalSettings: (input: ApprovalSettings & { contractPin: string }) =>
    api.put<ApprovalSettings>('/api/v1/admin/approval-settings', input),
  approvals: (box: 'inbox' | 'mine') => api.get<ApprovalView[]>(`/api/v1/approvals?box=${box}`),
  act: (id: string, action: ApprovalAction, proof?: Proof) =>
    api.post<ApprovalView>(approval(id, action), proof ?? {}),
};
