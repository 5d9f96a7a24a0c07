// A signed-in API client for the benchmarks, speaking to the api the way the Angular app does:
// session cookie, and for state-changing requests the double-submit CSRF pair (XSRF-TOKEN
// cookie echoed in the x-xsrf-token header, see backend/src/http/csrf.ts).
const SESSION_COOKIE = 'amtsplan_session';
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'x-xsrf-token';

export class ApiSession {
  #cookies = new Map();

  constructor(origin) {
    this.origin = origin;
  }

  /** GET /api/auth/csrf primes the CSRF cookie; the login then sets the session cookie. */
  static async logIn(origin, email, password) {
    const session = new ApiSession(origin);
    await session.request('GET', '/api/auth/csrf', undefined, [204]);
    const me = await session.request('POST', '/api/auth/login', { email, password }, [200]);
    if (!session.#cookies.has(SESSION_COOKIE)) throw new Error(`POST /api/auth/login set no ${SESSION_COOKIE} cookie`);
    session.me = me;
    return session;
  }

  /** The Cookie header a browser would send (both cookies: without XSRF-TOKEN every response would mint a new one). */
  get cookieHeader() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  organizationId(name) {
    const membership = this.me.memberships.find((m) => m.organization.name === name);
    if (!membership) throw new Error(`${this.me.user.email} is no member of "${name}" (memberships: ${this.me.memberships.map((m) => m.organization.name).join(', ')})`);
    return membership.organization.id;
  }

  async request(method, path, body, expected = [200, 201]) {
    const headers = { cookie: this.cookieHeader, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET') {
      headers.origin = this.origin;
      headers[CSRF_HEADER] = this.#cookies.get(CSRF_COOKIE) ?? '';
    }
    const response = await fetch(new URL(path, this.origin), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair.indexOf('=');
      this.#cookies.set(pair.slice(0, separator).trim(), pair.slice(separator + 1).trim());
    }
    const text = await response.text();
    if (!expected.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
    return text ? JSON.parse(text) : undefined;
  }
}
