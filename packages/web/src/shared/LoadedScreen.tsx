import type { ReactNode } from 'react';
import { ErrorBox } from './ErrorBox.tsx';
import { common, useT } from './i18n.ts';
import { Notice } from './Notice.tsx';

/**
 * A screen of its own around what it loads: the heading and intro, the screen's one ErrorBox and
 * Notice, 読み込み中 until `data` arrives (nothing in its place after an error), then `children`
 * with the data, and the button back to the top page.
 */
export function LoadedScreen<T>({
  testId,
  headingId,
  heading,
  intro,
  error,
  notice,
  data,
  backLabel,
  onBack,
  children,
}: {
  testId: string;
  headingId: string;
  heading: string;
  intro: string;
  error: unknown;
  notice: string | null;
  data: T | null;
  backLabel: string;
  onBack: () => void;
  children: (data: T) => ReactNode;
}) {
  const c = useT(common);
  return (
    <section className="panel" data-testid={testId} aria-labelledby={headingId}>
      <h1 id={headingId}>{heading}</h1>
      <p>{intro}</p>
      <ErrorBox error={error} />
      <Notice text={notice} />
      {data === null ? !error && <p className="loading">{c('loading')}</p> : children(data)}
      <div className="actions">
        <button type="button" data-testid="back-home" onClick={onBack}>
          {backLabel}
        </button>
      </div>
    </section>
  );
}
