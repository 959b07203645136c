import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatYen } from '../../shared/format.ts';
import { common, useT } from '../../shared/i18n.ts';
import { ListTable } from '../../shared/ListTable.tsx';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { emptyProof, ProofFields, type ProofInput, proofOf } from '../common/ProofFields.tsx';
import { TransferStatusBadge } from '../common/TransferStatusBadge.tsx';
import { type TransferAuthorisation, type TransferListItem, transferApi } from './api.ts';
import { transferMessages } from './messages.ts';

/** How the rows are named for the tests: the 受付番号, or the id before there is one. */
const rowKey = (tr: TransferListItem) => tr.receiptNumber ?? tr.id;

/** A cancelled transfer that had been confirmed: a 予約取消, not an entry left unconfirmed. */
const wasConfirmed = (tr: TransferListItem) => tr.confirmedAt !== null;

/**
 * 振込予約照会・取消 (M6, M5b): the user's scheduled transfers, and those cancelled here; 取消
 * asks the OTP (or 利用者確認暗証番号 and a card position) and is possible until the day before.
 */
export function ScheduledTransfers({ go }: { go: (route: string) => void }) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const [list, setList] = useState<TransferListItem[] | null>(null);
  /** The cursor of the next page of cancelled transfers; null when all are shown. */
  const [olderCancelled, setOlderCancelled] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [cancelling, setCancelling] = useState<TransferListItem | null>(null);
  const [auth, setAuth] = useState<TransferAuthorisation | null>(null);
  const [proof, setProof] = useState<ProofInput>(emptyProof);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = useCallback(async () => {
    try {
      // Every scheduled transfer, each of which may be cancelled here: they are few, as value
      // dates end within the bank's horizon. Then the newest page of those cancelled here.
      const scheduled: TransferListItem[] = [];
      for (let cursor: string | undefined; ; ) {
        const page = await transferApi.list({ status: 'scheduled', cursor });
        scheduled.push(...page.items);
        if (page.nextCursor === null) break;
        cursor = page.nextCursor;
      }
      const cancelled = await transferApi.list({ status: 'cancelled' });
      setList([...scheduled, ...cancelled.items.filter(wasConfirmed)]);
      setOlderCancelled(cancelled.nextCursor);
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, []);

  /** The next page of cancelled transfers, below those shown. */
  async function showOlder() {
    if (!olderCancelled) return;
    const cursor = olderCancelled;
    const page = await run(() => transferApi.list({ status: 'cancelled', cursor }));
    if (!page) return;
    setList((shown) => [...(shown ?? []), ...page.items.filter(wasConfirmed)]);
    setOlderCancelled(page.nextCursor);
  }

  useEffect(() => {
    void load();
  }, [load]);

  async function open(tr: TransferListItem) {
    setNotice(null);
    setError(null);
    setProof(emptyProof);
    setAuth(null);
    setCancelling(tr);
    const challenge = await run(() => transferApi.challenge());
    if (challenge) setAuth(challenge);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!cancelling || !auth) return;
    const target = cancelling;
    const result = await run(() => transferApi.cancel(target.id, proofOf(auth, proof)));
    setProof(emptyProof);
    if (result) {
      await load();
      setCancelling(null);
      setNotice(t('cancelled', { receipt: target.receiptNumber ?? '' }));
    } else if (auth.method === 'legacy') {
      // A legacy challenge asks a fresh card position each time.
      const next = await transferApi.challenge().catch(() => null);
      if (next) setAuth(next);
    }
  }

  return (
    <>
      <p className="breadcrumb">{t('breadcrumbScheduled')}</p>
      <h1>{t('scheduledHeading')}</h1>
      <p>{t('scheduledIntro')}</p>
      <ErrorBox error={loadError} />
      <Notice text={notice} />
      {cancelling && (
        <section className="panel" data-testid="cancel-panel" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t('cancelHeading')}</h2>
          <p>{t('cancelIntro')}</p>
          <ErrorBox error={error} />
          <dl className="facts">
            <dt>{t('receiptNumber')}</dt>
            <dd className="mono" data-testid="cancel-receipt">
              {cancelling.receiptNumber}
            </dd>
            <dt>{t('valueDate')}</dt>
            <dd>{formatDay(cancelling.valueDate)}</dd>
            <dt>{t('payee')}</dt>
            <dd>
              {cancelling.payee.bankName} {cancelling.payee.branchName}{' '}
              <span className="kana">{cancelling.payee.name}</span>
            </dd>
            <dt>{t('total')}</dt>
            <dd>{formatYen(cancelling.total)}</dd>
          </dl>
          {auth && (
            <form onSubmit={submit}>
              <fieldset>
                <legend>{t('authorisation')}</legend>
                <ProofFields auth={auth} prefix="cancel" value={proof} onValue={setProof} />
              </fieldset>
              <div className="actions">
                <button type="submit" className="danger" data-testid="cancel-submit" disabled={busy}>
                  {t('cancelSubmit')}
                </button>
                <button
                  type="button"
                  data-testid="cancel-back"
                  disabled={busy}
                  onClick={() => {
                    setCancelling(null);
                    setError(null);
                  }}
                >
                  {t('cancelBack')}
                </button>
              </div>
            </form>
          )}
        </section>
      )}
      {!list && !loadError && <p className="loading">{c('loading')}</p>}
      {list && (
        <>
          <div className="toolbar">
            <button type="button" data-testid="scheduled-refresh" onClick={() => void load()}>
              {t('refresh')}
            </button>
          </div>
          <ListTable
            items={list}
            testIdPrefix="scheduled"
            empty={t('noScheduled')}
            headings={[
              t('receiptNumber'),
              t('valueDate'),
              t('payee'),
              { label: t('amount'), num: true },
              { label: t('fee'), num: true },
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
                        onClick={() => void open(tr)}
                      >
                        {t('cancel')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            }}
          />
          {olderCancelled && (
            <div className="actions">
              <button
                type="button"
                data-testid="scheduled-more"
                disabled={busy}
                onClick={() => void showOlder()}
              >
                {t('showOlder')}
              </button>
            </div>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" data-testid="scheduled-new" onClick={() => go('transfer')}>
          {t('menuTransfer')}
        </button>
      </div>
      <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
        {t('backHome')}
      </button>
    </>
  );
}
