import type { ReactNode } from 'react';

/**
 * What an act of opening produced (口座開設, 契約開設): the done message, the new number large
 * enough to read out over the phone, then whatever the screen adds (facts, a link).
 */
export function ResultNotice({
  testId,
  text,
  numberTestId,
  number,
  children,
}: {
  testId: string;
  text: string;
  numberTestId: string;
  number: string;
  children?: ReactNode;
}) {
  return (
    <section className="notice" role="status" data-testid={testId}>
      {text}{' '}
      <strong className="mono big" data-testid={numberTestId}>
        {number}
      </strong>
      {children}
    </section>
  );
}
