import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ApiError, clientError, newIdempotencyKey } from '../../shared/api.ts';
import { jstToday, parseYen } from '../../shared/format.ts';
import type { AccountType, AccountView } from '../../shared/types.ts';
import { useAction } from '../../shared/useAction.ts';
import { emptyProof, type ProofInput, proofOf } from '../common/ProofFields.tsx';
import { accountsApi } from '../inquiry/api.ts';
import {
  type PayeeList,
  type PendingTransfer,
  type TransferInput,
  type TransferReceipt,
  transferApi,
} from './api.ts';

export type Tab = 'registered' | 'saved' | 'recent' | 'typed' | 'own';

export interface Typed {
  bankCode: string;
  branchCode: string;
  accountType: AccountType;
  accountNumber: string;
  name: string;
}

/** A refusal of the date that names the date possible instead (M4, M6). */
export interface DateRefusal {
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
 * The state of the 振込・振替 screen: 入力 → 確認 → 完了. Each submission has its
 * Idempotency-Key, kept while the same submission is retried and renewed when anything
 * changes (M3).
 */
export function useTransferFlow() {
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

  /** 確認 → 入力: back to the form as it was left. */
  function backToEntry() {
    setPending(null);
    setError(null);
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

  return {
    accounts,
    payees,
    loadError,
    fromAccountId,
    setFromAccountId,
    tab,
    setTab,
    payeeId,
    setPayeeId,
    recentIndex,
    setRecentIndex,
    ownTo,
    setOwnTo,
    typed,
    setTyped,
    amount,
    setAmount,
    valueDate,
    setValueDate,
    refusal,
    pending,
    proof,
    setProof,
    receipt,
    busy,
    error,
    typeId,
    fromId,
    changed,
    submit,
    bookNext,
    execute,
    backToEntry,
    again,
  };
}

export type TransferFlow = ReturnType<typeof useTransferFlow>;
