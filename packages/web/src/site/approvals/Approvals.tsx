import type { ApprovalView, TransferAuthorisation } from '@kinko/core/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { emptyProof, type ProofInput, proofOf } from '../common/ProofFields.tsx';
import { stepUpApi } from '../common/stepUpApi.ts';
import { ApprovalProofPanel } from './ApprovalProofPanel.tsx';
import { ApprovalTable } from './ApprovalTable.tsx';
import { type ApprovalAction, approvalsApi } from './api.ts';
import { approvalMessages } from './messages.ts';

async function loadBoxes() {
  const [inbox, mine] = await Promise.all([approvalsApi.list('inbox'), approvalsApi.list('mine')]);
  return { inbox, mine };
}

/**
 * 承認待ち一覧 (M5a): the requests the user may approve (承認, 差戻し, 承認取消) and the user's own
 * requests (引戻し). 承認 asks the step-up proof (the OTP, or the PIN and a card position, M5b);
 * another action asks it only when the bank's configuration does (the server says so).
 */
export function Approvals({ myId, go }: { myId: string; go: (route: string) => void }) {
  const t = useT(approvalMessages);
  const boxes = useLoad(loadBoxes);
  const [target, setTarget] = useState<{ approval: ApprovalView; action: ApprovalAction } | null>(null);
  const [auth, setAuth] = useState<TransferAuthorisation | null>(null);
  const [proof, setProof] = useState<ProofInput>(emptyProof);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  const problem = error ?? boxes.error;

  async function askProof(approval: ApprovalView, action: ApprovalAction) {
    setProof(emptyProof);
    const challenge = await run(() => stepUpApi.challenge());
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
      await approvalsApi.act(approval.id, action);
      setNotice(t(`done_${action}`));
      await boxes.reload();
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
    const result = await run(() => approvalsApi.act(approval.id, action, proofOf(auth, proof)));
    setProof(emptyProof);
    if (result) {
      setTarget(null);
      setAuth(null);
      setNotice(t(`done_${action}`));
      await boxes.reload();
    } else if (auth.method === 'legacy') {
      // A legacy challenge asks a fresh card position each time.
      const next = await stepUpApi.challenge().catch(() => null);
      if (next) setAuth(next);
    }
  }

  if (target && auth) {
    return (
      <ApprovalProofPanel
        approval={target.approval}
        action={target.action}
        auth={auth}
        proof={proof}
        onProof={setProof}
        error={error}
        busy={busy}
        onSubmit={submit}
        onCancel={() => {
          setTarget(null);
          setAuth(null);
          setError(null);
        }}
      />
    );
  }

  const table = (box: 'inbox' | 'mine') => (
    <ApprovalTable
      list={boxes.data?.[box] ?? null}
      box={box}
      myId={myId}
      busy={busy}
      failed={Boolean(problem)}
      onAct={(a, action) => void act(a, action)}
    />
  );

  return (
    <section className="panel" data-testid="approvals-screen" aria-labelledby="approvals-heading">
      <h1 id="approvals-heading">{t('approvalsHeading')}</h1>
      <ErrorBox error={problem} />
      <Notice text={notice} testId="approvals-notice" />
      <div className="toolbar">
        <button type="button" data-testid="approvals-refresh" onClick={() => void boxes.reload()}>
          {t('refresh')}
        </button>
      </div>
      <h2>{t('inboxHeading')}</h2>
      {table('inbox')}
      <h2>{t('mineHeading')}</h2>
      {table('mine')}
      <div className="actions">
        <button type="button" data-testid="back-home" onClick={() => go('')}>
          {t('backHome')}
        </button>
      </div>
    </section>
  );
}
