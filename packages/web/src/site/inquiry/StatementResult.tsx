import type { Statement } from '@kinko/core/shared';
import { formatDay, formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { StackedTable } from '../../shared/StackedTable.tsx';
import { accountKey, accountsApi, type CsvEncoding } from './api.ts';
import { inquiryMessages } from './messages.ts';
import { useAccountLabel } from './StatementForm.tsx';

/** The statement shown: its balances, its lines (さらに表示 for the next page) and the CSV download. */
export function StatementResult({
  statement,
  loadingMore,
  onMore,
  encoding,
  onEncoding,
}: {
  statement: Statement;
  loadingMore: boolean;
  onMore: () => void;
  encoding: CsvEncoding;
  onEncoding: (encoding: CsvEncoding) => void;
}) {
  const t = useT(inquiryMessages);
  const label = useAccountLabel();
  const choice = (value: CsvEncoding, text: string) => (
    <label className="choice">
      <input
        type="radio"
        name="csv-encoding"
        data-testid={`csv-encoding-${value}`}
        checked={encoding === value}
        onChange={() => onEncoding(value)}
      />
      {text}
    </label>
  );
  return (
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
        <StatementLines statement={statement} />
      )}
      {statement.nextCursor && (
        <div className="actions">
          <button type="button" data-testid="statement-more" disabled={loadingMore} onClick={onMore}>
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
  );
}

function StatementLines({ statement }: { statement: Statement }) {
  const t = useT(inquiryMessages);
  return (
    <div className="table-wrap">
      <StackedTable data-testid="statement-table">
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
      </StackedTable>
    </div>
  );
}
