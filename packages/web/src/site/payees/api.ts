/** The payees (M8; docs/http-api.md): 事前登録, the user's own list, 最近10回, and the bank and branch directory. */
import type { DirectoryEntry, PayeeInput, PayeeList, PayeeView } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

export const payeeApi = {
  list: () => api.get<PayeeList>('/api/v1/payees'),
  /** Saves to the user's own list; the key is the screen action's, reused when it is retried (M3). */
  save: (input: PayeeInput, idempotencyKey: string) =>
    api.post<PayeeView>('/api/v1/payees', input, { idempotencyKey }),
  remove: (id: string) => api.del(`/api/v1/payees/${encodeURIComponent(id)}`),
  banks: (q: string) => api.get<DirectoryEntry[]>(`/api/v1/banks?q=${encodeURIComponent(q)}`),
  branches: (bankCode: string, q: string) =>
    api.get<DirectoryEntry[]>(
      `/api/v1/banks/${encodeURIComponent(bankCode)}/branches?q=${encodeURIComponent(q)}`,
    ),
};
