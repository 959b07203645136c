import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../shared/accountLabels.ts';
import { newIdempotencyKey } from '../shared/api.ts';
import { BankBranchCells } from '../shared/BankBranchCells.tsx';
import { ErrorBox } from '../shared/ErrorBox.tsx';
import { Field } from '../shared/Field.tsx';
import { common, useT } from '../shared/i18n.ts';
import { ListTable } from '../shared/ListTable.tsx';
import { Notice } from '../shared/Notice.tsx';
import { emptyPayeeAccount, type PayeeAccount, PayeeAccountFields } from '../shared/PayeeAccountFields.tsx';
import { RemoveCell, RemoveConfirm } from '../shared/RemoveConfirm.tsx';
import { useAction } from '../shared/useAction.ts';
import { bankApi, type PayeeView } from './bankApi.ts';
import { payeeMessages } from './payeeMessages.ts';

type Form = PayeeAccount & { nickname: string };

const emptyForm: Form = { ...emptyPayeeAccount, nickname: '' };

/**
 * 事前登録振込先 (M8, B1), #/payees or #/payees/<contract number>: the operator registers the
 * payees of the customer's written form, lists them and removes them. One Idempotency-Key per
 * registration, reused when the same registration is retried (M3).
 */
export function WrittenPayees({
  contractNumber: initial,
  go,
}: {
  contractNumber: string;
  go: (r: string) => void;
}) {
  const t = useT(payeeMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const [contractInput, setContractInput] = useState(initial);
  const [list, setList] = useState<PayeeView[] | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [notice, setNotice] = useState<string | null>(null);
  const [registered, setRegistered] = useState<PayeeView | null>(null);
  const [removing, setRemoving] = useState<PayeeView | null>(null);
  const key = useRef<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = useCallback(async () => {
    if (!initial) return;
    try {
      setList(await bankApi.payees(initial));
    } catch (e) {
      setList(null);
      setError(e);
    }
  }, [initial, setError]);

  useEffect(() => {
    void load();
  }, [load]);

  function edit(next: Form) {
    key.current = null; // a changed form is a new registration
    setForm(next);
  }

  function show(e: FormEvent) {
    e.preventDefault();
    go(`payees/${contractInput.trim()}`);
  }

  async function register(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setRegistered(null);
    if (!key.current) key.current = newIdempotencyKey();
    const k = key.current;
    const payee = await run(() =>
      bankApi.registerPayee(
        initial,
        {
          bankCode: form.bankCode.trim(),
          branchCode: form.branchCode.trim(),
          accountType: form.accountType,
          accountNumber: form.accountNumber.trim(),
          name: form.name.trim(),
          nickname: form.nickname.trim() || null,
        },
        k,
      ),
    );
    if (payee) {
      key.current = null;
      setForm(emptyForm);
      await load();
      setRegistered(payee);
      setNotice(t('registered', { number: payee.payeeNumber ?? '' }));
    }
  }

  async function remove() {
    if (!removing) return;
    const target = removing;
    const ok = await run(async () => {
      await bankApi.removePayee(initial, target.id);
      return true;
    });
    if (ok) {
      setRemoving(null);
      setRegistered(null);
      await load();
      setNotice(t('removed', { number: target.payeeNumber ?? '' }));
    }
  }

  return (
    <>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <form className="panel toolbar" onSubmit={show}>
        <Field
          label={t('contractNumber')}
          hint={t('contractHint')}
          testId="payees-contract"
          inputMode="numeric"
          autoComplete="off"
          required
          value={contractInput}
          fold="digits"
          onValue={setContractInput}
        />
        <button type="submit" data-testid="payees-load">
          {t('show')}
        </button>
      </form>
      <ErrorBox error={error} />
      <Notice text={notice} />
      {registered && (
        <p className="hint" data-testid="payee-result">
          {t('payeeNumber')}: <strong data-testid="registered-payee-number">{registered.payeeNumber}</strong>{' '}
          / {registered.bankName} {registered.branchName} /{' '}
          <span data-testid="registered-payee-name">{registered.name}</span>
        </p>
      )}
      {initial && !list && !error && <p className="loading">{c('loading')}</p>}
      {initial && list && (
        <>
          <h2>
            {t('listHeading')} <span className="mono">{initial}</span>
          </h2>
          <ListTable
            items={list}
            testIdPrefix="payees"
            empty={t('empty')}
            headings={[
              t('payeeNumber'),
              t('bank'),
              t('branch'),
              t('accountType'),
              t('accountNumber'),
              t('name'),
              t('nickname'),
              t('operations'),
            ]}
            row={(p) => (
              <tr data-testid={`payee-row-${p.payeeNumber ?? p.id}`}>
                <th scope="row" className="mono">
                  {p.payeeNumber}
                </th>
                <BankBranchCells payee={p} />
                <td>{accountTypeLabel(a, p.accountType)}</td>
                <td className="mono">{p.accountNumber}</td>
                <td className="kana">{p.name}</td>
                <td>{p.nickname ?? '-'}</td>
                <RemoveCell
                  testId={`payee-remove-${p.payeeNumber ?? p.id}`}
                  label={t('remove')}
                  busy={busy}
                  onRemove={() => setRemoving(p)}
                />
              </tr>
            )}
          />
          {removing && (
            <RemoveConfirm
              testIdPrefix="payee-remove"
              text={t('removeConfirm', { number: removing.payeeNumber ?? '' })}
              yesLabel={t('removeYes')}
              busy={busy}
              onConfirm={() => void remove()}
              onCancel={() => setRemoving(null)}
            />
          )}
          <form className="panel" onSubmit={register} data-testid="payee-form">
            <h2>{t('formHeading')}</h2>
            <PayeeAccountFields value={form} onChange={(v) => edit({ ...form, ...v })} testIdPrefix="payee" />
            <Field
              label={t('nickname')}
              hint={t('nicknameHint')}
              testId="payee-nickname"
              maxLength={40}
              value={form.nickname}
              onValue={(v) => edit({ ...form, nickname: v })}
            />
            <div className="actions">
              <button type="submit" className="primary" data-testid="payee-submit" disabled={busy}>
                {t('submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
