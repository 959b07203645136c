import { type FormEvent, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { FormActions } from '../shared/FormActions.tsx';
import { useT } from '../shared/i18n.ts';
import { ResultNotice } from '../shared/ResultNotice.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import type { ContractView, LoginMethod } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { branchOption, useBranches } from '../shared/useBranches.ts';
import { bankApi } from './bankApi.ts';
import { bankMessages } from './messages.ts';

/** 契約開設 (B1): the contract, its login method, its contract PIN and its first administrator. */
export function OpenContract({ go }: { go: (route: string) => void }) {
  const t = useT(bankMessages);
  const [name, setName] = useState('');
  const [loginMethod, setLoginMethod] = useState<LoginMethod>('id_password');
  const [contractPin, setContractPin] = useState('');
  const [adminLoginId, setAdminLoginId] = useState('');
  const [adminName, setAdminName] = useState('');
  const [adminPassword, setAdminPassword] = useState('');
  const [opened, setOpened] = useState<ContractView | null>(null);
  const { busy, error, setError, run } = useAction();
  const { branches, branchCode, setBranchCode } = useBranches(bankApi.branches, setError);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setOpened(null);
    const contract = await run(() =>
      bankApi.open({
        branchCode,
        name: name.trim(),
        loginMethod,
        contractPin,
        admin: { loginId: adminLoginId.trim(), name: adminName.trim(), password: adminPassword },
      }),
    );
    if (contract) {
      setOpened(contract);
      setContractPin('');
      setAdminPassword('');
    }
  }

  const method = (value: LoginMethod, label: string) => (
    <label className="choice">
      <input
        type="radio"
        name="login-method"
        data-testid={`open-method-${value}`}
        checked={loginMethod === value}
        onChange={() => setLoginMethod(value)}
      />
      {label}
    </label>
  );

  return (
    <>
      <h1>{t('openHeading')}</h1>
      <ErrorBox error={error} />
      {opened && (
        <ResultNotice
          testId="open-result"
          text={t('openDone')}
          numberTestId="opened-contract-number"
          number={opened.contractNumber}
        >
          {' '}
          <button type="button" className="link" onClick={() => go(`contract/${opened.contractNumber}`)}>
            {t('showDetail')}
          </button>
        </ResultNotice>
      )}
      <form onSubmit={submit} className="panel">
        <SelectField
          label={t('branch')}
          testId="open-branch"
          required
          options={branches.map(branchOption)}
          value={branchCode}
          onValue={setBranchCode}
        />
        <Field label={t('contractName')} testId="open-name" required value={name} onValue={setName} />
        <fieldset>
          <legend>{t('loginMethod')}</legend>
          {method('id_password', t('methodIdPassword'))}
          {method('certificate', t('methodCertificate'))}
        </fieldset>
        <Field
          label={t('contractPin')}
          testId="open-pin"
          type="password"
          autoComplete="off"
          required
          value={contractPin}
          fold="code"
          onValue={setContractPin}
        />
        <fieldset>
          <legend>{t('adminSection')}</legend>
          <Field
            label={t('adminLoginId')}
            testId="open-admin-loginid"
            required
            value={adminLoginId}
            onValue={setAdminLoginId}
          />
          <Field
            label={t('adminName')}
            testId="open-admin-name"
            required
            value={adminName}
            onValue={setAdminName}
          />
          <Field
            label={t('adminPassword')}
            testId="open-admin-password"
            type="password"
            autoComplete="new-password"
            required
            value={adminPassword}
            onValue={setAdminPassword}
          />
        </fieldset>
        <FormActions busy={busy} submitTestId="open-submit" submitLabel={t('openSubmit')} />
      </form>
    </>
  );
}
