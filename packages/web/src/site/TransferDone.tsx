import { accountLabels, accountTypeLabel } from '../shared/accountLabels.ts';
import { formatDay, formatYen } from '../shared/format.ts';
import { useT } from '../shared/i18n.ts';
import { ApprovalStateBadge } from './ApprovalStateBadge.tsx';
import { settingsMessages } from './settingsMessages.ts';
import { TransferStatusBadge } from './TransferStatusBadge.tsx';
import type { TransferReceipt } from './transferApi.ts';
import { transferMessages } from './transferMessages.ts';

/** 完了: the 受付番号 and what was accepted; in an approval mode (M5a) the request is 承認待ち. */
export function TransferDone({
  receipt,
  onAgain,
  go,
}: {
  receipt: TransferReceipt;
  onAgain: () => void;
  go: (route: string) => void;
}) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const s = useT(settingsMessages);
  const tr = receipt.transfer;
  const approval = receipt.approval;
  return (
    <section className="panel" data-testid="transfer-done">
      <p data-testid="done-intro">{approval ? s('awaitingIntro') : t('doneIntro')}</p>
      <dl className="facts">
        <dt>{t('receiptNumber')}</dt>
        <dd className="mono big" data-testid="receipt-number">
          {receipt.receiptNumber}
        </dd>
        <dt>{t('status')}</dt>
        <dd>
          {approval ? (
            <ApprovalStateBadge state={approval.state} testId="approval-state" />
          ) : (
            <TransferStatusBadge status={tr.status} testId="transfer-status" />
          )}
        </dd>
        <dt>{t('valueDate')}</dt>
        <dd data-testid="done-date">{formatDay(tr.valueDate)}</dd>
        <dt>{t('payee')}</dt>
        <dd data-testid="done-payee">
          {tr.payee.bankName} {tr.payee.branchName} {accountTypeLabel(a, tr.payee.accountType)}{' '}
          {tr.payee.accountNumber} <span className="kana">{tr.payee.name}</span>
        </dd>
        <dt>{t('amount')}</dt>
        <dd data-testid="done-amount">{formatYen(tr.amount)}</dd>
        <dt>{t('fee')}</dt>
        <dd data-testid="done-fee">{formatYen(tr.fee)}</dd>
      </dl>
      <div className="actions">
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
    </section>
  );
}
