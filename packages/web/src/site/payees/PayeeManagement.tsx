import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { newIdempotencyKey } from '../../shared/api.ts';
import { BankBranchCells } from '../../shared/BankBranchCells.tsx';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { ListTable } from '../../shared/ListTable.tsx';
import { Notice } from '../../shared/Notice.tsx';
import { emptyPayeeAccount, type PayeeAccount } from '../../shared/PayeeAccountFields.tsx';
import { RemoveCell, RemoveConfirm } from '../../shared/RemoveConfirm.tsx';
import { useAction } from '../../shared/useAction.ts';
import { type PayeeList, type PayeeView, transferApi } from '../transfers/api.ts';
import { transferMessages } from '../transfers/messages.ts';
import { payeeApi } from './api.ts';
import { savedPayeeMessages } from './messages.ts';
import { TypedPayeeFields } from './TypedPayeeFields.tsx';

/** How a row is named for the tests: the account, which the person typed (ids are the server's). */
const rowKey = (p: PayeeView) => `${p.bankCode}-${p.branchCode}-${p.accountNumber}`;

/**
 * 振込先の管理 (#/payees, M8): the user's own list (登録振込先), added to with typed fields and
 * removed with an in-page confirmation; and the 事前登録 payees, read-only — the bank registers
 * and changes them from the customer's written form (DOMAIN §1.8). One Idempotency-Key per
 * addition, reused while the same addition is retried (M3).
 */
export function PayeeManagement({ go }: { go: (route: string) => void }) {
  const t = useT(savedPayeeMessages);
  const tr = useT(transferMessages);
  const a = useT(accountLabels);
  const c = useT(common);
  const [list, setList] = useState<PayeeList | null>(null);
  const [form, setForm] = useState<PayeeAccount & { nickname: string }>({
    ...emptyPayeeAccount,
    nickname: '',
  });
  const [removing, setRemoving] = useState<PayeeView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const key = useRef<string | null>(null);
  const { busy, error, setError, run } = useAction();

  const load = useCallback(async () => {
    try {
      setList(await transferApi.payees());
    } catch (e) {
      setError(e);
    }
  }, [setError]);

  useEffect(() => {
    void load();
  }, [load]);

  const account = (p: PayeeView) => `${accountTypeLabel(a, p.accountType)} ${p.accountNumber}`;

  async function add(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    key.current ??= newIdempotencyKey();
    const k = key.current;
    const saved = await run(() =>
      payeeApi.save({ ...form, name: form.name.trim(), nickname: form.nickname.trim() || null }, k),
    );
    if (saved) {
      key.current = null;
      setForm({ ...emptyPayeeAccount, nickname: '' });
      await load();
      setNotice(t('saved', { name: saved.name }));
    }
  }

  async function remove() {
    if (!removing) return;
    const target = removing;
    setNotice(null);
    const ok = await run(async () => {
      await payeeApi.remove(target.id);
      return true;
    });
    if (ok) {
      setRemoving(null);
      await load();
      setNotice(t('removed', { name: target.name }));
    }
  }

  return (
    <>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <ErrorBox error={error} />
      <Notice text={notice} />
      {!list && !error && <p className="loading">{c('loading')}</p>}
      {list && (
        <>
          <section className="panel" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{t('savedHeading')}</h2>
            <ListTable
              items={list.saved}
              testIdPrefix="saved-payees"
              empty={t('savedEmpty')}
              headings={[t('name'), t('bank'), t('branch'), t('account'), t('nickname'), t('operations')]}
              row={(p) => (
                <tr data-testid={`saved-payee-row-${rowKey(p)}`}>
                  <th scope="row" className="kana">
                    {p.name}
                  </th>
                  <BankBranchCells payee={p} />
                  <td className="mono">{account(p)}</td>
                  <td>{p.nickname ?? c('none')}</td>
                  <RemoveCell
                    testId={`saved-payee-remove-${rowKey(p)}`}
                    label={t('remove')}
                    busy={busy}
                    onRemove={() => setRemoving(p)}
                  />
                </tr>
              )}
            />
            {removing && (
              <RemoveConfirm
                testIdPrefix="saved-payee-remove"
                text={t('removeConfirm', {
                  name: removing.name,
                  bank: removing.bankName,
                  branch: removing.branchName,
                  account: account(removing),
                })}
                yesLabel={t('removeYes')}
                busy={busy}
                onConfirm={() => void remove()}
                onCancel={() => setRemoving(null)}
              />
            )}
          </section>

          <form className="panel" onSubmit={add} data-testid="add-payee-form">
            <h2>{t('addHeading')}</h2>
            <TypedPayeeFields
              typed={form}
              onTyped={(v) => {
                key.current = null; // a changed form is a new addition
                setForm({ ...form, ...v });
              }}
              testIdPrefix="add-payee"
            />
            <Field
              label={t('nickname')}
              hint={t('nicknameHint')}
              testId="add-payee-nickname"
              maxLength={40}
              value={form.nickname}
              onValue={(v) => {
                key.current = null;
                setForm({ ...form, nickname: v });
              }}
            />
            <div className="actions">
              <button type="submit" className="primary" data-testid="add-payee-submit" disabled={busy}>
                {t('addSubmit')}
              </button>
            </div>
          </form>

          <section className="panel" aria-labelledby="registered-heading" data-testid="registered-payees">
            <h2 id="registered-heading">
              {t('registeredHeading')} <span className="badge">{t('registeredBadge')}</span>
            </h2>
            <p className="hint block" data-testid="registered-payees-note">
              {t('registeredNote')}
            </p>
            <ListTable
              items={list.registered}
              testIdPrefix="registered-payees"
              empty={t('registeredEmpty')}
              headings={[t('payeeNumber'), t('name'), t('bank'), t('branch'), t('account'), t('nickname')]}
              row={(p) => (
                <tr data-testid={`registered-payee-row-${p.payeeNumber ?? p.id}`}>
                  <th scope="row" className="mono">
                    {p.payeeNumber}
                  </th>
                  <td className="kana">{p.name}</td>
                  <BankBranchCells payee={p} />
                  <td className="mono">{account(p)}</td>
                  <td>{p.nickname ?? c('none')}</td>
                </tr>
              )}
            />
          </section>
        </>
      )}
      <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
        {tr('backHome')}
      </button>
    </>
  );
}
