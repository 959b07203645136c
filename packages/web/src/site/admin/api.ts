/** ご契約先管理情報変更: the administrator's calls (docs/http-api.md). Every change carries the contract PIN. */
import { api } from '../../shared/api.ts';
import type { CardPosition, ContractView, UsageMode, UserView } from '../../shared/types.ts';

export interface UserList {
  contract: ContractView;
  users: UserView[];
}

const users = '/api/v1/admin/users';
const user = (id: string) => `${users}/${encodeURIComponent(id)}`;

export const adminApi = {
  list: () => api.get<UserList>(users),
  create: (input: { loginId: string; name: string; password: string; contractPin: string }) =>
    api.post<UserView>(users, input),
  update: (id: string, input: { name?: string; password?: string; contractPin: string }) =>
    api.patch<UserView>(user(id), input),
  remove: (id: string, contractPin: string) => api.del(user(id), { contractPin }),
  setUsageMode: (mode: UsageMode, contractPin: string) =>
    api.put<ContractView>('/api/v1/admin/usage-mode', { mode, contractPin }),
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
