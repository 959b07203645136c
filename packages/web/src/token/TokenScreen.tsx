import { useEffect, useState } from 'react';
import { common, useT } from '../shared/i18n.ts';
import { measureOffset } from './clock.ts';
import { type StoredToken, tokenStore } from './db.ts';
import { tokenMessages } from './messages.ts';
import { Ring } from './Ring.tsx';
import { fetchRegistered } from './registration.ts';
import { useOtp } from './useOtp.ts';

const resyncMs = 5 * 60_000;

/** The token: the OTP in large type, the seconds left, and the serial at the bottom (T8). */
export function TokenScreen({ token, onDeleted }: { token: StoredToken; onDeleted: () => void }) {
  const t = useT(tokenMessages);
  const c = useT(common);
  const [offsetMs, setOffsetMs] = useState(token.offsetMs);
  const [synced, setSynced] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [registered, setRegistered] = useState(token.registered === true);
  const { code, secondsLeft, elapsed } = useOtp(token.hmacKey, offsetMs);

  // T8: correct the clock on start, every few minutes, and when the phone wakes the app.
  useEffect(() => {
    let alive = true;
    const sync = async () => {
      try {
        const offset = await measureOffset();
        if (!alive) return;
        setOffsetMs(offset);
        setSynced(true);
        // Issue 9.10: learn whether the administrator registered this serial (no secret is sent).
        let isRegistered = token.registered === true;
        try {
          isRegistered = await fetchRegistered(token.serial);
          if (alive) setRegistered(isRegistered);
        } catch {
          // Rate-limited or offline: keep the last answer.
        }
        await tokenStore.put({ ...token, offsetMs: offset, registered: isRegistered });
      } catch {
        // Offline: keep the last offset measured.
        if (alive) setSynced(false);
      }
    };
    void sync();
    const id = window.setInterval(sync, resyncMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void sync();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      window.clearInterval(id);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [token]);

  async function remove() {
    await tokenStore.clear();
    onDeleted();
  }

  return (
    <section className="token" aria-labelledby="otp-label">
      <h1 id="otp-label" className="otp-label">
        {t('otpLabel')}
      </h1>
      <p className="otp" aria-live="off">
        {code && (
          <span data-testid="otp">
            <span>{code.slice(0, 3)}</span>
            <span className="otp-second">{code.slice(3)}</span>
          </span>
        )}
      </p>
      <Ring seconds={secondsLeft} elapsed={elapsed} />
      <p className="clock" data-testid="clock-status">
        {synced === null ? t('clockSyncing') : synced ? t('clockSynced') : t('clockOffline')}
      </p>
      <div className="serial-box">
        <p className="serial-line">
          {t('serialLabel')} <span data-testid="serial">{token.serial}</span>
        </p>
        {registered ? (
          <p className="serial-help registered" data-testid="token-registered">
            <span className="badge">{t('registeredBadge')}</span> {t('registered')}
          </p>
        ) : (
          <p className="serial-help" data-testid="token-unregistered">
            {t('serialHelp')}
          </p>
        )}
      </div>
      {!confirming ? (
        <button
          type="button"
          className="delete"
          data-testid="token-delete"
          onClick={() => setConfirming(true)}
        >
          {t('delete')}
        </button>
      ) : (
        <div className="confirm" role="alertdialog" aria-labelledby="delete-text">
          <p id="delete-text">{t('deleteConfirm')}</p>
          <button type="button" className="danger" data-testid="token-delete-confirm" onClick={remove}>
            {t('delete')}
          </button>
          <button
            type="button"
            className="plain"
            data-testid="token-delete-cancel"
            onClick={() => setConfirming(false)}
          >
            {c('cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
