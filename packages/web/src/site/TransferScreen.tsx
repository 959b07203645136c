import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { accountLabels, accountTypeLabel, accountTypes } from '../shared/accountLabels.ts';
import { ApiError, clientError, newIdempotencyKey } from '../shared/api.ts';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { formatDay, formatYen, jstToday, parseYen } from '../shared/format.ts';
import { common, useT } from '../shared/i18n.ts';
import type { AccountType, AccountView } from '../shared/types.ts';
import { useAction } from '../shared/useAction.ts';
import { accountsApi } from './accountsApi.ts';
import { emptyProof, ProofFields, type ProofInput, proofOf } from './ProofFields.tsx';
import { TransferStatusBadge } from './TransferStatusBadge.tsx';
import {
  type PayeeList,
  type PendingTransfer,
  type TransferInput,
  type TransferReceipt,
  transferApi,
} from './transferApi.ts';
import { transferMessages } from './transferMessages.ts';

type Tab = 'registered' | 'saved' | 'recent' | 'typed' | 'own';
const tabs: readonly Tab[] = ['registered', 'saved', 'recent', 'typed', 'own'];
const tabLabel = {
  registered: 'tabRegistered',
  saved: 'tabSaved',
  recent: 'tabRecent',
  typed: 'tabTyped',
  own: 'tabOwn',
} as const;

interface Typed {
  bankCode: string;
  branchCode: string;
  accountType: AccountType;
  accountNumber: string;
  name: string;
}

/** A refusal of the date that names the date possible instead (M4, M6). */
interface DateRefusal {
  code: string;
  /** M4 only: 'login_method_id_password' | 'token_not_active'. */
  reason: string | null;
  nextPossible: string | null;
}

function dateRefusalOf(e: unknown): DateRefusal | null {
  if (!(e instanceof ApiError)) return null;
  const next = e.details.nextPossible;
  const nextPossible = typeof next === 'string' ? next : null;
  if (e.code === 'transfer.same_day_not_allowed') {
    const reason = typeof e.details.reason === 'string' ? e.details.reason : null;
    return { code: e.code, reason, nextPossible };
  }
  if (e.code.startsWith('transfer.value_date_') && nextPossible) {
    return { code: e.code, reason: null, nextPossible };
  }
  return null;
}

/**
 * 振込・振替 (M2–M4, M6–M8): 入力 → 確認 (what the server returned: the payee as the bank shows
 * it, the fee, the date, the authorisation asked) → 完了 with the 受付番号. Each submission has
 * its Idempotency-Key, kept while the same submission is retried and renewed when anything
 * changes (M3).
 */
