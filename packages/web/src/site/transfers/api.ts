/** 資金移動 (M2–M4, M6–M7): transfers (docs/http-api.md). */
import type { TransferStatus } from '@kinko/core/ports';
import type {
  PendingTransfer,
  StepUpProof,
  TransferInput,
  TransferPage,
  TransferReceipt,
  TransferView,
} from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

const transfer = (id: string) => `/api/v1/transfers/${encodeURIComponent(id)}`;

export const transferApi = {
  /** 入力: the key is the screen submission's, reused when the same submission is retried (M3). */
  enter: (input: TransferInput, idempotencyKey: string) =>
    api.post<PendingTransfer>('/api/v1/transfers', input, { idempotencyKey }),
  confirm: (id: string, proof: StepUpProof, idempotencyKey: string) =>
    api.post<TransferReceipt>(`${transfer(id)}/confirm`, proof, { idempotencyKey }),
  /** One page of the user's own transfers, newest first; `cursor` is the page before's nextCursor. */
  list: (q: { status?: TransferStatus; cursor?: string } = {}) => {
    const query = new URLSearchParams();
    if (q.status) query.set('status', q.status);
    if (q.cursor) query.set('cursor', q.cursor);
    return api.get<TransferPage>(`/api/v1/transfers${query.size > 0 ? `?${query}` : ''}`);
  },
  cancel: (id: string, proof: StepUpProof) => api.post<TransferView>(`${transfer(id)}/cancel`, proof),
};
