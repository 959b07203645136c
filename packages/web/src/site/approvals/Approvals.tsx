import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { ApiError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatDay, formatYen } from '../../shared/format.ts';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { type ApprovalAction, type ApprovalView, settingsApi } from '../admin/settingsApi.ts';
import { type SettingsKey, settingsMessages } from '../admin/settingsMessages.ts';
import { ApprovalStateBadge } from '../common/ApprovalStateBadge.tsx';
import { emptyProof, ProofFields, type ProofInput, proofOf } from '../common/ProofFields.tsx';
import { TransferStatusBadge } from '../common/TransferStatusBadge.tsx';
import { type TransferAuthorisation, transferApi } from '../transfers/api.ts';

const open = new Set(['pending_approval', 'first_approved']);

const actionLabel: Record<ApprovalAction, SettingsKey> = {
  approve: 'approve',
  return: 'return',
  cancel: 'cancelApproval',
  withdraw: 'withdraw',
};

/**
 * 承認待ち一覧 (M5a): the requests the user may approve (承認, 差戻し, 承認取消) and the user's own
 * requests (引戻し). 承認 asks the step-up proof (the OTP, or the PIN and a card position, M5b);
 * another action asks it only when the bank's configuration does (the server says so).
 */
export function Approvals({ myId, go }: { myId: string; go: (route: string) => void }) {
  const t = useT(settingsMessages);
  const c = useT(common);
  const [inbox, setInbox] = useState<ApprovalView[] | null>(null);
  const [mine, setMine] = useState<ApprovalView[] | null>(null);
  const [target, setTarget] = useState<{ approval: ApprovalView; action: ApprovalAction } | null>(null);
  const [auth, setAuth] = useState<TransferAuthorisation | null>(null);
  const [proof, setProof] = useState<ProofInput>(emptyProof);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = useCallback(async () => {
    try {
      const [i, m] = await Promise.all([settingsApi.approvals('inbox'), settingsApi.approvals('mine')]);
      setInbox(i);
      setMine(m);
    } catch (e) {
      setError(e);
    }
  }, [setError]);

  useEffect(() => {
    void load();
  }, [load]);

  async function askProof(approval: ApprovalView, action: ApprovalAction) {
    setProof(emptyProof);
    const challenge = await run(() => transferApi.challenge());
    if (challenge) {
      setAuth(challenge);
      setTarget({ approval, action });
    }
  }

  async function act(approval: ApprovalView, action: ApprovalAction) {
    setNotice(null);
    if (action === 'approve') return askProof(approval, action);
    setError(null);
    try {
      await settingsApi.act(approval.id, action);
      setNotice(t(`done_${action}`));
      await load();
    } catch (e) {
      // The bank's configuration asks the step-up for this action too (M5b).
      if (e instanceof ApiError && e.code === 'request.invalid') return askProof(approval, action);
      setError(e);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!target || !auth) return;
    const { approval, action } = target;
    const result = await run(() => settingsApi.act(approval.id, action, proofOf(auth, proof)));
    setProof(emptyProof);
    if (result) {
      setTarget(null);
      setAuth(null);
      setNotice(t(`done_${action}`));
      await load();
    } else if (auth.method === 'legacy') {
      // A legacy challenge asks a fresh card position each time.
      const next = await transferApi.challenge().catch(() => null);
      if (next) setAuth(next);
    }
  }

  if (target && auth) {
    return (
      <section className="panel" data-testid="approval-panel" aria-labelledby="approve-heading">
        <h1 id="approve-heading">
          {t(target.action === 'approve' ? 'approveHeading' : actionLabel[target.action])}
        </h1>
        <p>{t('approveIntro')}</p>
        <ErrorBox error={error} />
        <ApprovalFacts approval={target.approval} />
        <form onSubmit={submit}>
          <ProofFields auth={auth} prefix="approval" value={proof} onValue={setProof} />
          <div className="actions">
            <button type="submit" className="primary" data-testid="approval-proof-submit" disabled={busy}>
              {target.action === 'approve' ? t('approveSubmit') : t(actionLabel[target.action])}
            </button>
            <button
              type="button"
              className="secondary"
              data-testid="approval-proof-cancel"
              onClick={() => {
                setTarget(null);
                setAuth(null);
                setError(null);
              }}
            >
              {t('cancel')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  function actions(a: ApprovalView, box: 'inbox' | 'mine') {
    const approvedByMe = a.approvals.some((x) => x.userId === myId);
    const list: ApprovalAction[] = [];
    if (box === 'inbox') {
      if (open.has(a.state) && !approvedByMe) list.push('approve', 'return');
      // 承認取消: the approver's own approval, while waiting for the other or, for a scheduled
      // transfer, while 承認済 (the server refuses it from the value date on).
      else if ((open.has(a.state) || a.state === 'approved') && approvedByMe) list.push('cancel');
    }
    if (box === 'mine' && open.has(a.state) && a.requesterId === myId) list.push('withdraw');
    return list.map((action) => (
      <button
        key={action}
        type="button"
        className={action === 'approve' ? 'small primary' : 'small'}
        data-testid={`approval-${action}-${a.transfer.receiptNumber ?? a.id}`}
        disabled={busy}
        onClick={() => void act(a, action)}
      >
        {t(actionLabel[action])}
      </button>
    ));
  }

  function table(list: ApprovalView[] | null, box: 'inbox' | 'mine') {
    if (!list) return !error && <p className="loading">{c('loading')}</p>;
    if (list.length === 0)
      return <p data-testid={`approvals-${box}-empty`}>{t(box === 'inbox' ? 'noInbox' : 'noMine')}</p>;
    return (
      <div className="table-wrap">
        <table className="grid" data-testid={`approvals-${box}`}>
          <thead>
            <tr>
              <th scope="col">{t('receipt')}</th>
              <th scope="col">{t('payee')}</th>
              <th scope="col" className="num">
                {t('amount')}
              </th>
              <th scope="col">{t('valueDate')}</th>
              <th scope="col">{t('requester')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('operations')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((a) => (
              <Row key={a.id} a={a} box={box} myId={myId} actions={actions(a, box)} />
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <section className="panel" data-testid="approvals-screen" aria-labelledby="approvals-heading">
      <h1 id="approvals-heading">{t('approvalsHeading')}</h1>
      <ErrorBox error={error} />
      <Notice text={notice} testId="approvals-notice" />
      <div className="toolbar">
        <button type="button" data-testid="approvals-refresh" onClick={() => void load()}>
          {t('refresh')}
        </button>
      </div>
      <h2>{t('inboxHeading')}</h2>
      {table(inbox, 'inbox')}
      <h2>{t('mineHeading')}</h2>
      {table(mine, 'mine')}
      <div className="actions">
        <button type="button" data-testid="back-home" onClick={() => go('')}>
          {t('backHome')}
        </button>
      </div>
    </section>
  );
}

function Row({
  a,
  box,
  myId,
  actions,
}: {
  a: ApprovalView;
  box: 'inbox' | 'mine';
  myId: string;
  actions: ReactNode;
}) {
  const t = useT(settingsMessages);
  const acc = useT(accountLabels);
  const key = a.transfer.receiptNumber ?? a.id;
  const tr = a.transfer;
  return (
    <tr data-testid={`approval-row-${box}-${key}`} data-id={a.id}>
      <td className="mono">{key}</td>
      <td>
        {tr.payee.bankName} {tr.payee.branchName} {accountTypeLabel(acc, tr.payee.accountType)}{' '}
        {tr.payee.accountNumber} <span className="kana">{tr.payee.name}</span>
      </td>
      <td className="num" data-testid={`approval-amount-${key}`}>
        {formatYen(tr.amount)}
      </td>
      <td>{formatDay(tr.valueDate)}</td>
      <td data-testid={`approval-requester-${key}`} data-user-id={a.requesterId} title={a.requesterId}>
        {a.requesterId === myId ? t('requesterSelf') : t('requesterOther', { id: a.requesterId.slice(0, 8) })}
      </td>
      <td>
        <ApprovalStateBadge state={a.state} testId={`approval-state-${box}-${key}`} />{' '}
        <ApprovalProgress approval={a} testId={`approval-progress-${box}-${key}`} />{' '}
        {(a.state === 'processed' || a.state === 'approved') && (
          <TransferStatusBadge status={tr.status} testId={`approval-transfer-${box}-${key}`} />
        )}
      </td>
      <td className="row-actions">{actions}</td>
    </tr>
  );
}

/** How many of the approvals the mode asks are given (承認 1/2), e.g. after the first of a double approval. */
function ApprovalProgress({ approval, testId }: { approval: ApprovalView; testId: string }) {
  const t = useT(settingsMessages);
  const needed = approval.mode.startsWith('double') ? 2 : 1;
  return (
    <small className="hint" data-testid={testId} data-count={approval.approvals.length} data-needed={needed}>
      {t('progress', { n: approval.approvals.length, of: needed })}
    </small>
  );
}

function ApprovalFacts({ approval }: { approval: ApprovalView }) {
  const t = useT(settingsMessages);
  const acc = useT(accountLabels);
  const tr = approval.transfer;
  return (
    <dl className="facts">
      <dt>{t('receipt')}</dt>
      <dd className="mono" data-testid="approval-receipt">
        {tr.receiptNumber}
      </dd>
      <dt>{t('payee')}</dt>
      <dd>
        {tr.payee.bankName} {tr.payee.branchName} {accountTypeLabel(acc, tr.payee.accountType)}{' '}
        {tr.payee.accountNumber} <span className="kana">{tr.payee.name}</span>
      </dd>
      <dt>{t('amount')}</dt>
      <dd>{formatYen(tr.amount)}</dd>
      <dt>{t('valueDate')}</dt>
      <dd>{formatDay(tr.valueDate)}</dd>
      <dt>{t('state')}</dt>
      <dd>
        <ApprovalStateBadge state={approval.state} testId="approval-panel-state" />{' '}
        <ApprovalProgress approval={approval} testId="approval-panel-progress" />
      </dd>
    </dl>
  );
}
