import type { Statement } from '@kinko/core/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { clientError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { daysInclusive, isDay, jstToday, monthStart } from '../../shared/format.ts';
import { common, useT } from '../../shared/i18n.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { accountsApi, type CsvEncoding, type Period, statementMaxDays } from './api.ts';
import { inquiryMessages } from './messages.ts';
import { StatementForm } from './StatementForm.tsx';
import { StatementResult } from './StatementResult.tsx';

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
  const c = useT(common);
  const accountSelectId = useId();
  const [today] = useState(() => jstToday());
  const accountList = useLoad(accountsApi.list);
  const accounts = accountList.data;
  const [from, setFrom] = useState(() => monthStart(today));
  const [to, setTo] = useState(today);
  const [period, setPeriod] = useState<Period>(() => ({ from: monthStart(today), to: today }));
  const [statement, setStatement] = useState<Statement | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setError] = useState<unknown>(null);
  const [encoding, setEncoding] = useState<CsvEncoding>('shift_jis');
  const error = problem ?? accountList.error;

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
    } catch (e) {
      setError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    try {
      setPeriod(checkPeriod({ from, to }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <p className="breadcrumb">{t('breadcrumbStatement')}</p>
      <h1>{t('statementHeading')}</h1>
      <ErrorBox error={error} />
      {!accounts && !error && <p className="loading">{c('loading')}</p>}
      {accounts && accounts.length === 0 && <p data-testid="accounts-empty">{t('noAccounts')}</p>}
      {accounts && accounts.length > 0 && (
        <StatementForm
          selectId={accountSelectId}
          accounts={accounts}
          selected={selected}
          onAccount={(id) => go(`statement/${id}`)}
          today={today}
          from={from}
          to={to}
          onFrom={setFrom}
          onTo={setTo}
          onSubmit={submit}
        />
      )}
      {selected && !statement && !error && <p className="loading">{c('loading')}</p>}
      {statement && (
        <StatementResult
          statement={statement}
          loadingMore={loadingMore}
          onMore={() => void showMore()}
          encoding={encoding}
          onEncoding={setEncoding}
        />
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
