import type { PayeeList } from '@kinko/core/shared';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { formatYen, jstToday } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import type { AccountView } from '../../shared/types.ts';
import { transferMessages } from './messages.ts';
import { PayeePicker } from './PayeePicker.tsx';
import { receiptMessages } from './receiptMessages.ts';
import { SameDayRefusal } from './SameDayRefusal.tsx';
import type { TransferFlow } from './useTransferFlow.ts';

/** 入力: from which account, to whom, how much and when. */
export function TransferEntry({
  flow,
  accounts,
  payees,
}: {
  flow: TransferFlow;
  accounts: AccountView[];
  payees: PayeeList;
}) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const r = useT(receiptMessages);
  const { changed, busy } = flow;
  // 振替 (to one of the contract's own accounts) is never called 振込 (issue 9.10).
  const own = flow.tab === 'own';
  return (
    <form className="panel" onSubmit={flow.submit} data-testid="transfer-form">
      <ErrorBox error={flow.error} />
      {flow.refusal && <SameDayRefusal refusal={flow.refusal} busy={busy} onBookNext={flow.bookNext} />}
      <div className="field">
        <label htmlFor={flow.fromId}>{t('from')}</label>
        <select
          id={flow.fromId}
          data-testid="transfer-from"
          value={flow.fromAccountId}
          onChange={(e) => changed(flow.setFromAccountId)(e.target.value)}
        >
          {accounts.map((acc) => (
            <option key={acc.id} value={acc.id} disabled={acc.status !== 'active'}>
              {t('accountOption', {
                branch: acc.branchName,
                type: accountTypeLabel(a, acc.type),
                number: acc.number,
                balance: formatYen(acc.balance),
              })}
            </option>
          ))}
        </select>
      </div>
      <PayeePicker flow={flow} accounts={accounts} payees={payees} />
      <Field
        label={own ? r('ownAmountField') : t('amount')}
        hint={t('amountHint')}
        testId="transfer-amount"
        inputMode="numeric"
        required
        value={flow.amount}
        fold="amount"
        onValue={changed(flow.setAmount)}
      />
      <Field
        label={own ? r('ownValueDate') : t('valueDate')}
        hint={t('valueDateHint')}
        testId="transfer-date"
        type="date"
        required
        min={jstToday()}
        value={flow.valueDate}
        onValue={changed(flow.setValueDate)}
      />
      <div className="actions">
        <button type="submit" className="primary" data-testid="transfer-submit" disabled={busy}>
          {t('next')}
        </button>
      </div>
    </form>
  );
}
