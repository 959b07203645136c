import type { TransferAuthorisation } from '@kinko/core/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import { useAction } from '../../shared/useAction.ts';
import { useLoad } from '../../shared/useLoad.ts';
import { siteMessages } from '../messages.ts';
import { stepUpApi } from './stepUpApi.ts';

/**
 * ワンタイムパスワード認証: the step-up every transaction calls (M2, R4). With an active token it
 * asks the OTP; before that, 利用者確認暗証番号 and one position of the ア～ク card.
 */
export function StepUp({ onChanged }: { onChanged: () => void }) {
  const t = useT(siteMessages);
  const c = useT(common);
  const [otp, setOtp] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [cardValue, setCardValue] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const asked = useLoad(stepUpApi.challenge);
  // The OTP until the server has said otherwise.
  const challenge: TransferAuthorisation = asked.data ?? { method: 'otp' };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const body =
      challenge.method === 'legacy'
        ? { confirmPin, cardPosition: challenge.cardPosition, cardValue }
        : { otp };
    const result = await run(async () => {
      try {
        return await stepUpApi.prove(body);
      } catch (e) {
        // A2: the user is now 利用中止 (or the token state changed): show it on the home screen.
        if (
          e instanceof ApiError &&
          (e.code === 'otp.user_suspended' || e.code === 'card.replaced_by_token')
        ) {
          onChanged();
        }
        throw e;
      }
    });
    setOtp('');
    setConfirmPin('');
    setCardValue('');
    if (result) setDone(true);
    // A legacy challenge asks a fresh card position each time.
    if (challenge.method === 'legacy') void asked.reload();
  }

  return (
    <section className="panel" aria-labelledby="stepup-heading" data-testid="stepup">
      <h2 id="stepup-heading">{t('stepUpHeading')}</h2>
      <p>{challenge.method === 'otp' ? t('stepUpIntroOtp') : t('stepUpIntroLegacy')}</p>
      <ErrorBox error={error ?? asked.error} />
      <Notice text={done ? t('stepUpDone') : null} testId="stepup-result" />
      <form onSubmit={submit}>
        {challenge.method === 'otp' ? (
          <Field
            label={t('otp')}
            testId="stepup-otp"
            className="otp-input"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            value={otp}
            fold="digits"
            onValue={setOtp}
          />
        ) : (
          <>
            <Field
              label={t('confirmPin')}
              testId="stepup-pin"
              type="password"
              autoComplete="off"
              required
              value={confirmPin}
              fold="code"
              onValue={setConfirmPin}
            />
            <Field
              label={t('cardAt', { position: challenge.cardPosition })}
              hint={t('cardHint')}
              testId="stepup-card"
              data-position={challenge.cardPosition}
              inputMode="numeric"
              autoComplete="off"
              maxLength={2}
              required
              value={cardValue}
              fold="digits"
              onValue={setCardValue}
            />
            <p className="hint">
              {t('cardPosition')}: <strong data-testid="stepup-position">{challenge.cardPosition}</strong>
            </p>
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary" data-testid="stepup-submit" disabled={busy}>
            {c('ok')}
          </button>
        </div>
      </form>
    </section>
  );
}
