import type { SessionTiming } from '@kinko/core/shared';
import { api, setCsrfToken } from '../shared/api.ts';
import type { Me } from '../shared/types.ts';
import { sessionClock } from './sessionClock.ts';

interface SessionAnswer {
  csrfToken: string;
  me: Me;
  /** A4: the idle timeout and what is left of it. */
  session: SessionTiming;
}

export async function login(contractNumber: string, loginId: string, password: string): Promise<Me> {
  const answer = await api.post<SessionAnswer>(
    '/api/v1/session',
    { contractNumber, loginId, password },
    { quiet401: true },
  );
  setCsrfToken(answer.csrfToken);
  sessionClock.answered(answer.session);
  return answer.me;
}

/** The current session, or null when there is none (first visit, expired). */
export async function resume(quiet = true): Promise<Me | null> {
  try {
    const answer = await api.get<SessionAnswer>('/api/v1/session', { quiet401: quiet });
    setCsrfToken(answer.csrfToken);
    sessionClock.answered(answer.session);
    return answer.me;
  } catch (e) {
    if (quiet) return null;
    throw e;
  }
}

/** 延長: the idle timeout starts again now (A4). */
export async function extend(): Promise<void> {
  sessionClock.answered(await api.post<SessionTiming>('/api/v1/session/extend'));
}

export async function logout(): Promise<void> {
  sessionClock.stopped();
  try {
    await api.del('/api/v1/session');
  } finally {
    setCsrfToken(null);
  }
}
