import { useCallback, useEffect, useState } from 'react';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { common, useT } from '../shared/i18n.ts';
import { bankApi, type ContractDetail as Detail } from './bankApi.ts';
import { loginMethodLabel, tokenStatusLabel, usageModeLabel, userStateLabel } from './labels.ts';
import { bankMessages } from './messages.ts';
import { RestoreAdmin } from './RestoreAdmin.tsx';
import { RevokeToken } from './RevokeToken.tsx';

/** One contract: its settings, its users and their tokens; 管理者復旧 (A3) and token revocation. */
export function ContractDetail({ number, go }: { number: string; go: (route: string) => void }) {
  const t = useT(bankMessages);
  const c = useT(common);
  const [detail, setDetail] = useState<Detail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await bankApi.contract(number));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [number]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!detail) return error ? <ErrorBox error={error} /> : <p className="loading">{c('loading')}</p>;
  const { contract, users } = detail;
  return (
    <>
      <button type="button" className="link" data-testid="back-contracts" onClick={() => go('contracts')}>
        ← {t('navContracts')}
      </button>
      <h1>
        {t('detailHeading')} <span className="mono">{contract.contractNumber}</span>
      </h1>
      <ErrorBox error={error} />
      <dl className="facts panel" data-testid="contract-facts">
        <dt>{t('contractName')}</dt>
        <dd>{contract.name}</dd>
        <dt>{t('branch')}</dt>
        <dd className="mono">{contract.branchCode}</dd>
        <dt>{t('loginMethod')}</dt>
        <dd>{loginMethodLabel(t, contract.loginMethod)}</dd>
        <dt>{t('usageMode')}</dt>
        <dd data-testid="contract-usage-mode">{usageModeLabel(t, contract.usageMode)}</dd>
        <dt>{t('sharedSerial')}</dt>
        <dd className="mono">{contract.sharedSerial ?? '-'}</dd>
        <dt>{t('contractPin')}</dt>
        <dd data-testid="contract-pin-state">{contract.contractPinLocked ? t('pinLocked') : t('normal')}</dd>
        <dt>{t('state')}</dt>
        <dd>{contract.stopped ? t('stopped') : t('normal')}</dd>
      </dl>
      <div className="toolbar">
        <button
          type="button"
          data-testid="contract-open-account"
          onClick={() => go(`accounts/${contract.contractNumber}`)}
        >
          {t('openAccountForContract')}
        </button>
        <button
          type="button"
          data-testid="contract-payees"
          onClick={() => go(`payees/${contract.contractNumber}`)}
        >
          {t('navPayees')}
        </button>
      </div>
      <h2>{t('usersHeading')}</h2>
      <div className="table-wrap">
        <table className="grid" data-testid="bank-users-table">
          <thead>
            <tr>
              <th scope="col">{t('userName')}</th>
              <th scope="col">{t('loginId')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('state')}</th>
              <th scope="col">{t('serial')}</th>
              <th scope="col">{t('tokenStatus')}</th>
              <th scope="col">{t('operations')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`bank-user-row-${u.loginId}`}>
                <th scope="row">{u.name}</th>
                <td className="mono">{u.loginId}</td>
                <td>{u.role === 'admin' ? t('roleAdmin') : t('roleUser')}</td>
                <td data-testid={`bank-user-status-${u.loginId}`}>{userStateLabel(t, u)}</td>
                <td className="mono" data-testid={`bank-user-serial-${u.loginId}`}>
                  {u.serial ?? '-'}
                </td>
                <td>{tokenStatusLabel(t, u.tokenStatus)}</td>
                <td>
                  {u.serial && u.tokenStatus !== 'revoked' && (
                    <button
                      type="button"
                      className="small"
                      data-testid={`bank-revoke-${u.loginId}`}
                      onClick={() => setRevoking(u.serial)}
                    >
                      {t('revoke')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {revoking && <RevokeToken key={revoking} initialSerial={revoking} onDone={load} />}
      <RestoreAdmin contractNumber={contract.contractNumber} onDone={load} />
    </>
  );
}
