import type { TransferReceipt, TransferView } from '@kinko/core/shared';
import { useRef, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { newIdempotencyKey } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatTime, formatYen } from '../../shared/format.ts';
import { useLang, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { approvalMessages } from '../approvals/messages.ts';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { TransferStatusBadge } from '../common/TransferStatusBadge.tsx';
import { payeeApi } from '../payees/api.ts';
import { savedPayeeMessages } from '../payees/messages.ts';
import { transferMessages } from './messages.ts';
import { receiptMessages } from './receiptMessages.ts';

/**
 * 完了: the 振込受付票 (振替受付票 between own accounts), printable (issue 9.10): the 受付番号 and
 * 受付日時, the account paid from, the payee, amount, fee and お引落合計 (amount + fee), the date;
 * in an approval mode (M5a) the request is 承認待ち. The print stylesheet (site.css) leaves the
 * receipt alone on the page, with the bank's name; "Save as PDF" in the print dialog keeps it.
 */
export function TransferDone({
  receipt,
  accountName,
  onAgain,
  go,
}: {
  receipt: TransferReceipt;
  accountName: (id: string) => string;
  onAgain: () => void;
  go: (route: string) => void;
}) {
  const t = useT(transferMessages);
  const r = useT(receiptMessages);
  const a = useT(accountLabels);
  const s = useT(approvalMessages);
  const lang = useLang();
  const tr = receipt.transfer;
  const approval = receipt.approval;
  const own = tr.kind === 'own';
  return (
    <section className="panel receipt" data-testid="transfer-done" data-kind={tr.kind}>
      <h2 className="receipt-title" data-testid="receipt-title">
        {own ? r('titleOwn') : r('titleTransfer')}
      </h2>
      <p data-testid="done-intro">
        {approval ? s('awaitingIntro') : own ? r('ownDoneIntro') : t('doneIntro')}
      </p>
      <dl className="facts">
        <dt>{t('receiptNumber')}</dt>
        <dd className="mono big" data-testid="receipt-number">
          {receipt.receiptNumber}
        </dd>
        <dt>{r('acceptedAt')}</dt>
        <dd data-testid="done-accepted-at">{formatTime(tr.confirmedAt ?? tr.createdAt, lang)}</dd>
        <dt>{t('status')}</dt>
        <dd>
          {approval ? (
            <ApprovalStateBadge state={approval.state} testId="approval-state" />
          ) : (
            <TransferStatusBadge status={tr.status} testId="transfer-status" />
          )}
        </dd>
        <dt>{t('from')}</dt>
        <dd data-testid="done-from">{accountName(tr.fromAccountId)}</dd>
        <dt>{own ? r('ownPayee') : t('payee')}</dt>
        <dd data-testid="done-payee">
          {tr.payee.bankName} {tr.payee.branchName} {accountTypeLabel(a, tr.payee.accountType)}{' '}
          {tr.payee.accountNumber} <span className="kana">{tr.payee.name}</span>
        </dd>
        <dt>{r('remitter')}</dt>
        <dd className="kana" data-testid="done-remitter">
          {tr.remitterName}
        </dd>
        <dt>{own ? r('ownAmount') : r('amount')}</dt>
        <dd data-testid="done-amount">{formatYen(tr.amount)}</dd>
        <dt>{own ? r('ownFee') : r('fee')}</dt>
        <dd data-testid="done-fee">{formatYen(tr.fee)}</dd>
        <dt>{t('total')}</dt>
        <dd className="big" data-testid="done-total">
          {formatYen(tr.total)}
        </dd>
        <dt>{own ? r('ownValueDate') : r('valueDate')}</dt>
        <dd>
          <span data-testid="done-date">{formatDay(tr.valueDate)}</span>
          <span data-testid="done-timing">（{tr.sameDay ? t('sameDay') : t('scheduled')}）</span>
        </dd>
      </dl>
      <p className="print-only receipt-printed">{r('printedAt', { time: formatTime(Date.now(), lang) })}</p>
      {!own && tr.payee.payeeId === null && <SavePayee payee={tr.payee} />}
      <div className="actions no-print">
        <button type="button" className="primary" data-testid="receipt-print" onClick={() => window.print()}>
          {r('print')}
        </button>
        <button type="button" data-testid="transfer-again" onClick={onAgain}>
          {t('again')}
        </button>
        {approval ? (
          <button type="button" data-testid="done-approvals" onClick={() => go('approvals')}>
            {s('menuApprovals')}
          </button>
        ) : (
          <button type="button" data-testid="done-scheduled" onClick={() => go('transfers/scheduled')}>
            {t('menuScheduled')}
          </button>
        )}
      </div>
      <p className="hint no-print">{r('printHint')}</p>
    </section>
  );
}

/**
 * 都度指定 (a payee typed or taken from 最近10回): 「この振込先を登録する」 saves it to the user's own
 * list (POST /api/v1/payees) with one Idempotency-Key, reused if the same save is retried (M3).
 */
function SavePayee({ payee }: { payee: TransferView['payee'] }) {
  const t = useT(savedPayeeMessages);
  const { busy, error, run } = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const key = useRef<string | null>(null);

  async function save() {
    key.current ??= newIdempotencyKey();
    const k = key.current;
    const saved = await run(() =>
      payeeApi.save(
        {
          bankCode: payee.bankCode,
          branchCode: payee.branchCode,
          accountType: payee.accountType,
          accountNumber: payee.accountNumber,
          name: payee.name,
        },
        k,
      ),
    );
    if (saved) setNotice(t('saved', { name: saved.name }));
  }

  return (
    <div className="save-payee no-print" data-testid="save-payee">
      <ErrorBox error={error} />
      <Notice text={notice} />
      {!notice && (
        <p>
          <button type="button" data-testid="save-payee-submit" disabled={busy} onClick={() => void save()}>
            {t('saveThis')}
          </button>{' '}
          <small className="hint">{t('saveThisHint')}</small>
        </p>
      )}
    </div>
  );
}
