import { useEffect, useState } from 'react';
import { counterAt, hotp, periodMs, secondsLeft } from './totp.ts';

export interface OtpState {
  code: string | null;
  secondsLeft: number;
  /** 0 … 1: the part of the step already gone, for the ring. */
  elapsed: number;
}

/** The code for the current step at Date.now() + offsetMs, recomputed when the step changes. */
export function useOtp(key: CryptoKey, offsetMs: number): OtpState {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  const [code, setCode] = useState<{ counter: number; code: string } | null>(null);

  useEffect(() => {
    const tick = () => setNow(Date.now() + offsetMs);
    tick();
    const id = window.setInterval(tick, 200);
    return () => window.clearInterval(id);
  }, [offsetMs]);

  const counter = counterAt(now);
  useEffect(() => {
    let current = true;
    void hotp(key, counter).then((value) => {
      if (current) setCode({ counter, code: value });
    });
    return () => {
      current = false;
    };
  }, [key, counter]);

  return {
    // Never show a code from a step that has passed.
    code: code && code.counter === counter ? code.code : null,
    secondsLeft: secondsLeft(now),
    elapsed: (now % periodMs) / periodMs,
  };
}
