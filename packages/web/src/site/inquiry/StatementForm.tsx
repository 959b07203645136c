import type { AccountView } from '@kinko/core/shared';
import type { FormEvent } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { Field } from '../../shared/Field.tsx';
import { useT } from '../../shared/i18n.ts';
import { statementMaxDays } from './api.ts';
import { inquiryMessages } from './messages.ts';

/** An account as the select and the statement's title name it: branch, type, number, holder. */
export function useAccountLabel(): (acc: AccountView) => string {
  const t = useT(inquiryMessages);
  const a = useT(accountLabels);
  return (acc) =>
    t('accountOption', {
      branch: acc.branchName,
      type: accountTypeLabel(a, acc.type),
      number: acc.number,
      holder: acc.holderKana,
    });
}

/** Which account, and the period (照会期間): from and to, inclusive, at most statementMaxDays. */
export function StatementForm({
  selectId,
  accounts,
  selected,
  onAccount,
  today,
  from,
  to,
  onFrom,
  onTo,
  onSubmit,
}: {
  /** The screen's own id for the select, as the label names it. */
  selectId: string;
  accounts: AccountView[];
  selected: string;
  onAccount: (id: string) => void;
  today: string;
  from: string;
  to: string;
  onFrom: (day: string) => void;
  onTo: (day: string) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  const t = useT(inquiryMessages);
  const label = useAccountLabel();
  return (
    <form className="panel" onSubmit={onSubmit}>
      <div className="field wide">
        <label htmlFor={selectId}>{t('account')}</label>
        <select
          id={selectId}
          data-testid="statement-account"
          value={selected}
          onChange={(e) => onAccount(e.target.value)}
        >
          {accounts.map((acc) => (
            <option key={acc.id} value={acc.id}>
              {label(acc)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t('period')}</legend>
        <div className="period">
          <Field
            label={t('from')}
            testId="statement-from"
            type="date"
            required
            max={today}
            value={from}
            onValue={onFrom}
          />
          <Field
            label={t('to')}
            testId="statement-to"
            type="date"
            required
            max={today}
            value={to}
            onValue={onTo}
          />
        </div>
        <small className="hint">{t('periodHint', { days: statementMaxDays })}</small>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" data-testid="statement-submit">
          {t('search')}
        </button>
      </div>
    </form>
  );
}
