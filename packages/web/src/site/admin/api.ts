/**
 * ご契約先管理情報変更: the administrator's calls (docs/http-api.md): users and tokens (R1–R5, A2),
 * limits and privileges (M5), the approval setting (M5a). Every change carries the contract PIN.
 */

import type { UsageMode } from '@kinko/core/ports';
import type {
  ApprovalSettingsRecord,
  CardPosition,
  ContractView,
  KinkoApi,
  LimitsInput,
  LimitsView,
  Privilege,
  UsageModeImpact,
  UserLimitsView,
  UserView,
} from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

export type UserList = Awaited<ReturnType<KinkoApi['listUsers']>>;

const users = '/api/v1/admin/users';
const user = (id: string) => `${users}/${encodeURIComponent(id)}`;

export const adminApi = {
  list: () => api.get<UserList>(users),
  create: (input: { loginId: string; name: string; password: string; contractPin: string }) =>
    api.post<UserView>(users, input),
  update: (id: string, input: { name?: string; password?: string; contractPin: string }) =>
    api.patch<UserView>(user(id), input),
  remove: (id: string, contractPin: string) => api.del(user(id), { contractPin }),
  /** R3: confirmed says the administrator was shown usageModeImpact (the server refuses a release without it). */
  setUsageMode: (mode: UsageMode, contractPin: string, confirmed: boolean) =>
    api.put<ContractView>('/api/v1/admin/usage-mode', { mode, contractPin, confirmed }),
  usageModeImpact: (mode: UsageMode) =>
    api.get<UsageModeImpact>(`/api/v1/admin/usage-mode/impact?${new URLSearchParams({ mode })}`),
  registerToken: (input: { serial: string; otp: string; contractPin: string; userIds?: string[] }) =>
    api.post<UserList>('/api/v1/admin/token-registrations', input),
  /** R5: one user's registration (individual) or the shared one (userId omitted). */
  removeRegistration: (contractPin: string, userId?: string) =>
    api.del('/api/v1/admin/token-registrations', userId ? { userId, contractPin } : { contractPin }),
  unlock: (id: string, contractPin: string) => api.post<UserView>(`${user(id)}/unlock`, { contractPin }),
  issueCard: (id: string, contractPin: string) =>
    api.post<{ card: Record<CardPosition, string> }>(`${user(id)}/card`, { contractPin }),
  setConfirmPin: (id: string, confirmPin: string, contractPin: string) =>
    api.put<void>(`${user(id)}/confirm-pin`, { confirmPin, contractPin }),
};

/** M5, M5a: ご契約先限度額変更, 利用者権限設定, 承認設定. */
export const settingsApi = {
  limits: () => api.get<LimitsView>('/api/v1/admin/limits'),
  setLimits: (input: LimitsInput) => api.put<LimitsView>('/api/v1/admin/limits', input),
  setPrivileges: (userId: string, list: Privilege[], contractPin: string) =>
    api.put<UserLimitsView>(`/api/v1/admin/users/${encodeURIComponent(userId)}/privileges`, {
      privileges: list,
      contractPin,
    }),
  approvalSettings: () => api.get<ApprovalSettingsRecord>('/api/v1/admin/approval-settings'),
  setApprovalSettings: (input: ApprovalSettingsRecord & { contractPin: string }) =>
    api.put<ApprovalSettingsRecord>('/api/v1/admin/approval-settings', input),
};
