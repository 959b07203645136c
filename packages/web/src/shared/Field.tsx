import { type InputHTMLAttributes, useId, useRef } from 'react';
import { type Fold, foldTyped } from './typed.ts';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  testId: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string;
  /** How the typed text is read (typed.ts): full-width digits and dashes become half-width. */
  fold?: Fold;
}

/**
 * A labelled text input; the label is a real <label>, the hint is tied by aria-describedby.
 * With `fold`, the value is folded on every input outside an IME composition and once more
 * when the composition ends (compositionend), never mid-composition, which would break the
 * IME's candidate window.
 */
export function Field({ label, testId, value, onValue, hint, fold, maxLength, ...rest }: FieldProps) {
  const id = useId();
  // The browser cuts at maxLength before the value is folded: １２３－４５６７ (8 characters) would
  // lose its last digit. A folded field leaves room for separators and lets the check name a
  // wrong length (issue 9.7) rather than dropping what was typed.
  const inputMaxLength = fold && maxLength !== undefined ? maxLength + 8 : maxLength;
  const composing = useRef(false);
  const read = (v: string) => (fold ? foldTyped(fold, v) : v);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-testid={testId}
        value={value}
        onChange={(e) => {
          const native = e.nativeEvent as InputEvent;
          onValue(composing.current || native.isComposing ? e.target.value : read(e.target.value));
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          onValue(read(e.currentTarget.value));
        }}
        aria-describedby={hint ? `${id}-hint` : undefined}
        maxLength={inputMaxLength}
        {...rest}
      />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}
