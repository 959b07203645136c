import type { TransferView } from '@kinko/core/shared';
import { useT } from '../../shared/i18n.ts';
import { statusMessages } from './messages.ts';

const label = {
  pending: 'statusPending',
  scheduled: 'statusScheduled',
  completed: 'statusCompleted',
  cancelled: 'statusCancelled',
  failed: 'statusFailed',
} as const;

/** 処理済 / 予約中 / 取消済 …, with the status code in data-status for the tests. */
export function TransferStatusBadge({ status, testId }: { status: TransferView['status']; testId: string }) {
  const t = useT(statusMessages);
  return (
    <span className={`status status-${status}`} data-testid={testId} data-status={status}>
      {t(label[status])}
    </span>
  );
}
