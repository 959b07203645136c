import { useCallback, useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { type PayeeAccount, PayeeAccountFields } from '../../shared/PayeeAccountFields.tsx';
import { payeeApi } from './api.ts';
import { DirectoryName, DirectorySearch, useDirectoryNames } from './PayeeDirectory.tsx';

/**
 * The 口座を入力 tab (and 振込先の管理's add form): bank, branch, type, number and name, digits
 * kept to digits. The bank and branch names appear as the codes are typed, and a name search
 * fills a code in (M8); the codes are what is submitted.
 */
export function TypedPayeeFields({
  typed,
  onTyped,
  testIdPrefix = 'typed',
}: {
  typed: PayeeAccount;
  onTyped: (typed: PayeeAccount) => void;
  testIdPrefix?: string;
}) {
  const [error, setError] = useState<unknown>(null);
  const onError = useCallback((e: unknown) => setError(e), []);
  const { bank, branch } = useDirectoryNames(typed.bankCode, typed.branchCode, onError);
  const knownBank = bank && bank !== 'none' ? bank.code : null;
  const searchBanks = useCallback((q: string) => payeeApi.banks(q), []);
  const searchBranches = useCallback((q: string) => payeeApi.branches(knownBank ?? '', q), [knownBank]);
  const id = (s: string) => `${testIdPrefix}-${s}`;
  return (
    <div className="typed-payee">
      <ErrorBox error={error} />
      <PayeeAccountFields
        value={typed}
        onChange={(next) => {
          setError(null);
          onTyped(next);
        }}
        testIdPrefix={testIdPrefix}
        afterBank={
          <>
            <DirectoryName lookup={bank} testId={id('bank-name')} notFound="bankNotFound" />
            <DirectorySearch
              kind="bank"
              testId={id('bank-search')}
              search={searchBanks}
              onPick={(b) => onTyped({ ...typed, bankCode: b.code, branchCode: '' })}
              onError={onError}
            />
          </>
        }
        afterBranch={
          <>
            <DirectoryName lookup={branch} testId={id('branch-name')} notFound="branchNotFound" />
            {knownBank && (
              <DirectorySearch
                key={knownBank}
                kind="branch"
                testId={id('branch-search')}
                search={searchBranches}
                onPick={(b) => onTyped({ ...typed, branchCode: b.code })}
                onError={onError}
              />
            )}
          </>
        }
      />
    </div>
  );
}
