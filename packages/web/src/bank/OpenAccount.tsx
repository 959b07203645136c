import { type FormEvent, useEffect, useId, useState } from 'react';
import { accountLabels, accountTypeLabel, accountTypes } from '../shared/accountLabels.ts';
import { ApiError, clientError } from '../shared/api.ts';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { formatYen, parseYen } from '../shared/format.ts';
import { useT } from '../shared/i18n.ts';
import type { AccountType, BankAccountView, ContractView } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
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
  const branchId = useId();
  const typeId = useId();
  const contractsId = useId();
  const [branches, setBranches] = useState<{ code: string; name: string }[]>([]);
  const [contracts, setContracts] = useState<ContractView[]>([]);
  const [contractNumber, setContractNumber] = useState(initialContract);
  const [branchCode, setBranchCode] = useState('');
  const [type, setType] = useState<AccountType>('ordinary');
  const [holderKana, setHolderKana] = useState('');
  const [deposit, setDeposit] = useState('');
  const [overdraft, setOverdraft] = useState('0');
  const [opened, setOpened] = useState<BankAccountView | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    bankApi.branches().then((list) => {
      setBranches(list);
      setBranchCode((code) => code || list[0]?.code || '');
    }, setError);
  }, [setError]);

  // The contract numbers are offered as suggestions; the contract's own branch is the default.
  useEffect(() => {
    bankApi.contracts().then((list) => {
      setContracts(list);
      const known = list.find((k) => k.contractNumber === initialContract);
      if (known) setBranchCode(known.branchCode);
    }, setError);
  }, [initialContract, setError]);

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
        <section className="notice" role="status" data-testid="account-result">
          {t('accountDone')}{' '}
          <strong className="mono big" data-testid="opened-account-number">
            {opened.number}
          </strong>
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
        </section>
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
          onValue={setContractNumber}
        />
        <datalist id={contractsId}>
          {contracts.map((k) => (
            <option key={k.id} value={k.contractNumber}>
              {k.name}
            </option>
          ))}
        </datalist>
        <div className="field">
          <label htmlFor={branchId}>{t('branch')}</label>
          <select
            id={branchId}
            data-testid="account-branch"
            required
            value={branchCode}
            onChange={(e) => setBranchCode(e.target.value)}
          >
            {branches.map((b) => (
              <option key={b.code} value={b.code}>
                {b.code} {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={typeId}>{t('accountType')}</label>
          <select
            id={typeId}
            data-testid="account-type"
            value={type}
            onChange={(e) => setType(e.target.value as AccountType)}
          >
            {accountTypes.map((value) => (
              <option key={value} value={value}>
                {accountTypeLabel(a, value)}
              </option>
            ))}
          </select>
        </div>
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
            onValue={setOverdraft}
          />
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="account-submit" disabled={busy}>
            {t('accountSubmit')}
          </button>
        </div>
      </form>
    </>
  );
}
