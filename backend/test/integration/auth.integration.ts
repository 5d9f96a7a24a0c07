import { SESSION_COOKIE } from '@amtsplan/contracts';
import Redis from 'ioredis';
import { DEMO_PASSWORD, startTestApp, TestApp } from '../support/test-app';

describe('login, sessions and throttling (real PostgreSQL + Redis)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp('auth', 1);
  });
  afterAll(() => app.close());

  it('logs in, answers me with memberships, and logs out server-side', async () => {
    const client = app.client();
    const login = await client.login('redaktion@musterstadt.example', DEMO_PASSWORD);
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(Buffer.from(cookie.value, 'base64url').length).toBeGreaterThanOrEqual(16);

    const me = await client.get<{ user: { email: string }; memberships: Array<{ organization: { name: string }; role: string }> }>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('redaktion@musterstadt.example');
    expect(me.body.memberships.map((m) => m.organization.name)).toEqual(['Landkreis Beispiel', 'Stadt Musterstadt']);

    const stolen = client.sessionToken!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = app.client();
    replay.setCookie(SESSION_COOKIE, stolen);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
    const rows = await app.owner.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = $1)', ['redaktion@musterstadt.example']);
    expect(rows[0].n).toBe(0);
  });

  it('issues a new session id on every login and stores only its hash', async () => {
    const first = await app.as('leitung@musterstadt.example');
    const second = await app.as('leitung@musterstadt.example');
    expect(first.sessionToken).not.toEqual(second.sessionToken);
    const stored = await app.owner.query('SELECT token_hash FROM sessions');
    expect(stored.map((r: { token_hash: string }) => r.token_hash)).not.toContain(first.sessionToken);
  });

  it('rejects a wrong password with 401 and records the failed login', async () => {
    const response = await app.client('198.51.100.7').post('/api/auth/login', { email: 'admin@musterstadt.example', password: 'falsch-falsch' });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 401, detail: 'E-Mail-Adresse oder Passwort ist falsch.' });
    const audit = await app.owner.query(`SELECT ip, details FROM audit_events WHERE action = 'auth.login_failed' ORDER BY id DESC LIMIT 1`);
    expect(audit[0]).toMatchObject({ ip: '198.51.100.7', details: { email: 'admin@musterstadt.example' } });
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const response = await app.client('198.51.100.8').post('/api/auth/login', { email: 'niemand@musterstadt.example', password: 'egal-egal-egal' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ detail: 'E-Mail-Adresse oder Passwort ist falsch.' });
  });

  it('expires idle sessions and sessions past the absolute limit', async () => {
    const idle = await app.as('community@musterstadt.example');
    await app.owner.query(`UPDATE sessions SET last_seen_at = now() - interval '2 hours 1 minute'`);
    expect((await idle.get('/api/auth/me')).status).toBe(401);

    const old = await app.as('community@musterstadt.example');
    await app.owner.query(`UPDATE sessions SET created_at = now() - interval '12 hours 1 minute', last_seen_at = now()`);
    expect((await old.get('/api/auth/me')).status).toBe(401);

    const fresh = await app.as('community@musterstadt.example');
    expect((await fresh.get('/api/auth/me')).status).toBe(200);
  });

  it('throttles repeated failures per account and IP, without locking the account out elsewhere', async () => {
    const attacker = app.client('192.0.2.66');
    for (let i = 0; i < 5; i++) {
      expect((await attacker.post('/api/auth/login', { email: 'lesen@musterstadt.example', password: `rate-${i}-falsch` })).status).toBe(401);
    }
    const blocked = await attacker.post('/api/auth/login', { email: 'lesen@musterstadt.example', password: DEMO_PASSWORD });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    // The real user on another network is not locked out.
    expect((await app.client('192.0.2.10').post('/api/auth/login', { email: 'lesen@musterstadt.example', password: DEMO_PASSWORD })).status).toBe(200);

    // The block ends by itself: every key has an expiry, none is permanent.
    const redis = new Redis(app.config.redisUrl);
    const keys = await redis.keys('*login-fail*');
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60 * 60 * 1000);
    }
    await redis.quit();
  });

  it('refuses state-changing requests without the CSRF header or from a foreign origin', async () => {
    const client = await app.as('admin@musterstadt.example');
    const missing = await client.request('POST', '/api/auth/logout', { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ type: 'urn:amtsplan:problem:csrf' });
    const foreign = await client.request('POST', '/api/auth/logout', { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('changes the interface language of the user', async () => {
    const client = await app.as('fachbereich@musterstadt.example');
    const response = await client.patch<{ user: { locale: string } }>('/api/auth/me', { locale: 'en' });
    expect(response.status).toBe(200);
    expect(response.body.user.locale).toBe('en');
    expect((await client.patch('/api/auth/me', { locale: 'fr' })).status).toBe(400);
  });
});
