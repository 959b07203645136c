import type { PayeeView } from '@kinko/core/shared';
import { accountLabels, accountTypeLabel } from '../../shared/accountLabels.ts';
import { BankBranchCells } from '../../shared/BankBranchCells.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { ListTable } from '../../shared/ListTable.tsx';
import { RemoveCell } from '../../shared/RemoveConfirm.tsx';
import { savedPayeeMessages } from './messages.ts';

/** How a row is named for the tests: the account, which the person typed (ids are the server's). */
const rowKey = (p: PayeeView) => `${p.bankCode}-${p.branchCode}-${p.accountNumber}`;

/** 科目・口座番号 as a cell shows it: 「普通 1234567」. */
export function usePayeeAccount(): (p: PayeeView) => string {
  const a = useT(accountLabels);
  return (p) => `${accountTypeLabel(a, p.accountType)} ${p.accountNumber}`;
}

/** 登録振込先: the user's own list, each row with its 削除 (which only asks). */
export function SavedPayeeTable({
  list,
  busy,
  onRemove,
}: {
  list: PayeeView[];
  busy: boolean;
  onRemove: (payee: PayeeView) => void;
}) {
  const t = useT(savedPayeeMessages);
  const c = useT(common);
  const account = usePayeeAccount();
  return (
    <ListTable
      items={list}
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
            onRemove={() => onRemove(p)}
          />
        </tr>
      )}
    />
  );
}

/** 事前登録振込先: registered by the bank from the customer's written form, read-only here. */
export function RegisteredPayees({ list }: { list: PayeeView[] }) {
  const t = useT(savedPayeeMessages);
  const c = useT(common);
  const account = usePayeeAccount();
  return (
    <section className="panel" aria-labelledby="registered-heading" data-testid="registered-payees">
      <h2 id="registered-heading">
        {t('registeredHeading')} <span className="badge">{t('registeredBadge')}</span>
      </h2>
      <p className="hint block" data-testid="registered-payees-note">
        {t('registeredNote')}
      </p>
      <ListTable
        items={list}
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
  );
}
