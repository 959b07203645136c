/**
 * The step-up (M2, R4): what the server asks of this user now. The proof goes with the operation
 * it authorises (a transfer's confirmation, an approval, a cancellation), never on its own.
 */
import type { TransferAuthorisation } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

export const stepUpApi = {
  /** The OTP once a token is active; else 利用者確認暗証番号 and a card position, a fresh one each time. */
  challenge: () => api.get<TransferAuthorisation>('/api/v1/step-up'),
};
