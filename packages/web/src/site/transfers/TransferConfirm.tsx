import type { PendingTransfer } from '@kinko/core/shared';
import type { FormEvent } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { ProofFields, type ProofInput } from '../common/ProofFields.tsx';
import { transferMessages } from './messages.ts';
import { receiptMessages } from './receiptMessages.ts';

/**
 * 確認: what the server returned (the payee as the bank shows it, the fee, the date) and the
 * authorisation it asks for.
 */
export function TransferConfirm({
  pending,
  accountName,
  error,
  busy,
  proof,
  onProof,
  onExecute,
  onBack,
}: {
  pending: PendingTransfer;
  accountName: (id: string) => string;
  error: unknown;
  busy: boolean;
  proof: ProofInput;
  onProof: (proof: ProofInput) => void;
  onExecute: (e: FormEvent) => void;
  onBack: () => void;
}) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const r = useT(receiptMessages);
  const tr = pending.transfer;
  // 振替 (between the contract's own accounts) is never called 振込 (issue 9.10).
  const own = tr.kind === 'own';
  return (
    <section className="panel" data-testid="confirm-panel">
      <p>{t('confirmIntro')}</p>
      <ErrorBox error={error} />
      <dl className="facts">
        <dt>{t('from')}</dt>
        <dd data-testid="confirm-from">{accountName(tr.fromAccountId)}</dd>
        <dt>{t('bankName')}</dt>
        <dd data-testid="confirm-bank">
          {tr.payee.bankName} <span className="mono">({tr.payee.bankCode})</span>
        </dd>
        <dt>{t('branchName')}</dt>
        <dd data-testid="confirm-branch">
          {tr.payee.branchName} <span className="mono">({tr.payee.branchCode})</span>
        </dd>
        <dt>{t('payeeAccount')}</dt>
        <dd data-testid="confirm-account">
          {accountTypeLabel(a, tr.payee.accountType)} <span className="mono">{tr.payee.accountNumber}</span>
        </dd>
        <dt>{t('payeeNameShown')}</dt>
        <dd className="kana" data-testid="confirm-payee-name">
          {tr.payee.name}
        </dd>
        <dt>{own ? r('ownAmountField') : t('amount')}</dt>
        <dd data-testid="confirm-amount">{formatYen(tr.amount)}</dd>
        <dt>{own ? r('ownFee') : t('fee')}</dt>
        <dd data-testid="confirm-fee">{formatYen(tr.fee)}</dd>
        <dt>{t('total')}</dt>
        <dd data-testid="confirm-total">{formatYen(tr.total)}</dd>
        <dt>{own ? r('ownValueDate') : t('valueDate')}</dt>
        <dd data-testid="confirm-date" data-same-day={tr.sameDay ? 'true' : 'false'}>
          {formatDay(tr.valueDate)}（{tr.sameDay ? t('sameDay') : t('scheduled')}）
        </dd>
      </dl>
      <form onSubmit={onExecute}>
        <fieldset>
          <legend>{t('authorisation')}</legend>
          <ProofFields auth={pending.authorisation} prefix="confirm" value={proof} onValue={onProof} />
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" data-testid="confirm-submit" disabled={busy}>
            {t('execute')}
          </button>
          <button type="button" data-testid="confirm-back" disabled={busy} onClick={onBack}>
            {t('backToEntry')}
          </button>
        </div>
      </form>
    </section>
  );
}
