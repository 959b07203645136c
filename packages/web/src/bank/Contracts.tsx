import { useEffect, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { common, useT } from '../shared/i18n.ts';
import type { ContractView } from '../shared/types.ts';
import { bankApi } from './bankApi.ts';
import { loginMethodLabel, usageModeLabel } from './labels.ts';
import { bankMessages } from './messages.ts';

/** 契約一覧. */
export function Contracts({ go }: { go: (route: string) => void }) {
  const t = useT(bankMessages);
  const c = useT(common);
  const [contracts, setContracts] = useState<ContractView[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    bankApi.contracts().then(setContracts, setError);
  }, []);

  return (
    <>
      <h1>{t('contractsHeading')}</h1>
      <ErrorBox error={error} />
      {!contracts && !error && <p className="loading">{c('loading')}</p>}
      {contracts && contracts.length === 0 && <p>{t('noContracts')}</p>}
      {contracts && contracts.length > 0 && (
        <div className="table-wrap">
          <table className="grid" data-testid="contracts-table">
            <thead>
              <tr>
                <th scope="col">{t('contractNumber')}</th>
                <th scope="col">{t('contractName')}</th>
                <th scope="col">{t('branch')}</th>
                <th scope="col">{t('loginMethod')}</th>
                <th scope="col">{t('usageMode')}</th>
                <th scope="col">{t('state')}</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((k) => (
                <tr key={k.id} data-testid={`contract-row-${k.contractNumber}`}>
                  <td>
                    <button
                      type="button"
                      className="link mono"
                      data-testid={`contract-open-${k.contractNumber}`}
                      onClick={() => go(`contract/${k.contractNumber}`)}
                    >
                      {k.contractNumber}
                    </button>
                  </td>
                  <td>{k.name}</td>
                  <td className="mono">{k.branchCode}</td>
                  <td>{loginMethodLabel(t, k.loginMethod)}</td>
                  <td>{usageModeLabel(t, k.usageMode)}</td>
                  <td>
                    {[k.stopped ? t('stopped') : '', k.contractPinLocked ? t('pinLocked') : '']
                      .filter(Boolean)
                      .join('・') || t('normal')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
