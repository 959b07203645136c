import { Field } from './Field.tsx';
import { common, useT } from './i18n.ts';

/** ご契約先確認暗証番号: asked by every administrative change (R2, A2). */
export function PinField({
  testId,
  value,
  onValue,
}: {
  testId: string;
  value: string;
  onValue: (v: string) => void;
}) {
  const t = useT(common);
  return (
    <Field
      label={t('contractPin')}
      testId={testId}
      type="password"
      autoComplete="off"
      required
      value={value}
      fold="code"
      onValue={onValue}
    />
  );
}
