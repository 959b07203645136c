import { defineMessages } from '../../shared/i18n.ts';

/**
 * The 振込受付票 / 振替受付票 (issue 9.10), and 振替's own wording: a transfer between the
 * contract's own accounts is a 振替, never a 振込, on every screen that shows one.
 */
export const receiptMessages = defineMessages(
  {
    titleTransfer: '振込受付票',
    titleOwn: '振替受付票',
    acceptedAt: '受付日時',
    remitter: '依頼人名',
    print: '印刷',
    printHint: '印刷画面で「PDFに保存」を選ぶと、PDFファイルとして保存できます。',
    printedAt: '出力日時 {time}',
    // 振込 (to a payee)
    amount: '振込金額',
    fee: '振込手数料',
    valueDate: '振込指定日',
    // 振替 (between own accounts)
    ownAmount: '振替金額',
    ownAmountField: '振替金額（円）',
    ownFee: '振替手数料',
    ownValueDate: '振替指定日',
    ownPayee: '入金口座',
    ownDoneIntro: '振替を受け付けました。',
  },
  {
    titleTransfer: 'Transfer receipt',
    titleOwn: 'Transfer receipt (own accounts)',
    acceptedAt: 'Accepted at',
    remitter: 'Remitter',
    print: 'Print',
    printHint: 'Choose "Save as PDF" in the print dialog to keep it as a PDF file.',
    printedAt: 'Printed {time}',
    amount: 'Amount',
    fee: 'Transfer fee',
    valueDate: 'Transfer date',
    ownAmount: 'Amount',
    ownAmountField: 'Amount (yen)',
    ownFee: 'Fee',
    ownValueDate: 'Date',
    ownPayee: 'To account',
    ownDoneIntro: 'Your transfer between your accounts has been accepted.',
  },
);
