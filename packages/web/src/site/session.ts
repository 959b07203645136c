import { api, setCsrfToken } from '../shared/api.ts';
import type { Me } from '../shared/types.ts';

interface SessionAnswer {
  csrfToken: string;
  me: Me;
}

export async function login(contractNumber: string, loginId: string, password: string): Promise<Me> {
  const answer = await api.post<SessionAnswer>(
    '/api/v1/session',
    { contractNumber, loginId, password },
    { quiet401: true },
  );
  setCsrfToken(answer.csrfToken);
  return answer.me;
}

/** The current session, or null when there is none (first visit, expired). */
export async function resume(quiet = true): Promise<Me | null> {
  try {
    const answer = await api.get<SessionAnswer>('/api/v1/session', { quiet401: quiet });
    setCsrfToken(answer.csrfToken);
    return answer.me;
  } catch (e) {
    if (quiet) return null;
    throw e;
  }
}

export async function logout(): Promise<void> {
  try {
    await api.del('/api/v1/session');
  } finally {
    setCsrfToken(null);
  }
}
