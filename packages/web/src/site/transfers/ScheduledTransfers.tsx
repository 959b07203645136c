import type { TransferAuthorisation, TransferListItem } from '@kinko/core/shared';
import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { emptyProof, type ProofInput, proofOf } from '../common/ProofFields.tsx';
import { stepUpApi } from '../common/stepUpApi.ts';
import { transferApi } from './api.ts';
import { CancelPanel } from './CancelPanel.tsx';
import { transferMessages } from './messages.ts';
import { ScheduledTable } from './ScheduledTable.tsx';

/** A cancelled transfer that had been confirmed: a 予約取消, not an entry left unconfirmed. */
const wasConfirmed = (tr: TransferListItem) => tr.confirmedAt !== null;

/**
 * Every scheduled transfer, each of which may be cancelled here: they are few, as value dates
 * end within the bank's horizon. Then the newest page of those cancelled here; `older` is the
 * cursor of the next page of them (null when all are shown).
 */
async function loadScheduled(): Promise<{ list: TransferListItem[]; older: string | null }> {
  const scheduled: TransferListItem[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await transferApi.list({ status: 'scheduled', cursor });
    scheduled.push(...page.items);
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  const cancelled = await transferApi.list({ status: 'cancelled' });
  return { list: [...scheduled, ...cancelled.items.filter(wasConfirmed)], older: cancelled.nextCursor };
}

/**
 * 振込予約照会・取消 (M6, M5b): the user's scheduled transfers, and those cancelled here; 取消
 * asks the OTP (or 利用者確認暗証番号 and a card position) and is possible until the day before.
 */
export function ScheduledTransfers({ go }: { go: (route: string) => void }) {
  const t = useT(transferMessages);
  const c = useT(common);
  const shown = useLoad(loadScheduled);
  const [cancelling, setCancelling] = useState<TransferListItem | null>(null);
  const [auth, setAuth] = useState<TransferAuthorisation | null>(null);
  const [proof, setProof] = useState<ProofInput>(emptyProof);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const older = shown.data?.older ?? null;

  /** The next page of cancelled transfers, below those shown. */
  async function showOlder() {
    if (!older) return;
    const cursor = older;
    const page = await run(() => transferApi.list({ status: 'cancelled', cursor }));
    if (!page) return;
    shown.setData((d) => ({
      list: [...(d?.list ?? []), ...page.items.filter(wasConfirmed)],
      older: page.nextCursor,
    }));
  }

  async function open(tr: TransferListItem) {
    setNotice(null);
    setError(null);
    setProof(emptyProof);
    setAuth(null);
    setCancelling(tr);
    const challenge = await run(() => stepUpApi.challenge());
    if (challenge) setAuth(challenge);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!cancelling || !auth) return;
    const target = cancelling;
    const result = await run(() => transferApi.cancel(target.id, proofOf(auth, proof)));
    setProof(emptyProof);
    if (result) {
      await shown.reload();
      setCancelling(null);
      setNotice(t('cancelled', { receipt: target.receiptNumber ?? '' }));
    } else if (auth.method === 'legacy') {
      // A legacy challenge asks a fresh card position each time.
      const next = await stepUpApi.challenge().catch(() => null);
      if (next) setAuth(next);
    }
  }

  return (
    <>
      <p className="breadcrumb">{t('breadcrumbScheduled')}</p>
      <h1>{t('scheduledHeading')}</h1>
      <p>{t('scheduledIntro')}</p>
      <ErrorBox error={shown.error} />
      <Notice text={notice} />
      {cancelling && (
        <CancelPanel
          transfer={cancelling}
          auth={auth}
          proof={proof}
          onProof={setProof}
          error={error}
          busy={busy}
          onSubmit={submit}
          onBack={() => {
            setCancelling(null);
            setError(null);
          }}
        />
      )}
      {!shown.data && !shown.error && <p className="loading">{c('loading')}</p>}
      {shown.data && (
        <>
          <div className="toolbar">
            <button type="button" data-testid="scheduled-refresh" onClick={() => void shown.reload()}>
              {t('refresh')}
            </button>
          </div>
          <ScheduledTable list={shown.data.list} busy={busy} onCancel={(tr) => void open(tr)} />
          {older && (
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
