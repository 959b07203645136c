import type { ApprovalView, TransferAuthorisation } from '@kinko/core/shared';
import type { FormEvent } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { ProofFields, type ProofInput } from '../common/ProofFields.tsx';
import { ApprovalProgress, actionLabel, PayeeText } from './ApprovalTable.tsx';
import type { ApprovalAction } from './api.ts';
import { approvalMessages } from './messages.ts';

/** The step-up an act on a request asks (M5b): the request, then the OTP or the PIN and a card position. */
export function ApprovalProofPanel({
  approval,
  action,
  auth,
  proof,
  onProof,
  error,
  busy,
  onSubmit,
  onCancel,
}: {
  approval: ApprovalView;
  action: ApprovalAction;
  auth: TransferAuthorisation;
  proof: ProofInput;
  onProof: (proof: ProofInput) => void;
  error: unknown;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
}) {
  const t = useT(approvalMessages);
  return (
    <section className="panel" data-testid="approval-panel" aria-labelledby="approve-heading">
      <h1 id="approve-heading">{t(action === 'approve' ? 'approveHeading' : actionLabel[action])}</h1>
      <p>{t('approveIntro')}</p>
      <ErrorBox error={error} />
      <ApprovalFacts approval={approval} />
      <form onSubmit={onSubmit}>
        <ProofFields auth={auth} prefix="approval" value={proof} onValue={onProof} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="approval-proof-submit" disabled={busy}>
            {action === 'approve' ? t('approveSubmit') : t(actionLabel[action])}
          </button>
          <button type="button" className="secondary" data-testid="approval-proof-cancel" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

function ApprovalFacts({ approval }: { approval: ApprovalView }) {
  const t = useT(approvalMessages);
  const tr = approval.transfer;
  return (
    <dl className="facts">
      <dt>{t('receipt')}</dt>
      <dd className="mono" data-testid="approval-receipt">
        {tr.receiptNumber}
      </dd>
      <dt>{t('payee')}</dt>
      <dd>
        <PayeeText approval={approval} />
      </dd>
      <dt>{t('amount')}</dt>
      <dd>{formatYen(tr.amount)}</dd>
      <dt>{tr.kind === 'own' ? t('valueDateOwn') : t('valueDateTransfer')}</dt>
      <dd>{formatDay(tr.valueDate)}</dd>
      <dt>{t('state')}</dt>
      <dd>
        <ApprovalStateBadge state={approval.state} testId="approval-panel-state" />{' '}
        <ApprovalProgress approval={approval} testId="approval-panel-progress" />
      </dd>
    </dl>
  );
}
