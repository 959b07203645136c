import { defineMessages } from '../../shared/i18n.ts';

/** T2: the reused-OTP notices on the home page (the heading and wording are in site/messages.ts). */
export const alertMessages = defineMessages(
  {
    alertTime: '日時',
    alertOperation: 'お取引',
    alertSerial: 'シリアル番号',
    alertEnteredBy: '入力した利用者',
    alertAcknowledge: '確認しました',
    alertAckHelp:
      '「確認しました」を押すと、このお知らせはあなたの画面から消えます。他の受取人（トークンの利用者または管理者）の画面には、その方が確認するまで表示されます。',
    op_transfer_confirm: '振込・振替の確定',
    op_transfer_submit: '承認依頼',
    op_transfer_approve: '承認',
    op_transfer_return: '差戻し',
    op_transfer_cancel_approval: '承認取消',
    op_transfer_withdraw: '引戻し',
    op_transfer_cancel: '予約の取消',
    op_token_registration: 'トークンの利用登録',
    op_otp_check: 'ワンタイムパスワード認証',
    op_other: 'その他のお取引（{code}）',
  },
  {
    alertTime: 'Time',
    alertOperation: 'Operation',
    alertSerial: 'Serial number',
    alertEnteredBy: 'Entered by',
    alertAcknowledge: 'Acknowledge',
    alertAckHelp:
      "Acknowledging removes this notice from your screen only. The other recipients (the token's users or the administrator) see it until they acknowledge it.",
    op_transfer_confirm: 'Confirming a transfer',
    op_transfer_submit: 'Submitting for approval',
    op_transfer_approve: 'Approval',
    op_transfer_return: 'Returning for correction',
    op_transfer_cancel_approval: 'Cancelling an approval',
    op_transfer_withdraw: 'Withdrawing a request',
    op_transfer_cancel: 'Cancelling a scheduled transfer',
    op_token_registration: 'Token registration',
    op_otp_check: 'One-time password check',
    op_other: 'Other operation ({code})',
  },
);

type AlertKey = keyof typeof alertMessages.ja;

const operations: Record<string, AlertKey> = {
  'transfer.confirm': 'op_transfer_confirm',
  'transfer.submit': 'op_transfer_submit',
  'transfer.approve': 'op_transfer_approve',
  'transfer.return': 'op_transfer_return',
  'transfer.cancel_approval': 'op_transfer_cancel_approval',
  'transfer.withdraw': 'op_transfer_withdraw',
  'transfer.cancel': 'op_transfer_cancel',
  'token.registration': 'op_token_registration',
  'otp.check': 'op_otp_check',
  'step-up': 'op_otp_check',
};

/** The message key of what a reused code was for (the step-up's purpose); op_other for the rest. */
export function operationKey(operation: string): AlertKey {
  return operations[operation] ?? 'op_other';
}
