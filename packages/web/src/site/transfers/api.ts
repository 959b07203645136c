/** 資金移動 (M2–M4, M6–M8): transfers and payees (docs/http-api.md). */

import type { TransferStatus } from '@kinko/core/ports';
import type {
  PayeeList,
  PayeeView,
  PendingTransfer,
  TransferAuthorisation,
  TransferInput,
  TransferListItem,
  TransferPage,
  TransferReceipt,
  TransferView,
} from '@kinko/core/shared';
import { api } from '../../shared/api.ts';
import type { CardPosition } from '../../shared/types.ts';

export type {
  PayeeList,
  PayeeView,
  PendingTransfer,
  TransferAuthorisation,
  TransferInput,
  TransferListItem,
  TransferPage,
  TransferReceipt,
  TransferView,
};

/** The step-up proof of a confirmation or a cancellation (M2, R4). */
export type Proof = { otp: string } | { confirmPin: string; cardPosition: CardPosition; cardValue: string };

const transfer = (id: string) => `/api/v1/transfers/${encodeURIComponent(id)}`;

export const transferApi = {
  payees: () => api.get<PayeeList>('/api/v1/payees'),
  /** 入力: the key is the screen submission's, reused when the same submission is retried (M3). */
  enter: (input: TransferInput, idempotencyKey: string) =>
    api.post<PendingTransfer>('/api/v1/transfers', input, { idempotencyKey }),
  confirm: (id: string, proof: Proof, idempotencyKey: string) =>
    api.post<TransferReceipt>(`${transfer(id)}/confirm`, proof, { idempotencyKey }),
  /** One page of the user's own transfers, newest first; `cursor` is the page before's nextCursor. */
  list: (q: { status?: TransferStatus; cursor?: string } = {}) => {
    const query = new URLSearchParams();
    if (q.status) query.set('status', q.status);
    if (q.cursor) query.set('cursor', q.cursor);
    return api.get<TransferPage>(`/api/v1/transfers${query.size > 0 ? `?${query}` : ''}`);
  },
  cancel: (id: string, proof: Proof) => api.post<TransferView>(`${transfer(id)}/cancel`, proof),
  /** What a cancellation asks: the OTP, or the PIN and a card position (the step-up challenge). */
  challenge: () => api.get<TransferAuthorisation>('/api/v1/step-up'),
};
