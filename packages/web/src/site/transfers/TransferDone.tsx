import type { TransferReceipt, TransferView } from '@kinko/core/shared';
import { useRef, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { newIdempotencyKey } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { approvalMessages } from '../approvals/messages.ts';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { TransferStatusBadge } from '../common/TransferStatusBadge.tsx';
import { payeeApi } from '../payees/api.ts';
import { savedPayeeMessages } from '../payees/messages.ts';
import { transferMessages } from './messages.ts';

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
  const s = useT(approvalMessages);
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
      {tr.kind !== 'own' && tr.payee.payeeId === null && <SavePayee payee={tr.payee} />}
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
    <div className="save-payee" data-testid="save-payee">
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
