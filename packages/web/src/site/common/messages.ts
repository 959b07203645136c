import { defineMessages } from '../../shared/i18n.ts';

/** A transfer's status and an approval request's state, as the badges show them (M6, M5a). */
export const statusMessages = defineMessages(
  {
    statusPending: '未確定',
    statusScheduled: '予約中',
    statusCompleted: '処理済',
    statusCancelled: '取消済',
    statusFailed: '不能',
    s_pending_approval: '承認待ち',
    s_first_approved: '一次承認済',
    s_approved: '承認済',
    s_processed: '処理済',
    s_withdrawn: '引戻し',
    s_returned: '差戻し',
    s_approval_cancelled: '承認取消',
    s_expired: '期限切れ',
  },
  {
    statusPending: 'Not confirmed',
    statusScheduled: 'Scheduled',
    statusCompleted: 'Completed',
    statusCancelled: 'Cancelled',
    statusFailed: 'Failed',
    s_pending_approval: 'Awaiting approval',
    s_first_approved: 'First approval done',
    s_approved: 'Approved',
    s_processed: 'Processed',
    s_withdrawn: 'Withdrawn',
    s_returned: 'Returned',
    s_approval_cancelled: 'Approval cancelled',
    s_expired: 'Expired',
  },
);

export type StatusKey = keyof typeof statusMessages.ja;

/** The step-up proof of a transfer, a cancellation or an approval (M2, R4). */
export const proofMessages = defineMessages(
  {
    otp: 'ワンタイムパスワード',
    otpHint: 'トークンに表示されている6桁の数字を入力してください。',
    confirmPin: '利用者確認暗証番号',
    card: 'カードの「{position}」欄の数字（2桁）',
    cardHint: 'お手元の利用者ワンタイムパスワードカード（ア～ク）の指定欄の数字です。',
  },
  {
    otp: 'One-time password',
    otpHint: 'The 6 digits shown by your token.',
    confirmPin: 'User confirmation PIN',
    card: 'Digits in box “{position}” of your card (2 digits)',
    cardHint: 'From your one-time password card (ア–ク).',
  },
);
