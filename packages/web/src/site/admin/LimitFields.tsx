import type { LayerLimits, ProposedLimits } from '@kinko/core/shared';
import { Field } from '../../shared/Field.tsx';
import { formatYen } from '../../shared/format.ts';
import { useT } from '../../shared/i18n.ts';
import { settingsMessages } from './settingsMessages.ts';

export interface LimitInput {
  perTransfer: string;
  perDay: string;
  sameDay: string;
}

export function limitInputOf(l: LayerLimits | null): LimitInput {
  return {
    perTransfer: l ? String(l.perTransfer) : '',
    perDay: l ? String(l.perDay) : '',
    sameDay: l?.sameDayUnregisteredPerDay == null ? '' : String(l.sameDayUnregisteredPerDay),
  };
}

const num = (s: string) => Number(s.replace(/[,\s¥]/g, ''));

/** What was typed, as the server takes it; core checks the amounts (limits.invalid …). */
export function limitsOf(input: LimitInput): ProposedLimits {
  return {
    perTransfer: num(input.perTransfer),
    perDay: num(input.perDay),
    sameDayUnregisteredPerDay: input.sameDay.trim() === '' ? null : num(input.sameDay),
  };
}

/** The three amounts of a limit layer (M5). Test ids `<prefix>-per-transfer`, `-per-day`, `-same-day`. */
export function LimitFields({
  prefix,
  value,
  onValue,
}: {
  prefix: string;
  value: LimitInput;
  onValue: (v: LimitInput) => void;
}) {
  const t = useT(settingsMessages);
  return (
    <>
      <Field
        label={t('perTransfer')}
        testId={`${prefix}-per-transfer`}
        inputMode="numeric"
        fold="amount"
        required
        value={value.perTransfer}
        onValue={(v) => onValue({ ...value, perTransfer: v })}
      />
      <Field
        label={t('perDay')}
        testId={`${prefix}-per-day`}
        inputMode="numeric"
        fold="amount"
        required
        value={value.perDay}
        onValue={(v) => onValue({ ...value, perDay: v })}
      />
      <Field
        label={t('sameDayUnregistered')}
        hint={t('sameDayUnregisteredHint')}
        testId={`${prefix}-same-day`}
        inputMode="numeric"
        fold="amount"
        value={value.sameDay}
        onValue={(v) => onValue({ ...value, sameDay: v })}
      />
    </>
  );
}

/** A limit layer shown read-only; test ids `<prefix>-per-transfer` … */
export function LimitFacts({ prefix, limits }: { prefix: string; limits: LayerLimits | null }) {
  const t = useT(settingsMessages);
  if (!limits) return <span data-testid={`${prefix}-none`}>{t('notSet')}</span>;
  return (
    <dl className="facts">
      <dt>{t('perTransfer')}</dt>
      <dd data-testid={`${prefix}-per-transfer`}>{formatYen(limits.perTransfer)}</dd>
      <dt>{t('perDay')}</dt>
      <dd data-testid={`${prefix}-per-day`}>{formatYen(limits.perDay)}</dd>
      <dt>{t('sameDayUnregistered')}</dt>
      <dd data-testid={`${prefix}-same-day`}>
        {limits.sameDayUnregisteredPerDay === null
          ? t('notSet')
          : formatYen(limits.sameDayUnregisteredPerDay)}
      </dd>
    </dl>
  );
}
