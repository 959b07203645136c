import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../../shared/api.ts';
import { ErrorBox } from '../../shared/ErrorBox.tsx';
import { Field } from '../../shared/Field.tsx';
import { common, useT } from '../../shared/i18n.ts';
import { Notice } from '../../shared/Notice.tsx';
import type { CardPosition } from '../../shared/types.ts';
import { useAction } from '../../shared/useAction.ts';
import { siteMessages } from '../messages.ts';

type Challenge = { method: 'otp' } | { method: 'legacy'; cardPosition: CardPosition };

/**
 * ワンタイムパスワード認証: the step-up every transaction calls (M2, R4). With an active token it
 * asks the OTP; before that, 利用者確認暗証番号 and one position of the ア～ク card.
 */
export function StepUp({ onChanged }: { onChanged: () => void }) {
  const t = useT(siteMessages);
  const c = useT(common);
  const [challenge, setChallenge] = useState<Challenge>({ method: 'otp' });
  const [otp, setOtp] = useState('');
  const [confirmPin, setConfirmPin] = useState('');
  const [cardValue, setCardValue] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();

  const load = useCallback(async () => {
    try {
      setChallenge(await api.get<Challenge>('/api/v1/step-up'));
    } catch (e) {
      setError(e);
    }
  }, [setError]);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    const body =
      challenge.method === 'legacy'
        ? { confirmPin, cardPosition: challenge.cardPosition, cardValue }
        : { otp };
    const result = await run(async () => {
      try {
        return await api.post<{ method: string }>('/api/v1/step-up', body);
      } catch (e) {
        // A2: the user is now 利用中止 (or the token state changed): show it on the home screen.
        if (
          e instanceof ApiError &&
          (e.code === 'otp.user_suspended' || e.code === 'otp.legacy_card_invalid')
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
    if (challenge.method === 'legacy') void load();
  }

  return (
    <section className="panel" aria-labelledby="stepup-heading" data-testid="stepup">
      <h2 id="stepup-heading">{t('stepUpHeading')}</h2>
      <p>{challenge.method === 'otp' ? t('stepUpIntroOtp') : t('stepUpIntroLegacy')}</p>
      <ErrorBox error={error} />
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
            onValue={(v) => setOtp(v.replace(/\D/g, ''))}
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
              onValue={(v) => setCardValue(v.replace(/\D/g, ''))}
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
