import type { TransferAuthorisation, TransferListItem } from '@kinko/core/shared';
import type { FormEvent } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { ProofFields, type ProofInput } from '../common/ProofFields.tsx';
import { transferMessages } from './messages.ts';
import { receiptMessages } from './receiptMessages.ts';

/** 予約の取消 (M6, M5b): the scheduled transfer, then the proof the server asked once it has answered. */
export function CancelPanel({
  transfer,
  auth,
  proof,
  onProof,
  error,
  busy,
  onSubmit,
  onBack,
}: {
  transfer: TransferListItem;
  auth: TransferAuthorisation | null;
  proof: ProofInput;
  onProof: (proof: ProofInput) => void;
  error: unknown;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onBack: () => void;
}) {
  const t = useT(transferMessages);
  const r = useT(receiptMessages);
  // 振替 (between own accounts) is never called 振込 (issue 9.10).
  const own = transfer.kind === 'own';
  return (
    <section className="panel" data-testid="cancel-panel" aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('cancelHeading')}</h2>
      <p>{t('cancelIntro')}</p>
      <ErrorBox error={error} />
      <dl className="facts">
        <dt>{t('receiptNumber')}</dt>
        <dd className="mono" data-testid="cancel-receipt">
          {transfer.receiptNumber}
        </dd>
        <dt>{own ? r('ownValueDate') : t('valueDate')}</dt>
        <dd>{formatDay(transfer.valueDate)}</dd>
        <dt>{own ? r('ownPayee') : t('payee')}</dt>
        <dd>
          {transfer.payee.bankName} {transfer.payee.branchName}{' '}
          <span className="kana">{transfer.payee.name}</span>
        </dd>
        <dt>{t('total')}</dt>
        <dd>{formatYen(transfer.total)}</dd>
      </dl>
      {auth && (
        <form onSubmit={onSubmit}>
          <fieldset>
            <legend>{t('authorisation')}</legend>
            <ProofFields auth={auth} prefix="cancel" value={proof} onValue={onProof} />
          </fieldset>
          <div className="actions">
            <button type="submit" className="danger" data-testid="cancel-submit" disabled={busy}>
              {t('cancelSubmit')}
            </button>
            <button type="button" data-testid="cancel-back" disabled={busy} onClick={onBack}>
              {t('cancelBack')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
