import { APPROVAL_STATES } from '@kinko/core/shared';
import { useT } from '../../shared/i18n.ts';
import { type StatusKey, statusMessages } from './messages.ts';

/** Every state a request can be seen in (a draft is never shown). */
const known = new Set<string>(APPROVAL_STATES.filter((s) => s !== 'draft'));

/** 承認待ち / 一次承認済 / 処理済 …, with the state code in data-state for the tests. */
export function ApprovalStateBadge({ state, testId }: { state: string; testId: string }) {
  const t = useT(statusMessages);
  return (
    <span className={`status approval-${state}`} data-testid={testId} data-state={state}>
      {known.has(state) ? t(`s_${state}` as StatusKey) : state}
    </span>
  );
}
