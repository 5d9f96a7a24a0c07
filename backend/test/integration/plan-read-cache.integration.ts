import { gunzipSync } from 'node:zlib';
import { ChangeFeed } from '../../src/read-cache/change-feed';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Entry {
  id: string;
  workingTitle: string;
  planning: { kind: string; at?: string; date?: string };
  status: string;
  channelIds: string[];
  topicId: string | null;
  findingSeverity: 'hard' | 'warning' | null;
  version: number;
}
interface Post {
  id: string;
  version: number;
  workingTitle: string;
  variants: Array<{ channelId: string }>;
}

const MONTH = `from=${encodeURIComponent('2026-12-01T00:00:00+01:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+01:00')}`;

/**
 * The calendar's read (`GET …/plan-entries`) and the caches behind it: every answer must be as
 * fresh as the database, whichever process wrote – this one (answer sent after commit) or
 * another one (PostgreSQL notifies on commit; ChangeFeed.sync waits for that delivery).
 */
describe('Plan entries and the read caches', () => {
  let app: TestApp;
  let orgId: string;
  let otherOrgId: string;
  let editor: ApiClient;
  let reader: ApiClient;
  let channelId: string;
  let post: Post;
  let feed: ChangeFeed;
  const url = () => `/api/orgs/${orgId}/plan-entries?${MONTH}`;
  const titles = async (client: ApiClient) => {
    const response = await client.get<Entry[]>(url());
    expect(response.status).toBe(200);
    return response.body.map((e) => e.workingTitle);
  };

  beforeAll(async () => {
    app = await startTestApp('planreadcache', 0);
    feed = app.api.get(ChangeFeed);
    orgId = await app.organizationId('Stadt Musterstadt');
    otherOrgId = await app.organizationId('Landkreis Beispiel');
    editor = await app.as('redaktion@musterstadt.example');
    reader = await app.as('lesen@musterstadt.example');
    const channel = await editor.post<{ id: string }>(`/api/orgs/${orgId}/channels`, { platform: 'mastodon', name: 'Mastodon Rathaus', color: '#5e35b1' });
    channelId = channel.body.id;
    const created = await editor.post<Post>(`/api/orgs/${orgId}/posts`, {
      workingTitle: 'Weihnachtsmarkt öffnet',
      text: 'Der Weihnachtsmarkt öffnet heute um 16 Uhr. #weihnachtsmarkt_musterstadt',
      variants: [{ channelId, text: null }],
      planning: { kind: 'time', at: '2026-12-04T16:00:00+01:00' },
    });
    expect(created.status).toBe(201);
    post = created.body;
    await editor.post(`/api/orgs/${orgId}/posts`, { workingTitle: 'Nur ein Tag', planning: { kind: 'day', date: '2026-12-31' } });
    await editor.post(`/api/orgs/${orgId}/posts`, { workingTitle: 'Im Januar', planning: { kind: 'day', date: '2027-01-01' } });
    await editor.post(`/api/orgs/${orgId}/posts`, { workingTitle: 'Ohne Termin' });
  });
  afterAll(() => app.close());

  it('answers the month as light entries: planning, status, channels, worst finding, version', async () => {
    const response = await editor.get<Entry[]>(url());
    expect(response.status).toBe(200);
    expect(response.body.map((e) => e.workingTitle)).toEqual(['Weihnachtsmarkt öffnet', 'Nur ein Tag']);
    const [market] = response.body;
    const full = (await editor.get<Post & { findings: Array<{ severity: string }>; responsibleUserId: string; authorUserId: string }>(`/api/orgs/${orgId}/posts/${post.id}`)).body;
    expect(full.findings.length).toBeGreaterThan(0);
    expect(full.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(market).toEqual({
      id: post.id,
      workingTitle: 'Weihnachtsmarkt öffnet',
      planning: { kind: 'time', at: '2026-12-04T15:00:00.000Z' },
      status: 'draft',
      channelIds: [channelId],
      topicId: null,
      seriesId: null,
      responsibleUserId: full.responsibleUserId,
      authorUserId: full.authorUserId,
      findingSeverity: 'warning',
      version: 1,
    });
    expect(response.body[1]!.planning).toEqual({ kind: 'day', date: '2026-12-31' });
    const unplanned = await editor.get<Entry[]>(`/api/orgs/${orgId}/plan-entries?unplanned=true`);
    expect(unplanned.body.map((e) => e.workingTitle)).toEqual(['Ohne Termin']);
  });

  it('answers the same filters as the full post list', async () => {
    const query = `${MONTH}&channelId=${channelId}`;
    const entries = await editor.get<Entry[]>(`/api/orgs/${orgId}/plan-entries?${query}`);
    const posts = await editor.get<Post[]>(`/api/orgs/${orgId}/posts?${query}`);
    expect(entries.body.map((e) => e.id)).toEqual(posts.body.map((p) => p.id));
    expect(entries.body).toHaveLength(1);
  });

  it('compresses for clients that accept gzip, with the same content', async () => {
    const plain = await editor.get<Entry[]>(url());
    const compressed = await editor.request<string>('GET', url(), { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(compressed.status).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(compressed.headers['vary']).toBe('accept-encoding');
    expect(compressed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(compressed.headers['x-content-type-options']).toBe('nosniff');
    const raw = app.api.getHttpAdapter().getInstance();
    const response = await raw.inject({ method: 'GET', url: url(), headers: { cookie: `amtsplan_session=${editor.sessionToken}`, 'accept-encoding': 'gzip' } });
    expect(JSON.parse(gunzipSync(response.rawPayload).toString('utf8'))).toEqual(plain.body);
  });

  it('shows this process\'s own write at once (read your writes)', async () => {
    expect(await titles(reader)).toContain('Weihnachtsmarkt öffnet');
    const saved = await editor.patch<Post>(`/api/orgs/${orgId}/posts/${post.id}`, { version: post.version, workingTitle: 'Weihnachtsmarkt: Eröffnung' });
    expect(saved.status).toBe(200);
    post = saved.body;
    expect(await titles(reader)).toContain('Weihnachtsmarkt: Eröffnung');
    const [entry] = (await reader.get<Entry[]>(url())).body;
    expect(entry!.version).toBe(post.version);
  });

  it('shows another process\'s write once its commit has been delivered', async () => {
    expect(feed.live).toBe(true);
    await titles(editor); // cached now
    await app.owner.query(`UPDATE posts SET working_title = 'Geändert vom Worker' WHERE id = $1`, [post.id]);
    await feed.sync();
    expect(await titles(editor)).toContain('Geändert vom Worker');
    await app.owner.query(`UPDATE post_variants SET channel_id = channel_id WHERE post_id = $1`, [post.id]);
    await app.owner.query(`DELETE FROM post_variants WHERE post_id = $1`, [post.id]);
    await feed.sync();
    const [entry] = (await editor.get<Entry[]>(url())).body;
    expect(entry!.channelIds).toEqual([]);
  });

  it('keeps a write of another organization from emptying this one\'s answers, and never mixes them', async () => {
    const landkreis = await app.as('redaktion@landkreis-beispiel.example');
    const created = await landkreis.post(`/api/orgs/${otherOrgId}/posts`, { workingTitle: 'Kreistag tagt', planning: { kind: 'day', date: '2026-12-10' } });
    expect(created.status).toBe(201);
    const theirs = await landkreis.get<Entry[]>(`/api/orgs/${otherOrgId}/plan-entries?${MONTH}`);
    expect(theirs.body.map((e) => e.workingTitle)).toEqual(['Kreistag tagt']);
    expect(await titles(editor)).not.toContain('Kreistag tagt');
  });

  it('never serves a cached answer to someone who is not a member', async () => {
    await titles(editor); // cached
    const stranger = await app.as('admin@landkreis-beispiel.example');
    const response = await stranger.get(url());
    expect(response.status).toBe(404);
    const anonymous = app.client();
    expect((await anonymous.get(url())).status).toBe(401);
  });

  it('forgets a session ended in another process', async () => {
    const session = await app.as('lesen@musterstadt.example');
    expect((await session.get(url())).status).toBe(200);
    expect((await session.get(url())).status).toBe(200); // served from the caches
    await app.owner.query(`DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = 'lesen@musterstadt.example')`);
    await feed.sync();
    expect((await session.get(url())).status).toBe(401);
    reader = await app.as('lesen@musterstadt.example');
  });

  it('forgets a membership removed in another process', async () => {
    const member = await app.as('fachbereich@musterstadt.example');
    expect((await member.get(url())).status).toBe(200);
    expect((await member.get(url())).status).toBe(200);
    await app.owner.query(
      `DELETE FROM memberships WHERE organization_id = $1 AND user_id = (SELECT id FROM users WHERE email = 'fachbereich@musterstadt.example')`,
      [orgId],
    );
    await feed.sync();
    expect((await member.get(url())).status).toBe(404);
  });

  it('reads from the database while the change feed is down', async () => {
    await titles(editor);
    await feed.onApplicationShutdown();
    expect(feed.live).toBe(false);
    await app.owner.query(`UPDATE posts SET working_title = 'Ohne Zwischenspeicher' WHERE id = $1`, [post.id]);
    expect(await titles(editor)).toContain('Ohne Zwischenspeicher');
  });

  it('refuses a bad query with field messages', async () => {
    const response = await editor.get<{ status: number; errors: Array<{ path: string }> }>(`/api/orgs/${orgId}/plan-entries?from=gestern`);
    expect(response.status).toBe(400);
    expect(response.body.errors.map((e) => e.path)).toContain('from');
  });
});
