import { Fragment, type ReactNode } from 'react';
import type { PayeeView } from '../../../core/src/transfers/views.ts';

/**
 * A list of payees (M8) as a table, or a line saying there are none: the customer's 登録振込先
 * and 事前登録 lists and the back office's 事前登録振込先. Each screen names its columns and
 * renders its rows; test ids are `<testIdPrefix>-table` and `<testIdPrefix>-empty`.
 */
export function PayeeTable({
  payees,
  testIdPrefix,
  empty,
  headings,
  row,
}: {
  payees: readonly PayeeView[];
  testIdPrefix: string;
  empty: string;
  headings: readonly string[];
  row: (payee: PayeeView) => ReactNode;
}) {
  if (payees.length === 0) return <p data-testid={`${testIdPrefix}-empty`}>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="grid" data-testid={`${testIdPrefix}-table`}>
        <thead>
          <tr>
            {headings.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {payees.map((p) => (
            <Fragment key={p.id}>{row(p)}</Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 金融機関 and 支店 of a payee's row: each name with its code. */
export function BankBranchCells({ payee }: { payee: PayeeView }) {
  return (
    <>
      <td>
        {payee.bankName} <span className="mono">({payee.bankCode})</span>
      </td>
      <td>
        {payee.branchName} <span className="mono">({payee.branchCode})</span>
      </td>
    </>
  );
}
