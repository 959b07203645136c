import type { TransferListItem } from '@kinko/core/shared';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { formatDay, formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { ListTable } from '../../shared/ListTable.tsx';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { TransferStatusBadge } from '../common/TransferStatusBadge.tsx';
import { transferMessages } from './messages.ts';

/** How the rows are named for the tests: the 受付番号, or the id before there is one. */
const rowKey = (tr: TransferListItem) => tr.receiptNumber ?? tr.id;

/** The scheduled transfers and those cancelled here, each scheduled one with its 取消 (M6). */
export function ScheduledTable({
  list,
  busy,
  onCancel,
}: {
  list: TransferListItem[];
  busy: boolean;
  onCancel: (transfer: TransferListItem) => void;
}) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  return (
    <ListTable
      items={list}
      testIdPrefix="scheduled"
      empty={t('noScheduled')}
      headings={[
        t('receiptNumber'),
        t('listValueDate'),
        t('payee'),
        { label: t('listAmount'), num: true },
        { label: t('listFee'), num: true },
        t('status'),
        t('operations'),
      ]}
      row={(tr) => {
        const key = rowKey(tr);
        return (
          <tr data-testid={`scheduled-row-${key}`}>
            <th scope="row" className="mono">
              {tr.receiptNumber}
            </th>
            <td>{formatDay(tr.valueDate)}</td>
            <td>
              {tr.payee.bankName} {tr.payee.branchName} {accountTypeLabel(a, tr.payee.accountType)}{' '}
              <span className="mono">{tr.payee.accountNumber}</span>{' '}
              <span className="kana">{tr.payee.name}</span>
            </td>
            <td className="num">{formatYen(tr.amount)}</td>
            <td className="num">{formatYen(tr.fee)}</td>
            <td>
              <TransferStatusBadge status={tr.status} testId={`scheduled-status-${key}`} />
              {tr.approval === 'approved' && (
                <>
                  {' '}
                  <ApprovalStateBadge state={tr.approval} testId={`scheduled-approval-${key}`} />
                </>
              )}
            </td>
            <td>
              {/* M5a: an approved transfer is the approvers' to take back (承認取消). */}
              {tr.status === 'scheduled' && tr.approval === 'approved' && (
                <span className="hint" data-testid={`scheduled-approved-${key}`}>
                  {t('approvedCancelHint')}
                </span>
              )}
              {tr.status === 'scheduled' && tr.approval !== 'approved' && (
                <button
                  type="button"
                  className="small"
                  data-testid={`scheduled-cancel-${key}`}
                  disabled={busy}
                  onClick={() => onCancel(tr)}
                >
                  {t('cancel')}
                </button>
              )}
            </td>
          </tr>
        );
      }}
    />
  );
}
