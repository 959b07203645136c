import { Fragment, type ReactNode } from 'react';
import { StackedTable } from './StackedTable.tsx';

/** A column heading; `num` right-aligns an amount column. */
export type Heading = string | { label: string; num: true };

/**
 * A list as a table, or a line saying there is nothing: each screen names its columns and renders
 * its rows (the keys are the items' ids); test ids are `<testIdPrefix>-table` and
 * `<testIdPrefix>-empty`.
 */
export function ListTable<T extends { id: string }>({
  items,
  testIdPrefix,
  empty,
  headings,
  row,
}: {
  items: readonly T[];
  testIdPrefix: string;
  empty: string;
  headings: readonly Heading[];
  row: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <p data-testid={`${testIdPrefix}-empty`}>{empty}</p>;
  return (
    <div className="table-wrap">
      <StackedTable data-testid={`${testIdPrefix}-table`}>
        <thead>
          <tr>
            {headings.map((h) =>
              typeof h === 'string' ? (
                <th key={h} scope="col">
                  {h}
                </th>
              ) : (
                <th key={h.label} scope="col" className="num">
                  {h.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Fragment key={item.id}>{row(item)}</Fragment>
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}
