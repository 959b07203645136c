/** A minimal HTTP client for tests and benchmarks: one cookie jar and the CSRF token of its session. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export class ApiClient {
  private cookie = '';
  csrf = '';
  constructor(readonly base: string) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : {}) as T & { csrfToken?: string };
    if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string')
      this.csrf = parsed.csrfToken;
    return { status: res.status, body: parsed };
  }

  /** A second client sharing this one's session, e.g. against another server process. */
  sameSessionOn(base: string): ApiClient {
    const c = new ApiClient(base);
    c.cookie = this.cookie;
    c.csrf = this.csrf;
    return c;
  }
}
