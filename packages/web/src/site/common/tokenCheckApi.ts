/** トークン動作確認 (issue 9 item 5): a step-up that authorises nothing, audited as token.check. */
import type { StepUpResult } from '@kinko/core/shared';
import { api } from '../../shared/api.ts';

export const tokenCheckApi = {
  /** Uses the code up (T2); a wrong one counts towards 利用中止 (A2). */
  check: (otp: string) => api.post<StepUpResult>('/api/v1/otp/check', { otp }),
};
