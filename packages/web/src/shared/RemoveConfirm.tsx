import { common, useT } from './i18n.ts';

/** The 削除 button of a table row; it only asks (RemoveConfirm), it removes nothing itself. */
export function RemoveCell({
  testId,
  label,
  busy,
  onRemove,
}: {
  testId: string;
  label: string;
  busy: boolean;
  onRemove: () => void;
}) {
  return (
    <td>
      <button type="button" className="small danger" data-testid={testId} disabled={busy} onClick={onRemove}>
        {label}
      </button>
    </td>
  );
}

/**
 * A removal asked in the page before it is done: what is removed (`text`), the danger button
 * that removes it, disabled while the action runs, and キャンセル. Test ids are
 * `<testIdPrefix>-panel`, `-confirm` and `-cancel`.
 */
export function RemoveConfirm({
  testIdPrefix,
  text,
  yesLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  testIdPrefix: string;
  text: string;
  yesLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const c = useT(common);
  return (
    <div className="panel" data-testid={`${testIdPrefix}-panel`}>
      <p>{text}</p>
      <div className="actions">
        <button
          type="button"
          className="danger"
          data-testid={`${testIdPrefix}-confirm`}
          disabled={busy}
          onClick={onConfirm}
        >
          {yesLabel}
        </button>
        <button type="button" data-testid={`${testIdPrefix}-cancel`} onClick={onCancel}>
          {c('cancel')}
        </button>
      </div>
    </div>
  );
}
