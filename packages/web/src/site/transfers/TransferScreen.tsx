import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { transferMessages } from './messages.ts';
import { TransferConfirm } from './TransferConfirm.tsx';
import { TransferDone } from './TransferDone.tsx';
import { TransferEntry } from './TransferEntry.tsx';
import { useTransferFlow } from './useTransferFlow.ts';

/**
 * 振込・振替 (M2–M4, M6–M8): 入力 → 確認 (what the server returned: the payee as the bank shows
 * it, the fee, the date, the authorisation asked) → 完了 with the 受付番号. Each submission has
 * its Idempotency-Key, kept while the same submission is retried and renewed when anything
 * changes (M3). The state lives in useTransferFlow; each step is its own component.
 */
export function TransferScreen({ go }: { go: (route: string) => void }) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const flow = useTransferFlow();
  const { accounts, payees, loadError, pending, receipt } = flow;

  const accountName = (id: string) => {
    const acc = accounts?.find((x) => x.id === id);
    return acc ? `${acc.branchName} ${accountTypeLabel(a, acc.type)} ${acc.number}` : id;
  };

  const steps = (
    <ol className="steps" aria-label={t('menuTransfer')}>
      {(['stepEnter', 'stepConfirm', 'stepDone'] as const).map((k, i) => {
        const current = receipt ? 2 : pending ? 1 : 0;
        return (
          <li key={k} aria-current={i === current ? 'step' : undefined}>
            {t(k)}
          </li>
        );
      })}
    </ol>
  );

  const footer = (
    <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
      {t('backHome')}
    </button>
  );

  if (receipt) {
    return (
      <>
        <p className="breadcrumb no-print">{t('breadcrumbTransfer')}</p>
        <h1 className="no-print">{t('doneHeading')}</h1>
        <div className="no-print">{steps}</div>
        <TransferDone receipt={receipt} accountName={accountName} onAgain={flow.again} go={go} />
        {footer}
      </>
    );
  }

  if (pending) {
    return (
      <>
        <p className="breadcrumb">{t('breadcrumbTransfer')}</p>
        <h1>{t('confirmHeading')}</h1>
        {steps}
        <TransferConfirm
          pending={pending}
          accountName={accountName}
          error={flow.error}
          busy={flow.busy}
          proof={flow.proof}
          onProof={flow.setProof}
          onExecute={flow.execute}
          onBack={flow.backToEntry}
        />
        {footer}
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">{t('breadcrumbTransfer')}</p>
      <h1>{t('enterHeading')}</h1>
      {steps}
      <ErrorBox error={loadError} />
      {!accounts && !loadError && <p className="loading">{c('loading')}</p>}
      {accounts && payees && <TransferEntry flow={flow} accounts={accounts} payees={payees} />}
      {footer}
    </>
  );
}
