/** キャンセル under a form: leaves it without sending. */
export interface CancelAction {
  testId: string;
  label: string;
  onCancel: () => void;
}

/**
 * The buttons under a form: the primary submit, disabled while the action runs (`busy`), and
 * キャンセル when the form can be left.
 */
export function FormActions({
  busy,
  submitTestId,
  submitLabel,
  cancel,
}: {
  busy: boolean;
  submitTestId: string;
  submitLabel: string;
  cancel?: CancelAction;
}) {
  return (
    <div className="actions">
      <button type="submit" className="primary" data-testid={submitTestId} disabled={busy}>
        {submitLabel}
      </button>
      {cancel && (
        <button type="button" className="secondary" data-testid={cancel.testId} onClick={cancel.onCancel}>
          {cancel.label}
        </button>
      )}
    </div>
  );
}
