import { useT } from '../../shared/i18n.ts';
import { approvalMessages } from '../approvals/messages.ts';
import type { Closure, MenuEntry } from '../common/Suspension.tsx';
import { savedPayeeMessages } from '../payees/messages.ts';
import { transferMessages } from './messages.ts';

/**
 * 資金移動 (M2–M8), for every user: 振込・振替 (#/transfer), 振込予約照会・取消 (#/transfers/scheduled)
 * 振込先の管理 (#/payees, M8) and 承認待ち一覧 (#/approvals, M5a). `closed`: what 利用中止 closes
 * (A2, common/Suspension.tsx), disabled or view-only, with the reason beside the entry.
 */
export function TransferMenu({
  go,
  closed = {},
}: {
  go: (route: string) => void;
  closed?: Partial<Record<MenuEntry, Closure>>;
}) {
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
            disabled={closed.transfer?.disabled}
            aria-describedby={closed.transfer ? 'menu-transfer-closed' : undefined}
            onClick={() => go('transfer')}
          >
            {t('menuTransfer')}
          </button>
          <small className="hint">{t('menuTransferHint')}</small>
          <ClosedReason id="menu-transfer-closed" closure={closed.transfer} />
        </li>
        <li>
          <button
            type="button"
            className="menu-button"
            data-testid="menu-scheduled"
            disabled={closed.scheduled?.disabled}
            aria-describedby={closed.scheduled ? 'menu-scheduled-closed' : undefined}
            onClick={() => go('transfers/scheduled')}
          >
            {t('menuScheduled')}
          </button>
          <small className="hint">{t('menuScheduledHint')}</small>
          <ClosedReason id="menu-scheduled-closed" closure={closed.scheduled} />
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
            disabled={closed.approvals?.disabled}
            aria-describedby={closed.approvals ? 'menu-approvals-closed' : undefined}
            onClick={() => go('approvals')}
          >
            {s('menuApprovals')}
          </button>
          <small className="hint">{s('menuApprovalsHint')}</small>
          <ClosedReason id="menu-approvals-closed" closure={closed.approvals} />
        </li>
      </ul>
    </nav>
  );
}

function ClosedReason({ id, closure }: { id: string; closure: Closure | undefined }) {
  if (!closure) return null;
  return (
    <small id={id} className="closed-reason" data-testid={id}>
      {closure.reason}
    </small>
  );
}
