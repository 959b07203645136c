import { useT } from '../../shared/i18n.ts';
import { approvalMessages } from '../approvals/messages.ts';
import { savedPayeeMessages } from '../payees/messages.ts';
import { transferMessages } from './messages.ts';

/**
 * 資金移動 (M2–M8), for every user: 振込・振替 (#/transfer), 振込予約照会・取消 (#/transfers/scheduled)
 * 振込先の管理 (#/payees, M8) and 承認待ち一覧 (#/approvals, M5a).
 */
export function TransferMenu({ go }: { go: (route: string) => void }) {
  const t = useT(transferMessages);
  const s = useT(approvalMessages);
  const p = useT(savedPayeeMessages);
  return (
    <nav className="panel" aria-labelledby="transfer-menu-heading" data-testid="transfer-menu">
      <h2 id="transfer-menu-heading">{t('menuHeading')}</h2>
      <ul className="menu-list">
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-transfer"
            onClick={() => go('transfer')}
          >
            {t('menuTransfer')}
          </button>
          <small className="hint">{t('menuTransferHint')}</small>
        </li>
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-scheduled"
            onClick={() => go('transfers/scheduled')}
          >
            {t('menuScheduled')}
          </button>
          <small className="hint">{t('menuScheduledHint')}</small>
        </li>
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-payees"
            onClick={() => go('payees')}
          >
            {p('menuPayees')}
          </button>
          <small className="hint">{p('menuPayeesHint')}</small>
        </li>
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-approvals"
            onClick={() => go('approvals')}
          >
            {s('menuApprovals')}
          </button>
          <small className="hint">{s('menuApprovalsHint')}</small>
        </li>
      </ul>
    </nav>
  );
}
