import { type FormEvent, useEffect, useId, useState } from 'react';
import { accountLabels, accountTypeLabel, accountTypes } from '../shared/accountLabels.ts';
import { ApiError, clientError } from '../shared/api.ts';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { formatYen, parseYen } from '../shared/format.ts';
import { useT } from '../shared/i18n.ts';
import { ResultNotice } from '../shared/ResultNotice.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import type { AccountType, BankAccountView, ContractView } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { branchOption, useBranches } from '../shared/useBranches.ts';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

/** Where the server found a character that is not Zengin in the holder name (request.invalid). */
function badHolderChar(error: unknown): { position: number; character: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'request.invalid') return null;
  const { position, character } = error.details;
  return typeof position === 'number' && typeof character === 'string' ? { position, character } : null;
}

/**
 * 口座開設 (B1), #/accounts or #/accounts/<contract number>: an account for a contract at a
 * branch, with its opening deposit from vault cash. The server turns the holder name into Zengin
 * characters; the screen shows the name as registered and the new account number.
 */
export function OpenAccount({ contractNumber: initialContract }: { contractNumber: string }) {
  const t = useT(bankMessages);
  const a = useT(accountLabels);
  const contractsId = useId();
  const [contracts, setContracts] = useState<ContractView[]>([]);
  const [contractNumber, setContractNumber] = useState(initialContract);
  const [type, setType] = useState<AccountType>('ordinary');
  const [holderKana, setHolderKana] = useState('');
  const [deposit, setDeposit] = useState('');
  const [overdraft, setOverdraft] = useState('0');
  const [opened, setOpened] = useState<BankAccountView | null>(null);
  const { busy, error, setError, run } = useAction();
  const { branches, branchCode, setBranchCode } = useBranches(bankApi.branches, setError);

  // The contract numbers are offered as suggestions; the contract's own branch is the default.
  useEffect(() => {
    bankApi.contracts().then((list) => {
      setContracts(list);
      const known = list.find((k) => k.contractNumber === initialContract);
      if (known) setBranchCode(known.branchCode);
    }, setError);
  }, [initialContract, setError, setBranchCode]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOpened(null);
    const account = await run(() => {
      const openingDeposit = parseYen(deposit);
      const overdraftLimit = type === 'current' ? parseYen(overdraft) : 0;
      if (openingDeposit === null || overdraftLimit === null) throw clientError('amount.invalid');
      return bankApi.openAccount({
        contractNumber: contractNumber.trim(),
        branchCode,
        type,
        holderKana: holderKana.trim(),
        openingDeposit,
        ...(type === 'current' ? { overdraftLimit } : {}),
      });
    });
    if (account) {
      setOpened(account);
      setHolderKana('');
      setDeposit('');
    }
  }

  const bad = badHolderChar(error);

  return (
    <>
      <h1>{t('accountHeading')}</h1>
      <ErrorBox error={error} />
      {opened && (
        <ResultNotice
          testId="account-result"
          text={t('accountDone')}
          numberTestId="opened-account-number"
          number={opened.number}
        >
          <dl className="facts">
            <dt>{t('contractNumber')}</dt>
            <dd className="mono">{opened.contractNumber ?? '-'}</dd>
            <dt>{t('branch')}</dt>
            <dd data-testid="opened-account-branch">
              <span className="mono">{opened.branchCode}</span> {opened.branchName}
            </dd>
            <dt>{t('accountType')}</dt>
            <dd>{accountTypeLabel(a, opened.type)}</dd>
            <dt>{t('holderKana')}</dt>
            <dd data-testid="opened-account-holder">{opened.holderKana}</dd>
            <dt>{t('balance')}</dt>
            <dd data-testid="opened-account-balance">{formatYen(opened.balance)}</dd>
          </dl>
        </ResultNotice>
      )}
      <form onSubmit={submit} className="panel">
        <Field
          label={t('contractNumber')}
          testId="account-contract"
          required
          inputMode="numeric"
          autoComplete="off"
          list={contractsId}
          hint={t('accountContractHint')}
          value={contractNumber}
          fold="digits"
          onValue={setContractNumber}
        />
        <datalist id={contractsId}>
          {contracts.map((k) => (
            <option key={k.id} value={k.contractNumber}>
              {k.name}
            </option>
          ))}
        </datalist>
        <SelectField
          label={t('branch')}
          testId="account-branch"
          required
          options={branches.map(branchOption)}
          value={branchCode}
          onValue={setBranchCode}
        />
        <SelectField
          label={t('accountType')}
          testId="account-type"
          options={accountTypes.map((value) => ({ value, label: accountTypeLabel(a, value) }))}
          value={type}
          onValue={setType}
        />
        <Field
          label={t('holderKana')}
          testId="account-holder"
          required
          autoComplete="off"
          hint={t('holderKanaHint')}
          aria-invalid={bad ? true : undefined}
          value={holderKana}
          onValue={setHolderKana}
        />
        {bad && (
          <p className="field-error" data-testid="account-holder-error">
            {t('holderBadChar', bad)}
          </p>
        )}
        <Field
          label={t('openingDeposit')}
          testId="account-deposit"
          required
          inputMode="numeric"
          autoComplete="off"
          hint={t('openingDepositHint')}
          value={deposit}
          fold="amount"
          onValue={setDeposit}
        />
        {type === 'current' && (
          <Field
            label={t('overdraftLimit')}
            testId="account-overdraft"
            inputMode="numeric"
            autoComplete="off"
            hint={t('overdraftLimitHint')}
            value={overdraft}
            fold="amount"
            onValue={setOverdraft}
          />
        )}
        <FormActions busy={busy} submitTestId="account-submit" submitLabel={t('accountSubmit')} />
      </form>
    </>
  );
}
