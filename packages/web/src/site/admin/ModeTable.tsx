import { useT } from '../../shared/i18n.ts';
import { StackedTable } from '../../shared/StackedTable.tsx';
import { adminMessages } from './messages.ts';

/** ◎利用形態の内容, as in the bank's notice. */
export function ModeTable() {
  const t = useT(adminMessages);
  return (
    <section aria-labelledby="mode-table-heading">
      <h3 id="mode-table-heading">{t('modeTableHeading')}</h3>
      <StackedTable>
        <thead>
          <tr>
            <th scope="col">{t('modeItem')}</th>
            <th scope="col">{t('modeDescription')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('modeIndividual')}</th>
            <td>{t('modeIndividualDescription')}</td>
          </tr>
          <tr>
            <th scope="row">{t('modeShared')}</th>
            <td>{t('modeSharedDescription')}</td>
          </tr>
        </tbody>
      </StackedTable>
      <p className="note">{t('modeNote')}</p>
    </section>
  );
}
