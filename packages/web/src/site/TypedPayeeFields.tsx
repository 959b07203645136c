import { accountLabels, accountTypeLabel, accountTypes } from '../shared/accountLabels.ts';
import { Field } from '../shared/Field.tsx';
import { useT } from '../shared/i18n.ts';
import type { AccountType } from '../shared/types.ts';
import { transferMessages } from './transferMessages.ts';
import type { Typed } from './useTransferFlow.ts';

/** The 口座を入力 tab: bank, branch, type, number and name, digits kept to digits. */
export function TypedPayeeFields({
  typed,
  typeId,
  onTyped,
}: {
  typed: Typed;
  typeId: string;
  onTyped: (typed: Typed) => void;
}) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  return (
    <div className="typed-payee">
      <Field
        label={t('bankCode')}
        hint={t('bankCodeHint')}
        testId="typed-bank"
        inputMode="numeric"
        maxLength={4}
        required
        value={typed.bankCode}
        onValue={(v) => onTyped({ ...typed, bankCode: v.replace(/\D/g, '') })}
      />
      <Field
        label={t('branchCode')}
        hint={t('branchCodeHint')}
        testId="typed-branch"
        inputMode="numeric"
        maxLength={3}
        required
        value={typed.branchCode}
        onValue={(v) => onTyped({ ...typed, branchCode: v.replace(/\D/g, '') })}
      />
      <div className="field">
        <label htmlFor={typeId}>{t('accountType')}</label>
        <select
          id={typeId}
          data-testid="typed-type"
          value={typed.accountType}
          onChange={(e) => onTyped({ ...typed, accountType: e.target.value as AccountType })}
        >
          {accountTypes.map((k) => (
            <option key={k} value={k}>
              {accountTypeLabel(a, k)}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={t('accountNumber')}
        hint={t('accountNumberHint')}
        testId="typed-number"
        inputMode="numeric"
        maxLength={7}
        required
        value={typed.accountNumber}
        onValue={(v) => onTyped({ ...typed, accountNumber: v.replace(/\D/g, '') })}
      />
      <Field
        label={t('payeeName')}
        hint={t('payeeNameHint')}
        testId="typed-name"
        required
        value={typed.name}
        onValue={(v) => onTyped({ ...typed, name: v })}
      />
    </div>
  );
}
