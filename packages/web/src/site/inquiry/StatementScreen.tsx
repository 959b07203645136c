import { type FormEvent, useEffect, useId, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { clientError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { daysInclusive, formatDay, formatYen, isDay, jstToday, monthStart } from '../../shared/format.ts';
import { common, useT } from '../../shared/i18n.ts';
import type { AccountView, Statement } from '../../shared/types.ts';
import { accountKey, accountsApi, type CsvEncoding, type Period, statementMaxDays } from './api.ts';
import { inquiryMessages } from './messages.ts';

/** The period a person asks for, checked before it goes to the server (which checks it again). */
function checkPeriod(p: Period): Period {
  if (!isDay(p.from) || !isDay(p.to) || p.to < p.from || daysInclusive(p.from, p.to) > statementMaxDays) {
    throw clientError('request.invalid');
  }
  return p;
}

/**
 * 入出金明細照会 (M9), #/statement/<account id>: choose an account and a period (this month by
 * default), read the lines, and download the same statement as CSV (Shift_JIS for Excel, or UTF-8).
 */
export function StatementScreen({ accountId, go }: { accountId: string; go: (route: string) => void }) {
  const t = useT(inquiryMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const accountSelectId = useId();
  const [today] = useState(() => jstToday());
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [from, setFrom] = useState(() => monthStart(today));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState<Period>(() => ({ from: monthStart(today), to: today }));
  const [statement, setStatement] = useState<Statement | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [encoding, setEncoding] = useState<CsvEncoding>('shift_jis');

  useEffect(() => {
    accountsApi.list().then(setAccounts, setError);
  }, []);

  // The route names the account; without one, the first account is shown.
  const selected = accountId || accounts?.[0]?.id || '';

  useEffect(() => {
    if (!selected) return;
    let live = true;
    setStatement(null);
    accountsApi.statement(selected, period).then(
      (s) => {
        if (!live) return;
        setStatement(s);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(e);
      },
    );
    return () => {
      live = false;
    };
  }, [selected, period]);

  /** The period's next lines, below those shown (the statement answers a page at a time). */
  async function showMore() {
    if (!statement?.nextCursor) return;
    const shown = statement;
    setLoadingMore(true);
    try {
      const page = await accountsApi.statement(shown.account.id, shown, shown.nextCursor ?? undefined);
      // Unless another account or period was asked for meanwhile.
      setStatement((current) =>
        current === shown ? { ...page, lines: [...shown.lines, ...page.lines] } : current,
      );
    } catch (problem) {
      setError(problem);
    } finally {
      setLoadingMore(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    try {
      setPeriod(checkPeriod({ from, to }));
    } catch (problem) {
      setError(problem);
    }
  }

  const label = (acc: AccountView) =>
    t('accountOption', {
      branch: acc.branchName,
      type: accountTypeLabel(a, acc.type),
      number: acc.number,
      holder: acc.holderKana,
    });

  const choice = (value: CsvEncoding, text: string) => (
    <label className="choice">
      <input
        type="radio"
        name="csv-encoding"
        data-testid={`csv-encoding-${value}`}
        checked={encoding === value}
        onChange={() => setEncoding(value)}
      />
      {text}
    </label>
  );

  return (
    <>
      <p className="breadcrumb">{t('breadcrumbStatement')}</p>
      <h1>{t('statementHeading')}</h1>
      <ErrorBox error={error} />
      {!accounts && !error && <p className="loading">{c('loading')}</p>}
      {accounts && accounts.length === 0 && <p data-testid="accounts-empty">{t('noAccounts')}</p>}
      {accounts && accounts.length > 0 && (
        <form className="panel" onSubmit={submit}>
          <div className="field wide">
            <label htmlFor={accountSelectId}>{t('account')}</label>
            <select
              id={accountSelectId}
              data-testid="statement-account"
              value={selected}
              onChange={(e) => go(`statement/${e.target.value}`)}
            >
              {accounts.map((acc) => (
                <option key={acc.id} value={acc.id}>
                  {label(acc)}
                </option>
              ))}
            </select>
          </div>
          <fieldset>
            <legend>{t('period')}</legend>
            <div className="period">
              <Field
                label={t('from')}
                testId="statement-from"
                type="date"
                required
                max={today}
                value={from}
                onValue={setFrom}
              />
              <Field
                label={t('to')}
                testId="statement-to"
                type="date"
                required
                max={today}
                value={to}
                onValue={setTo}
              />
            </div>
            <small className="hint">{t('periodHint', { days: statementMaxDays })}</small>
          </fieldset>
          <div className="actions">
            <button type="submit" className="primary" data-testid="statement-submit">
              {t('search')}
            </button>
          </div>
        </form>
      )}
      {selected && !statement && !error && <p className="loading">{c('loading')}</p>}
      {statement && (
        <section className="panel" aria-labelledby="statement-result-heading">
          <h2 id="statement-result-heading" data-testid="statement-title">
            {label(statement.account)}
          </h2>
          <dl className="facts">
            <dt>{t('period')}</dt>
            <dd data-testid="statement-period">
              {t('shownPeriod', { from: formatDay(statement.from), to: formatDay(statement.to) })}
            </dd>
            <dt>{t('openingBalance')}</dt>
            <dd data-testid="statement-opening">{formatYen(statement.openingBalance)}</dd>
            <dt>{t('closingBalance')}</dt>
            <dd data-testid="statement-closing">{formatYen(statement.closingBalance)}</dd>
          </dl>
          {statement.lines.length === 0 ? (
            <p data-testid="statement-empty">{t('noLines')}</p>
          ) : (
            <div className="table-wrap">
              <table className="grid" data-testid="statement-table">
                <thead>
                  <tr>
                    <th scope="col">{t('date')}</th>
                    <th scope="col">{t('description')}</th>
                    <th scope="col" className="num">
                      {t('debit')}
                    </th>
                    <th scope="col" className="num">
                      {t('credit')}
                    </th>
                    <th scope="col" className="num">
                      {t('runningBalance')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {statement.lines.map((l) => (
                    <tr key={l.seq} data-testid={`statement-line-${l.seq}`}>
                      <td className="mono">{formatDay(l.date)}</td>
                      <th scope="row">{l.description}</th>
                      <td className="num" data-testid={`statement-debit-${l.seq}`}>
                        {l.debit === null ? '' : formatYen(l.debit)}
                      </td>
                      <td className="num" data-testid={`statement-credit-${l.seq}`}>
                        {l.credit === null ? '' : formatYen(l.credit)}
                      </td>
                      <td className="num" data-testid={`statement-balance-${l.seq}`}>
                        {formatYen(l.balance)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {statement.nextCursor && (
            <div className="actions">
              <button
                type="button"
                data-testid="statement-more"
                disabled={loadingMore}
                onClick={() => void showMore()}
              >
                {t('showMore')}
              </button>
            </div>
          )}
          <fieldset className="csv" data-testid="csv-panel">
            <legend>{t('csvHeading')}</legend>
            <p className="hint">{t('csvIntro')}</p>
            <div role="radiogroup" aria-label={t('csvEncoding')}>
              {choice('shift_jis', t('csvShiftJis'))}
              {choice('utf8', t('csvUtf8'))}
            </div>
            <div className="actions">
              <a
                className="button primary"
                data-testid="csv-download"
                data-account={accountKey(statement.account)}
                href={accountsApi.csvUrl(statement.account.id, statement, encoding)}
                download
              >
                {t('csvDownload')}
              </a>
            </div>
          </fieldset>
        </section>
      )}
      <div className="actions">
        <button type="button" className="link" data-testid="back-balance" onClick={() => go('accounts')}>
          {t('menuBalance')}
        </button>
        <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
          {t('backHome')}
        </button>
      </div>
    </>
  );
}
