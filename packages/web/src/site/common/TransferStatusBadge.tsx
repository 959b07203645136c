import { useT } from '../../shared/i18n.ts';
import type { TransferView } from '../transfers/api.ts';
import { transferMessages } from '../transfers/messages.ts';

const label = {
  pending: 'statusPending',
  scheduled: 'statusScheduled',
  completed: 'statusCompleted',
  cancelled: 'statusCancelled',
  failed: 'statusFailed',
} as const;

/** 処理済 / 予約中 / 取消済 …, with the status code in data-status for the tests. */
export function TransferStatusBadge({ status, testId }: { status: TransferView['status']; testId: string }) {
  const t = useT(transferMessages);
  return (
    <span className={`status status-${status}`} data-testid={testId} data-status={status}>
      {t(label[status])}
    </span>
  );
}
