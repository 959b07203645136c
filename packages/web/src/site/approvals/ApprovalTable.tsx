import type { ApprovalView } from '@kinko/core/shared';
import type { ReactNode } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { formatDay, formatYen } from '../../shared/format.ts';
import { common, useT } from '../../shared/i18n.ts';
import { StackedTable } from '../../shared/StackedTable.tsx';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { TransferStatusBadge } from '../common/TransferStatusBadge.tsx';
import type { ApprovalAction, ApprovalBox } from './api.ts';
import { type ApprovalKey, approvalMessages } from './messages.ts';

const open = new Set(['pending_approval', 'first_approved']);

export const actionLabel: Record<ApprovalAction, ApprovalKey> = {
  approve: 'approve',
  return: 'return',
  cancel: 'cancelApproval',
  withdraw: 'withdraw',
};

/** What the user may do with a request: 承認・差戻し, 承認取消 of their own approval, 引戻し of their own request. */
function actionsOf(a: ApprovalView, box: ApprovalBox, myId: string): ApprovalAction[] {
  const approvedByMe = a.approvals.some((x) => x.userId === myId);
  const list: ApprovalAction[] = [];
  if (box === 'inbox') {
    if (open.has(a.state) && !approvedByMe) list.push('approve', 'return');
    // 承認取消: the approver's own approval, while waiting for the other or, for a scheduled
    // transfer, while 承認済 (the server refuses it from the value date on).
    else if ((open.has(a.state) || a.state === 'approved') && approvedByMe) list.push('cancel');
  }
  if (box === 'mine' && open.has(a.state) && a.requesterId === myId) list.push('withdraw');
  return list;
}

/** One box of 承認待ち一覧: 読み込み中 until it is loaded (nothing after an error), or its rows. */
export function ApprovalTable({
  list,
  box,
  myId,
  busy,
  failed,
  onAct,
}: {
  list: ApprovalView[] | null;
  box: ApprovalBox;
  myId: string;
  busy: boolean;
  failed: boolean;
  onAct: (approval: ApprovalView, action: ApprovalAction) => void;
}) {
  const t = useT(approvalMessages);
  const c = useT(common);
  if (!list) return !failed && <p className="loading">{c('loading')}</p>;
  if (list.length === 0)
    return <p data-testid={`approvals-${box}-empty`}>{t(box === 'inbox' ? 'noInbox' : 'noMine')}</p>;
  const buttons = (a: ApprovalView) =>
    actionsOf(a, box, myId).map((action) => (
      <button
        key={action}
        type="button"
        className={action === 'approve' ? 'small primary' : 'small'}
        data-testid={`approval-${action}-${a.transfer.receiptNumber ?? a.id}`}
        disabled={busy}
        onClick={() => onAct(a, action)}
      >
        {t(actionLabel[action])}
      </button>
    ));
  return (
    <div className="table-wrap">
      <StackedTable data-testid={`approvals-${box}`}>
        <thead>
          <tr>
            <th scope="col">{t('receipt')}</th>
            <th scope="col">{t('payee')}</th>
            <th scope="col" className="num">
              {t('amount')}
            </th>
            <th scope="col">{t('valueDate')}</th>
            <th scope="col">{t('requester')}</th>
            <th scope="col">{t('state')}</th>
            <th scope="col">{t('operations')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((a) => (
            <Row key={a.id} a={a} box={box} myId={myId} actions={buttons(a)} />
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}

function Row({
  a,
  box,
  myId,
  actions,
}: {
  a: ApprovalView;
  box: ApprovalBox;
  myId: string;
  actions: ReactNode;
}) {
  const t = useT(approvalMessages);
  const key = a.transfer.receiptNumber ?? a.id;
  const tr = a.transfer;
  return (
    <tr data-testid={`approval-row-${box}-${key}`} data-id={a.id}>
      <td className="mono">{key}</td>
      <td>
        <PayeeText approval={a} />
      </td>
      <td className="num" data-testid={`approval-amount-${key}`}>
        {formatYen(tr.amount)}
      </td>
      <td>{formatDay(tr.valueDate)}</td>
      <td data-testid={`approval-requester-${key}`} data-user-id={a.requesterId} title={a.requesterId}>
        {a.requesterId === myId ? t('requesterSelf') : t('requesterOther', { id: a.requesterId.slice(0, 8) })}
      </td>
      <td>
        <ApprovalStateBadge state={a.state} testId={`approval-state-${box}-${key}`} />{' '}
        <ApprovalProgress approval={a} testId={`approval-progress-${box}-${key}`} />{' '}
        {(a.state === 'processed' || a.state === 'approved') && (
          <TransferStatusBadge status={tr.status} testId={`approval-transfer-${box}-${key}`} />
        )}
      </td>
      <td className="row-actions">{actions}</td>
    </tr>
  );
}

/** The payee of the request's transfer: bank, branch, type, number and name. */
export function PayeeText({ approval }: { approval: ApprovalView }) {
  const acc = useT(accountLabels);
  const { payee } = approval.transfer;
  return (
    <>
      {payee.bankName} {payee.branchName} {accountTypeLabel(acc, payee.accountType)} {payee.accountNumber}{' '}
      <span className="kana">{payee.name}</span>
    </>
  );
}

/** How many of the approvals the mode asks are given (承認 1/2), e.g. after the first of a double approval. */
export function ApprovalProgress({ approval, testId }: { approval: ApprovalView; testId: string }) {
  const t = useT(approvalMessages);
  const needed = approval.mode.startsWith('double') ? 2 : 1;
  return (
    <small className="hint" data-testid={testId} data-count={approval.approvals.length} data-needed={needed}>
      {t('progress', { n: approval.approvals.length, of: needed })}
    </small>
  );
}
