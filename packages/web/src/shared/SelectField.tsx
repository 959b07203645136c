import { type SelectHTMLAttributes, useId } from 'react';

interface SelectOption<V extends string> {
  value: V;
  label: string;
}

interface SelectFieldProps<V extends string>
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: string;
  testId: string;
  value: V;
  onValue: (value: V) => void;
  options: readonly SelectOption<V>[];
}

/** A labelled select, the counterpart of Field: the label is a real <label> tied to the select. */
export function SelectField<V extends string>({
  label,
  testId,
  value,
  onValue,
  options,
  ...rest
}: SelectFieldProps<V>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {/* The options are exactly `options`, so the value read back is one of V. */}
      <select
        id={id}
        data-testid={testId}
        {...rest}
        value={value}
        onChange={(e) => onValue(e.target.value as V)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
