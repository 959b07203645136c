/**
 * The one way the web talks to the server: JSON over fetch, same-origin cookies, the CSRF
 * token on every state-changing request (A4), and RFC 9457 problems turned into ApiError.
 */

export class ApiError extends Error {
  readonly status: number;
  /** A stable code from core's errors.ts, or 'network' when no answer came back. */
  readonly code: string;
  readonly detail: string;
  /** The problem's extension members (e.g. remainingAttempts, errors). */
  readonly details: Record<string, unknown>;
  constructor(status: number, code: string, detail: string, details: Record<string, unknown> = {}) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.details = details;
  }
}

// Kept in memory only: a page reload asks GET …/session again, which hands it back.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type SessionLostHandler = (error: ApiError) => void;
let onSessionLost: SessionLostHandler | null = null;
/** Called when a request in a session answers 401 (expired or missing session). */
export function setSessionLostHandler(handler: SessionLostHandler | null): void {
  onSessionLost = handler;
}

type SessionTimeHandler = (expiresInMs: number) => void;
let onSessionTime: SessionTimeHandler | null = null;
/**
 * A4: called with what the session has left whenever an answer says so (the server's
 * Kinko-Session-Expires-In header on every answer in a session), for the idle warning.
 */
export function setSessionTimeHandler(handler: SessionTimeHandler | null): void {
  onSessionTime = handler;
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  /** Do not report a 401 to the session-lost handler (login, the first session probe). */
  quiet401?: boolean;
  /** M3: the Idempotency-Key of a create call; the caller reuses it when retrying the same submission. */
  idempotencyKey?: string;
}

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (unsafe.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  const expiresIn = response.headers.get('Kinko-Session-Expires-In');
  if (expiresIn !== null && /^\d+$/.test(expiresIn)) onSessionTime?.(Number(expiresIn));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, json);
    if (error.status === 401 && !options.quiet401) onSessionLost?.(error);
    throw error;
  }
  return json as T;
}

function toApiError(status: number, json: unknown): ApiError {
  if (json && typeof json === 'object') {
    const { code, detail, title, type: _type, status: _status, ...rest } = json as Record<string, unknown>;
    const text = typeof detail === 'string' ? detail : typeof title === 'string' ? title : '';
    if (typeof code === 'string') return new ApiError(status, code, text, rest);
  }
  return new ApiError(status, fallbackCode(status), '');
}

function fallbackCode(status: number): string {
  if (status === 401) return 'auth.required';
  if (status === 403) return 'auth.forbidden';
  if (status === 404) return 'route.not_found';
  if (status === 413) return 'request.too_large';
  if (status === 429) return 'request.rate_limited';
  return 'server.internal';
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown = {}, options?: RequestOptions) =>
    request<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T = void>(path: string, body?: unknown) => request<T>('DELETE', path, body),
};

/** A new Idempotency-Key for one screen submission (M3). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** An error found before any request (e.g. a confirmation that does not match). */
export function clientError(code: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(0, code, '', details);
}
