import type { PayeeList } from '@kinko/core/shared';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { formatDay } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import type { AccountView } from '../../shared/types.ts';
import { TypedPayeeFields } from '../payees/TypedPayeeFields.tsx';
import type { Tab } from './entry.ts';
import { transferMessages } from './messages.ts';
import type { TransferFlow } from './useTransferFlow.ts';

const tabs: readonly Tab[] = ['registered', 'saved', 'recent', 'typed', 'own'];
const tabLabel = {
  registered: 'tabRegistered',
  saved: 'tabSaved',
  recent: 'tabRecent',
  typed: 'tabTyped',
  own: 'tabOwn',
} as const;

/** 振込先: registered, saved, recent, typed or one's own account, one tab each. */
export function PayeePicker({
  flow,
  accounts,
  payees,
}: {
  flow: TransferFlow;
  accounts: AccountView[];
  payees: PayeeList;
}) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const { tab, changed } = flow;
  const own = accounts.filter((x) => x.id !== flow.fromAccountId && x.status === 'active');
  return (
    <fieldset>
      <legend>{t('payee')}</legend>
      <div className="payee-tabs" role="tablist">
        {tabs.map((k) => (
          <button
            type="button"
            role="tab"
            key={k}
            aria-selected={tab === k}
            data-testid={`payee-tab-${k}`}
            onClick={() => changed(flow.setTab)(k)}
          >
            {t(tabLabel[k])}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="payee-panel">
        {(tab === 'registered' || tab === 'saved') &&
          (() => {
            const list = tab === 'registered' ? payees.registered : payees.saved;
            if (list.length === 0) {
              return (
                <p data-testid="payee-empty">{tab === 'registered' ? t('noRegistered') : t('noSaved')}</p>
              );
            }
            return (
              <ul className="payee-list" data-testid={`payee-list-${tab}`}>
                {list.map((p) => (
                  <li key={p.id}>
                    <label className="choice">
                      <input
                        type="radio"
                        name="payee"
                        data-testid={`payee-option-${p.payeeNumber ?? p.id}`}
                        checked={flow.payeeId === p.id}
                        onChange={() => changed(flow.setPayeeId)(p.id)}
                      />
                      {p.payeeNumber && <span className="mono">[{p.payeeNumber}] </span>}
                      {p.bankName} {p.branchName} {accountTypeLabel(a, p.accountType)}{' '}
                      <span className="mono">{p.accountNumber}</span> <span className="kana">{p.name}</span>
                      {p.nickname && <small className="hint"> （{p.nickname}）</small>}
                    </label>
                  </li>
                ))}
              </ul>
            );
          })()}
        {tab === 'recent' &&
          (payees.recent.length === 0 ? (
            <p data-testid="payee-empty">{t('noRecent')}</p>
          ) : (
            <ul className="payee-list" data-testid="payee-list-recent">
              {payees.recent.map((r, i) => (
                <li key={`${r.bankCode}-${r.branchCode}-${r.accountType}-${r.accountNumber}`}>
                  <label className="choice">
                    <input
                      type="radio"
                      name="payee"
                      data-testid={`payee-recent-${i}`}
                      checked={flow.recentIndex === i}
                      onChange={() => changed(flow.setRecentIndex)(i)}
                    />
                    {r.bankName} {r.branchName} {accountTypeLabel(a, r.accountType)}{' '}
                    <span className="mono">{r.accountNumber}</span> <span className="kana">{r.name}</span>{' '}
                    <small className="hint">{t('lastDate', { date: formatDay(r.lastValueDate) })}</small>
                  </label>
                </li>
              ))}
            </ul>
          ))}
        {tab === 'own' &&
          (own.length === 0 ? (
            <p data-testid="payee-empty">{t('noSaved')}</p>
          ) : (
            <ul className="payee-list" data-testid="payee-list-own">
              {own.map((acc) => (
                <li key={acc.id}>
                  <label className="choice">
                    <input
                      type="radio"
                      name="payee"
                      data-testid={`payee-own-${acc.branchCode}-${acc.number}`}
                      checked={flow.ownTo === acc.id}
                      onChange={() => changed(flow.setOwnTo)(acc.id)}
                    />
                    {acc.branchName} {accountTypeLabel(a, acc.type)}{' '}
                    <span className="mono">{acc.number}</span> <span className="kana">{acc.holderKana}</span>
                  </label>
                </li>
              ))}
            </ul>
          ))}
        {tab === 'typed' && <TypedPayeeFields typed={flow.typed} onTyped={changed(flow.setTyped)} />}
      </div>
    </fieldset>
  );
}
