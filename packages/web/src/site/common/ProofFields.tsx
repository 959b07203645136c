import type { StepUpProof, TransferAuthorisation } from '@kinko/core/shared';
import { Field } from '../../shared/Field.tsx';
import { useT } from '../../shared/i18n.ts';
import { proofMessages } from './messages.ts';

export interface ProofInput {
  otp: string;
  confirmPin: string;
  cardValue: string;
}

export const emptyProof: ProofInput = { otp: '', confirmPin: '', cardValue: '' };

/** The proof the server asked for, from what the user typed (M2, R4). */
export function proofOf(auth: TransferAuthorisation, input: ProofInput): StepUpProof {
  return auth.method === 'otp'
    ? { otp: input.otp }
    : { confirmPin: input.confirmPin, cardPosition: auth.cardPosition, cardValue: input.cardValue };
}

/**
 * The authorisation of a transfer or a cancellation: 「ワンタイムパスワード」 when the user's
 * token is active, else 利用者確認暗証番号 and the asked position of the ア～ク card. Test ids are
 * `<prefix>-otp`, or `<prefix>-pin`, `<prefix>-card` and `<prefix>-position`.
 */
export function ProofFields({
  auth,
  prefix,
  value,
  onValue,
}: {
  auth: TransferAuthorisation;
  prefix: string;
  value: ProofInput;
  onValue: (v: ProofInput) => void;
}) {
  const t = useT(proofMessages);
  if (auth.method === 'otp') {
    return (
      <Field
        label={t('otp')}
        hint={t('otpHint')}
        testId={`${prefix}-otp`}
        className="otp-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        required
        value={value.otp}
        fold="digits"
        onValue={(v) => onValue({ ...value, otp: v })}
      />
    );
  }
  return (
    <>
      <Field
        label={t('confirmPin')}
        testId={`${prefix}-pin`}
        type="password"
        autoComplete="off"
        required
        value={value.confirmPin}
        fold="code"
        onValue={(v) => onValue({ ...value, confirmPin: v })}
      />
      <Field
        label={t('card', { position: auth.cardPosition })}
        hint={t('cardHint')}
        testId={`${prefix}-card`}
        data-position={auth.cardPosition}
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        required
        value={value.cardValue}
        fold="digits"
        onValue={(v) => onValue({ ...value, cardValue: v })}
      />
      <p className="hint">
        <strong data-testid={`${prefix}-position`}>{auth.cardPosition}</strong>
      </p>
    </>
  );
}
