/**
 * A4 (issue 9 item 8): when this browser's session ends if nothing more happens, from what the
 * server says (the session answer's `session`, and the Kinko-Session-Expires-In header of every
 * answer in the session). Shared with the site's other tabs through localStorage, so that work
 * in one tab keeps the warning of another away. Only a time is stored, nothing secret.
 */
import type { SessionTiming } from '@kinko/core/shared';
import { setSessionTimeHandler } from '../shared/api.ts';

/** How long before the end the warning comes: a minute (half the timeout if it is not longer). */
const WARN_BEFORE_MS = 60_000;
const storageKey = 'kinko.session.endsAt';

interface ClockState {
  /** Date.now() at which the session ends; null: no session. */
  endsAt: number | null;
  idleTimeoutMs: number;
}

let state: ClockState = { endsAt: null, idleTimeoutMs: 0 };
const listeners = new Set<() => void>();

function set(next: ClockState): void {
  state = next;
  for (const listener of listeners) listener();
}

function endsIn(ms: number): void {
  const endsAt = Date.now() + ms;
  set({ ...state, endsAt });
  try {
    localStorage.setItem(storageKey, String(endsAt));
  } catch {
    // Storage may be off (private mode): this tab still warns on its own.
  }
}

export const sessionClock = {
  /** A session answer (login, resume, 延長): the timeout and what is left of it. */
  answered(timing: SessionTiming): void {
    state = { ...state, idleTimeoutMs: timing.idleTimeoutMs };
    endsIn(timing.expiresInMs);
  },
  /** The session is over (logout, expiry): nothing to warn about. */
  stopped(): void {
    set({ endsAt: null, idleTimeoutMs: state.idleTimeoutMs });
  },
  get: (): ClockState => state,
  /** The warning's lead for this session's timeout. */
  warnBeforeMs: (): number =>
    state.idleTimeoutMs > WARN_BEFORE_MS ? WARN_BEFORE_MS : state.idleTimeoutMs / 2,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Any answer in the session: the server has recorded the activity.
setSessionTimeHandler((ms) => {
  if (state.endsAt !== null) endsIn(ms);
});

// Another tab's activity keeps this tab's session alive too (it is the same session).
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key !== storageKey || e.newValue === null || state.endsAt === null) return;
    const other = Number(e.newValue);
    if (Number.isFinite(other) && other > state.endsAt) set({ ...state, endsAt: other });
  });
}
