import type { PayeeView } from '@kinko/core/shared';
import { useState } from 'react';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { RemoveConfirm } from '../../shared/RemoveConfirm.tsx';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { AddPayeeForm } from './AddPayeeForm.tsx';
import { payeeApi } from './api.ts';
import { savedPayeeMessages } from './messages.ts';
import { RegisteredPayees, SavedPayeeTable, usePayeeAccount } from './payeeRows.tsx';

/**
 * 振込先の管理 (#/payees, M8): the user's own list (登録振込先), added to with typed fields and
 * removed with an in-page confirmation; and the 事前登録 payees, read-only — the bank registers
 * and changes them from the customer's written form (DOMAIN §1.8).
 */
export function PayeeManagement({ go }: { go: (route: string) => void }) {
  const t = useT(savedPayeeMessages);
  const c = useT(common);
  const account = usePayeeAccount();
  const payees = useLoad(payeeApi.list);
  const [removing, setRemoving] = useState<PayeeView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const problem = error ?? payees.error;
  const list = payees.data;

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
      await payees.reload();
      setNotice(t('removed', { name: target.name }));
    }
  }

  return (
    <>
      <h1>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <ErrorBox error={problem} />
      <Notice text={notice} />
      {!list && !problem && <p className="loading">{c('loading')}</p>}
      {list && (
        <>
          <section className="panel" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{t('savedHeading')}</h2>
            <SavedPayeeTable list={list.saved} busy={busy} onRemove={setRemoving} />
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
          <AddPayeeForm
            busy={busy}
            run={run}
            onStart={() => setNotice(null)}
            onSaved={async (saved) => {
              await payees.reload();
              setNotice(t('saved', { name: saved.name }));
            }}
          />
          <RegisteredPayees list={list.registered} />
        </>
      )}
      <button type="button" className="link" data-testid="back-home" onClick={() => go('')}>
        {t('backHome')}
      </button>
    </>
  );
}
