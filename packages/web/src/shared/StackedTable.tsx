import { type TableHTMLAttributes, useLayoutEffect, useRef } from 'react';

/**
 * Gives every body cell the heading of its column as data-label, so that on a phone (base.css,
 * max-width 600px) each row shows as a card of "label value" lines. A cell spanning several
 * columns (a detail row) gets no label.
 */
function labelCells(table: HTMLTableElement): void {
  const head = table.tHead?.rows[0];
  if (!head) return;
  const labels: string[] = [];
  for (const th of Array.from(head.cells)) {
    for (let i = 0; i < th.colSpan; i++) labels.push(th.textContent?.trim() ?? '');
  }
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const label = cell.colSpan > 1 ? '' : (labels[column] ?? '');
        if (label) {
          if (cell.dataset.label !== label) cell.dataset.label = label;
        } else if (cell.dataset.label !== undefined) delete cell.dataset.label;
        column += cell.colSpan;
      }
    }
  }
}

/**
 * A data table that stays readable at 390 px (issue 9.9): a table on a wide screen, one card
 * per row on a phone, never clipped. The labels follow the headings on every render and on any
 * change of the rows (a row's own state may add cells), and in the language shown.
 */
export function StackedTable({ className, children, ...rest }: TableHTMLAttributes<HTMLTableElement>) {
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    if (ref.current) labelCells(ref.current);
  });
  useLayoutEffect(() => {
    const table = ref.current;
    if (!table) return;
    const observer = new MutationObserver(() => labelCells(table));
    observer.observe(table, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  return (
    <table ref={ref} className={['grid', 'stack', className].filter(Boolean).join(' ')} {...rest}>
      {children}
    </table>
  );
}