export function TransferScreen({ go }: { go: (route: string) => void }) {
  const t = useT(transferMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const [accounts, setAccounts] = useState<AccountView[] | null>(null);
  const [payees, setPayees] = useState<PayeeList | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  // 入力
  const [fromAccountId, setFromAccountId] = useState('');
  const [tab, setTab] = useState<Tab>('registered');
  const [payeeId, setPayeeId] = useState('');
  const [recentIndex, setRecentIndex] = useState(-1);
  const [ownTo, setOwnTo] = useState('');
  const [typed, setTyped] = useState<Typed>({
    bankCode: '',
    branchCode: '',
    accountType: 'ordinary',
    accountNumber: '',
    name: '',
  });
  const [amount, setAmount] = useState('');
  const [valueDate, setValueDate] = useState(() => jstToday());
  const [refusal, setRefusal] = useState<DateRefusal | null>(null);
  const enterKey = useRef<string | null>(null);

  // 確認・完了
  const [pending, setPending] = useState<PendingTransfer | null>(null);
  const [proof, setProof] = useState<ProofInput>(emptyProof);
  const confirmKey = useRef<string | null>(null);
  const [receipt, setReceipt] = useState<TransferReceipt | null>(null);
  const { busy, error, setError, run } = useAction();
  const typeId = useId();
  const fromId = useId();

  const load = useCallback(async () => {
    try {
      const [list, p] = await Promise.all([accountsApi.list(), transferApi.payees()]);
      setAccounts(list);
      setPayees(p);
      const first = list.find((x) => x.status === 'active') ?? list[0];
      setFromAccountId((cur) => cur || first?.id || '');
      if (p.registered.length === 0) setTab((cur) => (cur === 'registered' ? 'typed' : cur));
      setLoadError(null);
    } catch (e) {
      setLoadError(e);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Anything the user changes makes a new submission: a new Idempotency-Key. */
  function changed<T>(set: (v: T) => void): (v: T) => void {
    return (v: T) => {
      enterKey.current = null;
      setRefusal(null);
      set(v);
    };
  }

  function destination(): TransferInput['to'] | null {
    if (tab === 'registered' || tab === 'saved') return payeeId ? { kind: 'payee', payeeId } : null;
    if (tab === 'recent') {
      const r = payees?.recent[recentIndex];
      if (!r) return null;
      return {
        kind: 'typed',
        bankCode: r.bankCode,
        branchCode: r.branchCode,
        accountType: r.accountType,
        accountNumber: r.accountNumber,
        name: r.name,
      };
    }
    if (tab === 'own') return ownTo ? { kind: 'own', accountId: ownTo } : null;
    return { kind: 'typed', ...typed };
  }

  async function enter(date: string, freshKey: boolean) {
    const to = destination();
    const yen = parseYen(amount);
    if (!to) {
      setError(clientError('transfer.payee_required'));
      return;
    }
    if (yen === null || yen < 1) {
      setError(clientError('transfer.amount_invalid'));
      return;
    }
    if (freshKey || !enterKey.current) enterKey.current = newIdempotencyKey();
    const key = enterKey.current;
    setRefusal(null);
    const result = await run(async () => {
      try {
        return await transferApi.enter({ fromAccountId, to, amount: yen, valueDate: date }, key);
      } catch (e) {
        setRefusal(dateRefusalOf(e));
        throw e;
      }
    });
    if (result) {
      setPending(result);
      setProof(emptyProof);
      confirmKey.current = newIdempotencyKey();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void enter(valueDate, false);
  }

  /** M4/M6: the same transfer again, dated the day the server offered (a new submission). */
  function bookNext(date: string) {
    setValueDate(date);
    void enter(date, true);
  }

  async function execute(e: FormEvent) {
    e.preventDefault();
    if (!pending) return;
    if (!confirmKey.current) confirmKey.current = newIdempotencyKey();
    const key = confirmKey.current;
    const result = await run(() =>
      transferApi.confirm(pending.transfer.id, proofOf(pending.authorisation, proof), key),
    );
    setProof(emptyProof);
    if (result) {
      setReceipt(result);
      setPending(null);
    }
  }

  function again() {
    setReceipt(null);
    setPending(null);
    setRefusal(null);
    setError(null);
    setAmount('');
    setValueDate(jstToday());
    enterKey.current = null;
    void load();
  }

  const accountName = (id: string) => {
    const acc = accounts?.find((x) => x.id === id);
    return acc ? `${acc.branchName} ${accountTypeLabel(a, acc.type)} ${acc.number}` : id;
  };

  const steps = (
    <ol className="steps" aria-label={t('menuTransfer')}>
      {(['stepEnter', 'stepConfirm', 'stepDone'] as const).map((k, i) => {
        const current = receipt ? 2 : pending ? 1 : 0;
        return (
          <li key={k} aria-current={i === current ? 'step' : undefined}>
            {t(k)}
          </li>
        );
      })}
    </ol>
  );

  const footer = (
    <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
      {t('backHome')}
    </button>
  );

  if (receipt) {
    const tr = receipt.transfer;
    return (
      <>
        <p className="breadcrumb">{t('breadcrumbTransfer')}</p>
        <h1>{t('doneHeading')}</h1>
        {steps}
        <section className="panel" data-testid="transfer-done">
          <p>{t('doneIntro')}</p>
          <dl className="facts">
            <dt>{t('receiptNumber')}</dt>
            <dd className="mono big" data-testid="receipt-number">
              {receipt.receiptNumber}
            </dd>
            <dt>{t('status')}</dt>
            <dd>
              <TransferStatusBadge status={tr.status} testId="transfer-status" />
            </dd>
            <dt>{t('valueDate')}</dt>
            <dd data-testid="done-date">{formatDay(tr.valueDate)}</dd>
            <dt>{t('payee')}</dt>
            <dd data-testid="done-payee">
              {tr.payee.bankName} {tr.payee.branchName} {accountTypeLabel(a, tr.payee.accountType)}{' '}
              {tr.payee.accountNumber} <span className="kana">{tr.payee.name}</span>
            </dd>
            <dt>{t('amount')}</dt>
            <dd data-testid="done-amount">{formatYen(tr.amount)}</dd>
            <dt>{t('fee')}</dt>
            <dd data-testid="done-fee">{formatYen(tr.fee)}</dd>
          </dl>
          <div className="actions">
            <button type="button" data-testid="transfer-again" onClick={again}>
              {t('again')}
            </button>
            <button type="button" data-testid="done-scheduled" onClick={() => go('transfers/scheduled')}>
              {t('menuScheduled')}
            </button>
          </div>
        </section>
        {footer}
      </>
    );
  }

  if (pending) {
    const tr = pending.transfer;
    return (
      <>
        <p className="breadcrumb">{t('breadcrumbTransfer')}</p>
        <h1>{t('confirmHeading')}</h1>
        {steps}
        <section className="panel" data-testid="confirm-panel">
          <p>{t('confirmIntro')}</p>
          <ErrorBox error={error} />
          <dl className="facts">
            <dt>{t('from')}</dt>
            <dd data-testid="confirm-from">{accountName(tr.fromAccountId)}</dd>
            <dt>{t('bankName')}</dt>
            <dd data-testid="confirm-bank">
              {tr.payee.bankName} <span className="mono">({tr.payee.bankCode})</span>
            </dd>
            <dt>{t('branchName')}</dt>
            <dd data-testid="confirm-branch">
              {tr.payee.branchName} <span className="mono">({tr.payee.branchCode})</span>
            </dd>
            <dt>{t('payeeAccount')}</dt>
            <dd data-testid="confirm-account">
              {accountTypeLabel(a, tr.payee.accountType)}{' '}
              <span className="mono">{tr.payee.accountNumber}</span>
            </dd>
            <dt>{t('payeeNameShown')}</dt>
            <dd className="kana" data-testid="confirm-payee-name">
              {tr.payee.name}
            </dd>
            <dt>{t('amount')}</dt>
            <dd data-testid="confirm-amount">{formatYen(tr.amount)}</dd>
            <dt>{t('fee')}</dt>
            <dd data-testid="confirm-fee">{formatYen(tr.fee)}</dd>
            <dt>{t('total')}</dt>
            <dd data-testid="confirm-total">{formatYen(tr.total)}</dd>
            <dt>{t('valueDate')}</dt>
            <dd data-testid="confirm-date" data-same-day={tr.sameDay ? 'true' : 'false'}>
              {formatDay(tr.valueDate)}（{tr.sameDay ? t('sameDay') : t('scheduled')}）
            </dd>
          </dl>
          <form onSubmit={execute}>
            <fieldset>
              <legend>{t('authorisation')}</legend>
              <ProofFields auth={pending.authorisation} prefix="confirm" value={proof} onValue={setProof} />
            </fieldset>
            <div className="actions">
              <button type="submit" className="primary" data-testid="confirm-submit" disabled={busy}>
                {t('execute')}
              </button>
              <button
                type="button"
                data-testid="confirm-back"
                disabled={busy}
                onClick={() => {
                  setPending(null);
                  setError(null);
                }}
              >
                {t('backToEntry')}
              </button>
            </div>
          </form>
        </section>
        {footer}
      </>
    );
  }

  const own = accounts?.filter((x) => x.id !== fromAccountId && x.status === 'active') ?? [];
  return (
    <>
      <p className="breadcrumb">{t('breadcrumbTransfer')}</p>
      <h1>{t('enterHeading')}</h1>
      {steps}
      <ErrorBox error={loadError} />
      {!accounts && !loadError && <p className="loading">{c('loading')}</p>}
      {accounts && payees && (
        <form className="panel" onSubmit={submit} data-testid="transfer-form">
          <ErrorBox error={error} />
          {refusal && (
            <div className="refusal" data-testid="date-refusal" data-code={refusal.code}>
              {refusal.code === 'transfer.same_day_not_allowed' && (
                <>
                  <h2>{t('sameDayHeading')}</h2>
                  <p data-testid="same-day-reason" data-reason={refusal.reason ?? ''}>
                    {refusal.reason === 'token_not_active'
                      ? t('reasonTokenNotActive')
                      : t('reasonIdPassword')}
                  </p>
                </>
              )}
              {refusal.nextPossible && (
                <>
                  <p>{t('nextPossibleIntro', { date: formatDay(refusal.nextPossible) })}</p>
                  <button
                    type="button"
                    className="primary"
                    data-testid="transfer-next-date"
                    data-date={refusal.nextPossible}
                    disabled={busy}
                    onClick={() => refusal.nextPossible && bookNext(refusal.nextPossible)}
                  >
                    {t('bookNext', { date: formatDay(refusal.nextPossible) })}
                  </button>
                </>
              )}
            </div>
          )}
          <div className="field">
            <label htmlFor={fromId}>{t('from')}</label>
            <select
              id={fromId}
              data-testid="transfer-from"
              value={fromAccountId}
              onChange={(e) => changed(setFromAccountId)(e.target.value)}
            >
              {accounts.map((acc) => (
                <option key={acc.id} value={acc.id} disabled={acc.status !== 'active'}>
                  {t('accountOption', {
                    branch: acc.branchName,
                    type: accountTypeLabel(a, acc.type),
                    number: acc.number,
                    balance: formatYen(acc.balance),
                  })}
                </option>
              ))}
            </select>
          </div>
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
                  onClick={() => changed(setTab)(k)}
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
                      <p data-testid="payee-empty">
                        {tab === 'registered' ? t('noRegistered') : t('noSaved')}
                      </p>
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
                              checked={payeeId === p.id}
                              onChange={() => changed(setPayeeId)(p.id)}
                            />
                            {p.payeeNumber && <span className="mono">[{p.payeeNumber}] </span>}
                            {p.bankName} {p.branchName} {accountTypeLabel(a, p.accountType)}{' '}
                            <span className="mono">{p.accountNumber}</span>{' '}
                            <span className="kana">{p.name}</span>
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
                            checked={recentIndex === i}
                            onChange={() => changed(setRecentIndex)(i)}
                          />
                          {r.bankName} {r.branchName} {accountTypeLabel(a, r.accountType)}{' '}
                          <span className="mono">{r.accountNumber}</span>{' '}
                          <span className="kana">{r.name}</span>{' '}
                          <small className="hint">
                            {t('lastDate', { date: formatDay(r.lastValueDate) })}
                          </small>
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
                            checked={ownTo === acc.id}
                            onChange={() => changed(setOwnTo)(acc.id)}
                          />
                          {acc.branchName} {accountTypeLabel(a, acc.type)}{' '}
                          <span className="mono">{acc.number}</span>{' '}
                          <span className="kana">{acc.holderKana}</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                ))}
              {tab === 'typed' && (
                <div className="typed-payee">
                  <Field
                    label={t('bankCode')}
                    hint={t('bankCodeHint')}
                    testId="typed-bank"
                    inputMode="numeric"
                    maxLength={4}
                    required
                    value={typed.bankCode}
                    onValue={(v) => changed(setTyped)({ ...typed, bankCode: v.replace(/\D/g, '') })}
                  />
                  <Field
                    label={t('branchCode')}
                    hint={t('branchCodeHint')}
                    testId="typed-branch"
                    inputMode="numeric"
                    maxLength={3}
                    required
                    value={typed.branchCode}
                    onValue={(v) => changed(setTyped)({ ...typed, branchCode: v.replace(/\D/g, '') })}
                  />
                  <div className="field">
                    <label htmlFor={typeId}>{t('accountType')}</label>
                    <select
                      id={typeId}
                      data-testid="typed-type"
                      value={typed.accountType}
                      onChange={(e) =>
                        changed(setTyped)({ ...typed, accountType: e.target.value as AccountType })
                      }
                    >
                      {accountTypes.map((k) => (
                        <option key={k} value={k}>
                          {accountTypeLabel(a, k)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <Field
                    label={t('accountNumber')}
                    hint={t('accountNumberHint')}
                    testId="typed-number"
                    inputMode="numeric"
                    maxLength={7}
                    required
                    value={typed.accountNumber}
                    onValue={(v) => changed(setTyped)({ ...typed, accountNumber: v.replace(/\D/g, '') })}
                  />
                  <Field
                    label={t('payeeName')}
                    hint={t('payeeNameHint')}
                    testId="typed-name"
                    required
                    value={typed.name}
                    onValue={(v) => changed(setTyped)({ ...typed, name: v })}
                  />
                </div>
              )}
            </div>
          </fieldset>
          <Field
            label={t('amount')}
            hint={t('amountHint')}
            testId="transfer-amount"
            inputMode="numeric"
            required
            value={amount}
            onValue={changed(setAmount)}
          />
          <Field
            label={t('valueDate')}
            hint={t('valueDateHint')}
            testId="transfer-date"
            type="date"
            required
            min={jstToday()}
            value={valueDate}
            onValue={changed(setValueDate)}
          />
          <div className="actions">
            <button type="submit" className="primary" data-testid="transfer-submit" disabled={busy}>
              {t('next')}
            </button>
          </div>
        </form>
      )}
      {footer}
    </>
  );
}
