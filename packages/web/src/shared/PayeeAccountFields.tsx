import type { PayeeAccountInput } from '@kinko/core/shared';
import { type ReactNode, useId } from 'react';
import { accountLabels, accountTypeLabel, accountTypes } from './accountLabels.ts';
import { Field } from './Field.tsx';
import { defineMessages, useT } from './i18n.ts';
import type { AccountType } from './types.ts';

/** A payee's account as typed (M8): the codes and number digits only, the name as the person types it. */
export type PayeeAccount = PayeeAccountInput;

export const emptyPayeeAccount: PayeeAccount = {
  bankCode: '',
  branchCode: '',
  accountType: 'ordinary',
  accountNumber: '',
  name: '',
};

const payeeAccountMessages = defineMessages(
  {
    bankCode: '金融機関コード',
    bankCodeHint: '4桁の数字（例：0001。全角でも入力できます）',
    branchCode: '支店コード',
    branchCodeHint: '3桁の数字（例：001）',
    accountType: '科目',
    accountNumber: '口座番号',
    accountNumberHint: '7桁の数字（7桁未満は先頭に0を付けてください）。',
    name: '受取人名（カナ）',
    nameHint:
      'カナ（全角・半角）、英字、数字、スペース、記号（ ）－ ． で入力してください（漢字は使えません）。全銀手順で使える半角文字に変換します。',
  },
  {
    bankCode: 'Bank code',
    bankCodeHint: '4 digits (e.g. 0001; full-width is fine)',
    branchCode: 'Branch code',
    branchCodeHint: '3 digits (e.g. 001)',
    accountType: 'Account type',
    accountNumber: 'Account number',
    accountNumberHint: '7 digits (pad with leading zeros).',
    name: 'Payee name (kana)',
    nameHint:
      'Kana (full-width or half-width), letters, digits, spaces and ( ) - . (no kanji); converted to half-width Zengin characters.',
  },
);

/**
 * 金融機関コード・支店コード・科目・口座番号・受取人名, one set for the customer's typed payee and the
 * back office's written one (M8). Test ids are `<testIdPrefix>-bank`, `-branch`, `-type`, `-number`
 * and `-name`; `afterBank` / `afterBranch` show what a screen knows of the code typed (its name).
 */
export function PayeeAccountFields({
  value,
  onChange,
  testIdPrefix,
  afterBank,
  afterBranch,
}: {
  value: PayeeAccount;
  onChange: (next: PayeeAccount) => void;
  testIdPrefix: string;
  afterBank?: ReactNode;
  afterBranch?: ReactNode;
}) {
  const t = useT(payeeAccountMessages);
  const a = useT(accountLabels);
  const typeId = useId();
  const id = (field: string) => `${testIdPrefix}-${field}`;
  // The codes and the account number are digits of a fixed length; anything else typed is dropped.
  const digitsField = (
    key: 'bankCode' | 'branchCode' | 'accountNumber',
    field: string,
    maxLength: number,
  ) => (
    <Field
      label={t(key)}
      hint={t(`${key}Hint`)}
      testId={id(field)}
      inputMode="numeric"
      autoComplete="off"
      maxLength={maxLength}
      required
      value={value[key]}
      fold="digits"
      onValue={(v) => onChange({ ...value, [key]: v })}
    />
  );
  return (
    <>
      {digitsField('bankCode', 'bank', 4)}
      {afterBank}
      {digitsField('branchCode', 'branch', 3)}
      {afterBranch}
      <div className="field">
        <label htmlFor={typeId}>{t('accountType')}</label>
        <select
          id={typeId}
          data-testid={id('type')}
          value={value.accountType}
          onChange={(e) => onChange({ ...value, accountType: e.target.value as AccountType })}
        >
          {accountTypes.map((k) => (
            <option key={k} value={k}>
              {accountTypeLabel(a, k)}
            </option>
          ))}
        </select>
      </div>
      {digitsField('accountNumber', 'number', 7)}
      <Field
        label={t('name')}
        hint={t('nameHint')}
        testId={id('name')}
        required
        value={value.name}
        onValue={(v) => onChange({ ...value, name: v })}
      />
    </>
  );
}
