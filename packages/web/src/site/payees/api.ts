/** The user's own payee list (登録振込先) and the bank and branch directory (M8; docs/http-api.md). */
import type { DirectoryEntry, PayeeAccountInput, PayeeView } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

export type { DirectoryEntry };

export const payeeApi = {
  /** Saves to the user's own list; the key is the screen action's, reused when it is retried (M3). */
  save: (input: PayeeAccountInput & { nickname?: string | null }, idempotencyKey: string) =>
    api.post<PayeeView>('/api/v1/payees', input, { idempotencyKey }),
  remove: (id: string) => api.del(`/api/v1/payees/${encodeURIComponent(id)}`),
  banks: (q: string) => api.get<DirectoryEntry[]>(`/api/v1/banks?q=${encodeURIComponent(q)}`),
  branches: (bankCode: string, q: string) =>
    api.get<DirectoryEntry[]>(
      `/api/v1/banks/${encodeURIComponent(bankCode)}/branches?q=${encodeURIComponent(q)}`,
    ),
};
