import { useCallback, useEffect, useState } from 'react';
import { accountLabels, accountStatusLabel, accountTypeLabel } from '../shared/accountLabels.ts';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { formatTime, formatYen } from '../shared/format.ts';
import { common, useLang, useT } from '../shared/i18n.ts';
import type { AccountView } from '../shared/types.ts';
import { accountKey, accountsApi } from './accountsApi.ts';
import { inquiryMessages } from './inquiryMessages.ts';

/** 残高照会 (M9): the contract's accounts with their balances, as of the moment they were read. */
export function Balances({ go }: { go: (route: string) => void }) {
  const t = useT(inquiryMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const lang = useLang();
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [readAt, setReadAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      const list = await accountsApi.list();
      setAccounts(list);
      setReadAt(Date.now());
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <p className="breadcrumb">{t('breadcrumbBalance')}</p>
      <h1>{t('balanceHeading')}</h1>
      <ErrorBox error={error} />
      {!accounts && !error && <p className="loading">{c('loading')}</p>}
      {accounts && (
        <>
          <div className="toolbar">
            <p className="as-of">
              {t('updated')}:{' '}
              <span data-testid="accounts-updated">{readAt === null ? '-' : formatTime(readAt, lang)}</span>
            </p>
            <button type="button" data-testid="accounts-refresh" disabled={busy} onClick={() => void load()}>
              {t('refresh')}
            </button>
          </div>
          {accounts.length === 0 ? (
            <p data-testid="accounts-empty">{t('noAccounts')}</p>
          ) : (
            <div className="table-wrap">
              <table className="grid" data-testid="accounts-table">
                <thead>
                  <tr>
                    <th scope="col">{t('branch')}</th>
                    <th scope="col">{t('type')}</th>
                    <th scope="col">{t('number')}</th>
                    <th scope="col">{t('holder')}</th>
                    <th scope="col" className="num">
                      {t('balance')}
                    </th>
                    <th scope="col">{t('operations')}</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.map((acc) => {
                    const key = accountKey(acc);
                    return (
                      <tr key={acc.id} data-testid={`account-row-${key}`}>
                        <td>
                          {acc.branchName} <span className="mono">({acc.branchCode})</span>
                        </td>
                        <td>{accountTypeLabel(a, acc.type)}</td>
                        <th scope="row" className="mono">
                          {acc.number}
                          {acc.status !== 'active' && (
                            <span className="badge" data-testid={`account-status-${key}`}>
                              {accountStatusLabel(a, acc.status)}
                            </span>
                          )}
                        </th>
                        <td className="kana">{acc.holderKana}</td>
                        <td className="num">
                          <span data-testid={`account-balance-${key}`}>{formatYen(acc.balance)}</span>
                          {acc.overdraftLimit > 0 && (
                            <small className="hint block">
                              {t('available', { amount: formatYen(acc.available) })}
                            </small>
                          )}
                        </td>
                        <td>
                          <button
                            type="button"
                            className="small"
                            data-testid={`account-statement-${key}`}
                            onClick={() => go(`statement/${acc.id}`)}
                          >
                            {t('showStatement')}
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
        {t('backHome')}
      </button>
    </>
  );
}
