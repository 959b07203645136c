import { useState } from 'react';
import { accountLabels, accountStatusLabel, accountTypeLabel } from '../../shared/accountLabels.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { formatTime, formatYen } from '../../shared/format.ts';
import { common, useLang, useT } from '../../shared/i18n.ts';
import { ListTable } from '../../shared/ListTable.tsx';
import { useLoad } from '../../shared/useLoad.ts';
import { accountKey, accountsApi } from './api.ts';
import { inquiryMessages } from './messages.ts';

/** 残高照会 (M9): the contract's accounts with their balances, as of the moment they were read. */
export function Balances({ go }: { go: (route: string) => void }) {
  const t = useT(inquiryMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const lang = useLang();
  const [readAt, setReadAt] = useState<number | null>(null);
  const {
    data: accounts,
    error,
    loading: busy,
    reload,
  } = useLoad(async () => {
    const list = await accountsApi.list();
    setReadAt(Date.now());
    return list;
  });

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
            <button
              type="button"
              data-testid="accounts-refresh"
              disabled={busy}
              onClick={() => void reload()}
            >
              {t('refresh')}
            </button>
          </div>
          <ListTable
            items={accounts}
            testIdPrefix="accounts"
            empty={t('noAccounts')}
            headings={[
              t('branch'),
              t('type'),
              t('number'),
              t('holder'),
              { label: t('balance'), num: true },
              t('operations'),
            ]}
            row={(acc) => {
              const key = accountKey(acc);
              return (
                <tr data-testid={`account-row-${key}`}>
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
            }}
          />
        </>
      )}
      <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
        {t('backHome')}
      </button>
    </>
  );
}
