import type { PayeeAccountInput, PendingTransfer, TransferReceipt } from '@kinko/core/shared';
import { type FormEvent, useId, useRef, useState } from 'react';
import { clientError, newIdempotencyKey } from '../../shared/api.ts';
import { jstToday, parseYen } from '../../shared/format.ts';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { emptyProof, type ProofInput, proofOf } from '../common/ProofFields.tsx';
import { accountsApi } from '../inquiry/api.ts';
import { payeeApi } from '../payees/api.ts';
import { transferApi } from './api.ts';
import { type DateRefusal, dateRefusalOf, destinationOf, type Tab } from './entry.ts';

/**
 * The state of the 振込・振替 screen: 入力 → 確認 → 完了. Each submission has its
 * Idempotency-Key, kept while the same submission is retried and renewed when anything
 * changes (M3).
 */
export function useTransferFlow() {
  // 入力
  const [fromAccountId, setFromAccountId] = useState('');
  const [tab, setTab] = useState<Tab>('registered');
  const [payeeId, setPayeeId] = useState('');
  const [recentIndex, setRecentIndex] = useState(-1);
  const [ownTo, setOwnTo] = useState('');
  const [typed, setTyped] = useState<PayeeAccountInput>({
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

  const loaded = useLoad(async () => {
    const [accounts, payees] = await Promise.all([accountsApi.list(), payeeApi.list()]);
    const first = accounts.find((x) => x.status === 'active') ?? accounts[0];
    setFromAccountId((cur) => cur || first?.id || '');
    if (payees.registered.length === 0) setTab((cur) => (cur === 'registered' ? 'typed' : cur));
    return { accounts, payees };
  });
  const accounts = loaded.data?.accounts ?? null;
  const payees = loaded.data?.payees ?? null;

  /** Anything the user changes makes a new submission: a new Idempotency-Key. */
  function changed<T>(set: (v: T) => void): (v: T) => void {
    return (v: T) => {
      enterKey.current = null;
      setRefusal(null);
      set(v);
    };
  }

  async function enter(date: string, freshKey: boolean) {
    const to = destinationOf(tab, { payeeId, recent: payees?.recent[recentIndex], ownTo, typed });
    const yen = parseYen(amount);
    if (!to) {
      setError(clientError('transfer.payee_required'));
      return;
    }
    if (yen === null || yen < 1) {
      setError(clientError('amount.invalid', amount.trim() === '' ? {} : { given: amount }));
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
    void loaded.reload();
  }

  return {
    accounts,
    payees,
    loadError: loaded.error,
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
