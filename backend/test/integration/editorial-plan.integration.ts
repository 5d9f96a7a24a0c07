import { TENANT_TABLES } from '../../src/database/entities';
import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Post {
  id: string;
  workingTitle: string;
  status: string;
  version: number;
  planning: { kind: string; at?: string; date?: string };
  variants: Array<{ channelId: string; text: string | null }>;
  checklist: Array<{ label: string; done: boolean }>;
  authorUserId: string;
  responsibleUserId: string | null;
}

describe('Redaktionsplan: channels, topics and posts', () => {
  let app: TestApp;
  let orgId: string;
  let editor: ApiClient;
  let channelId: string;
  let topicId: string;

  beforeAll(async () => {
    app = await startTestApp('editorial', 8);
    orgId = await app.organizationId('Stadt Musterstadt');
    editor = await app.as('redaktion@musterstadt.example');
    const channel = await editor.post<{ id: string }>(`/api/orgs/${orgId}/channels`, { platform: 'mastodon', name: 'Mastodon Stadt', handle: '@stadt@social.example', color: '#6364ff', textLimit: 1000 });
    expect(channel.status).toBe(201);
    channelId = channel.body.id;
    const topic = await editor.post<{ id: string }>(`/api/orgs/${orgId}/topics`, { name: 'Veranstaltungen', color: '#ff8800' });
    topicId = topic.body.id;
  });
  afterAll(() => app.close());

  const posts = (client: ApiClient) => ({
    create: (body: Record<string, unknown>) => client.post<Post>(`/api/orgs/${orgId}/posts`, body),
    update: (id: string, body: Record<string, unknown>) => client.patch<Post>(`/api/orgs/${orgId}/posts/${id}`, body),
  });

  it('lets editors plan a post with variants, topic and time, with the default checklist', async () => {
    const created = await posts(editor).create({
      workingTitle: 'Stadtfest ankündigen',
      text: 'Am Samstag ist #Stadtfest!',
      variants: [{ channelId, text: null }],
      planning: { kind: 'time', at: '2026-12-05T10:00:00+01:00' },
      topicId,
      tags: ['Veranstaltung'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      version: 1,
      planning: { kind: 'time', at: '2026-12-05T09:00:00.000Z' },
      variants: [{ channelId, text: null }],
      checklist: [{ label: 'Bildrechte geklärt', done: false }, { label: 'Einwilligung abgebildeter Personen liegt vor', done: false }],
    });
    expect(created.body.responsibleUserId).toBe(created.body.authorUserId);
  });

  it('answers 409 to a stale save and keeps the newer content', async () => {
    const { body: post } = await posts(editor).create({ workingTitle: 'Baustelle Hauptstraße' });
    const first = await posts(editor).update(post.id, { version: 1, text: 'Erste Fassung' });
    expect(first.body.version).toBe(2);
    const stale = await posts(await app.as('admin@musterstadt.example')).update(post.id, { version: 1, text: 'Veraltete Fassung' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ type: 'urn:amtsplan:problem:stale-version' });
    const current = await editor.get<Post & { text: string }>(`/api/orgs/${orgId}/posts/${post.id}`);
    expect(current.body.text).toBe('Erste Fassung');
  });

  it('keeps a version history with who changed which fields', async () => {
    const { body: post } = await posts(editor).create({ workingTitle: 'Wahlaufruf' });
    await posts(editor).update(post.id, { version: 1, text: 'Gehen Sie wählen', planning: { kind: 'day', date: '2026-12-10' } });
    const history = await editor.get<Array<{ version: number; changedFields: string[]; changedBy: { displayName: string } }>>(`/api/orgs/${orgId}/posts/${post.id}/versions`);
    expect(history.body[0]).toMatchObject({ version: 2, changedBy: { displayName: 'Rita Redaktion' } });
    expect(history.body[0]!.changedFields.sort()).toEqual(['planning', 'text']);
    expect(history.body[1]!.version).toBe(1);
    // History is a record: the app role cannot rewrite it.
    await expect(app.owner.query(`SET ROLE amtsplan_app; UPDATE post_versions SET version = 99`)).rejects.toThrow(/permission denied/);
    await app.owner.query('RESET ROLE');
  });

  it('lets a Fachbereich create drafts and edit only its own ideas and drafts', async () => {
    const contributor = await app.as('fachbereich@musterstadt.example');
    const own = await posts(contributor).create({ workingTitle: 'Neue Kita-Plätze', status: 'idea' });
    expect(own.status).toBe(201);
    expect((await posts(contributor).update(own.body.id, { version: 1, text: 'Ab März 40 Plätze' })).status).toBe(200);
    const { body: foreign } = await posts(editor).create({ workingTitle: 'Von der Redaktion' });
    expect((await posts(contributor).update(foreign.id, { version: 1, text: 'Übernommen' })).status).toBe(403);
    expect((await contributor.post(`/api/orgs/${orgId}/channels`, { platform: 'x', name: 'X', color: '#000000' })).status).toBe(403);
  });

  it('lets Leitung and Lesezugriff read but not write', async () => {
    for (const email of ['leitung@musterstadt.example', 'lesen@musterstadt.example']) {
      const reader = await app.as(email);
      expect((await reader.get(`/api/orgs/${orgId}/posts`)).status).toBe(200);
      expect((await posts(reader).create({ workingTitle: 'Darf nicht' })).status).toBe(403);
      const { body: post } = await posts(editor).create({ workingTitle: `Für ${email}` });
      expect((await posts(reader).update(post.id, { version: 1, text: 'x' })).status).toBe(403);
      expect((await reader.post(`/api/orgs/${orgId}/posts/${post.id}/comments`, { body: 'Sieht gut aus' })).status).toBe(201);
    }
  });

  it('lists a calendar range, the Themenspeicher and filters', async () => {
    await posts(editor).create({ workingTitle: 'Im Dezember', planning: { kind: 'time', at: '2026-12-20T08:00:00Z' }, variants: [{ channelId, text: 'Eigene Fassung' }] });
    await posts(editor).create({ workingTitle: 'Am 21. Dezember', planning: { kind: 'day', date: '2026-12-21' } });
    await posts(editor).create({ workingTitle: 'Im Januar', planning: { kind: 'time', at: '2027-01-05T08:00:00Z' } });
    await posts(editor).create({ workingTitle: 'Irgendwann' });
    const december = await editor.get<Post[]>(`/api/orgs/${orgId}/posts?from=2026-12-15T00:00:00%2B01:00&to=2027-01-01T00:00:00%2B01:00`);
    expect(december.body.map((p) => p.workingTitle)).toEqual(['Im Dezember', 'Am 21. Dezember']);
    const backlog = await editor.get<Post[]>(`/api/orgs/${orgId}/posts?unplanned=true`);
    expect(backlog.body.map((p) => p.workingTitle)).toContain('Irgendwann');
    expect(backlog.body.every((p) => p.planning.kind === 'unplanned')).toBe(true);
    const onChannel = await editor.get<Post[]>(`/api/orgs/${orgId}/posts?channelId=${channelId}`);
    expect(onChannel.body.map((p) => p.workingTitle)).toEqual(expect.arrayContaining(['Stadtfest ankündigen', 'Im Dezember']));
    expect(onChannel.body.map((p) => p.workingTitle)).not.toContain('Im Januar');
    expect((await editor.get(`/api/orgs/${orgId}/posts?from=gestern`)).status).toBe(400);
  });

  it('bounds a range by the organization’s calendar days, where the UTC date is a day off', async () => {
    // Berlin midnight is 23:00 UTC of the day before: the first and last day of March must count, their neighbours not.
    for (const [workingTitle, planning] of [
      ['Februar, letzter Tag', { kind: 'day', date: '2027-02-28' }],
      ['März, erster Tag', { kind: 'day', date: '2027-03-01' }],
      ['März, erste Minute', { kind: 'time', at: '2027-03-01T00:00:00+01:00' }],
      ['März, letzter Tag', { kind: 'day', date: '2027-03-31' }],
      ['April, erste Minute', { kind: 'time', at: '2027-04-01T00:00:00+02:00' }],
      ['April, erster Tag', { kind: 'day', date: '2027-04-01' }],
    ] as const) {
      expect((await posts(editor).create({ workingTitle, planning, variants: [{ channelId, text: workingTitle }] })).status).toBe(201);
    }
    const march = await editor.get<Post[]>(`/api/orgs/${orgId}/posts?from=2027-03-01T00:00:00%2B01:00&to=2027-04-01T00:00:00%2B02:00`);
    expect(march.body.map((p) => p.workingTitle).sort()).toEqual(['März, erste Minute', 'März, erster Tag', 'März, letzter Tag']);
    expect(march.body.map((p) => p.variants)).toEqual(march.body.map((p) => [{ channelId, text: p.workingTitle }]));
    const fromOnly = await editor.get<Post[]>(`/api/orgs/${orgId}/posts?from=2027-04-01T00:00:00%2B02:00`);
    expect(fromOnly.body.map((p) => p.workingTitle).sort()).toEqual(['April, erste Minute', 'April, erster Tag']);
  });

  it("refuses another organization's channel, an unknown topic and a non-member as responsible", async () => {
    const landkreis = await app.organizationId('Landkreis Beispiel');
    const landkreisAdmin = await app.as('admin@landkreis-beispiel.example');
    const foreignChannel = await landkreisAdmin.post<{ id: string }>(`/api/orgs/${landkreis}/channels`, { platform: 'facebook', name: 'Facebook Landkreis', color: '#1877f2' });
    const outsider = (await app.owner.query(`SELECT id FROM users WHERE email = 'admin@landkreis-beispiel.example'`))[0].id;
    const response = await posts(editor).create({
      workingTitle: 'Unzulässig',
      variants: [{ channelId: foreignChannel.body.id, text: null }],
      topicId: '00000000-0000-4000-8000-000000000000',
      responsibleUserId: outsider,
    });
    expect(response.status).toBe(400);
    expect((response.body as unknown as { errors: Array<{ path: string }> }).errors.map((e) => e.path).sort()).toEqual(['responsibleUserId', 'topicId', 'variants.0.channelId']);
  });

  it('validates planning and texts with field messages', async () => {
    const response = await posts(editor).create({ workingTitle: '', planning: { kind: 'time', at: 'morgen früh' } });
    expect(response.status).toBe(400);
    const paths = (response.body as unknown as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['workingTitle', 'planning.at']));
  });

  it('updates channels with optimistic locking and audits planning actions', async () => {
    const renamed = await editor.patch<{ name: string; version: number }>(`/api/orgs/${orgId}/channels/${channelId}`, { version: 1, name: 'Mastodon Rathaus' });
    expect(renamed.body).toMatchObject({ name: 'Mastodon Rathaus', version: 2 });
    expect((await editor.patch(`/api/orgs/${orgId}/channels/${channelId}`, { version: 1, active: false })).status).toBe(409);
    const actions = await app.owner.query(`SELECT DISTINCT action FROM audit_events WHERE organization_id = $1 AND action LIKE ANY(ARRAY['post.%','channel.%','topic.%'])`, [orgId]);
    expect(actions.map((a: { action: string }) => a.action).sort()).toEqual(['channel.created', 'channel.updated', 'post.comment_added', 'post.created', 'post.updated', 'topic.created']);
  });

  it('protects every table that holds organization data with row-level security, and every view with the scope in its condition', async () => {
    const relations: Array<{ table_name: string; rls: boolean; kind: string; definition: string | null }> = await app.owner.query(`
      SELECT c.table_name, cl.relrowsecurity AS rls, cl.relkind AS kind, CASE WHEN cl.relkind = 'v' THEN pg_get_viewdef(cl.oid) END AS definition
        FROM information_schema.columns c JOIN pg_class cl ON cl.relname = c.table_name AND cl.relnamespace = 'public'::regnamespace
       WHERE c.table_schema = 'public' AND c.column_name = 'organization_id'`);
    const tables = relations.filter((r) => r.kind === 'r');
    const withOrganization = tables.map((t) => t.table_name).concat(['organizations']).sort();
    expect(withOrganization).toEqual([...TENANT_TABLES].sort());
    for (const table of tables) expect({ table: table.table_name, rls: table.rls }).toEqual({ table: table.table_name, rls: true });
    // A view reads its tables as their owner, past row-level security: it must keep to the scope itself.
    const views = relations.filter((r) => r.kind === 'v');
    expect(views.map((v) => v.table_name)).toEqual(['text_block_picker_candidates']);
    for (const view of views) expect({ view: view.table_name, scoped: /organization_id = app_current_organization\(\)/.test(view.definition ?? '') }).toEqual({ view: view.table_name, scoped: true });
  });

  it('moves posts between Idee and Entwurf and into the archive, and refuses approval moves by hand', async () => {
    const { body: post } = await posts(editor).create({ workingTitle: 'Sommerferienprogramm', status: 'idea' });
    const move = (client: ApiClient, to: string, version: number) => client.post<Post>(`/api/orgs/${orgId}/posts/${post.id}/status`, { to, version });
    const drafted = await move(editor, 'draft', 1);
    expect(drafted.body).toMatchObject({ status: 'draft', version: 2 });
    expect((await move(editor, 'idea', 1)).status).toBe(409);
    const approved = await move(editor, 'approved', 2);
    expect(approved.status).toBe(422);
    expect((approved.body as unknown as { detail: string }).detail).toContain('„Entwurf“');
    expect((await move(editor, 'archived', 2)).body).toMatchObject({ status: 'archived', version: 3 });
    expect((await move(await app.as('lesen@musterstadt.example'), 'draft', 3)).status).toBe(403);
    // A Fachbereich may not restore someone else's archived post.
    expect((await move(await app.as('fachbereich@musterstadt.example'), 'draft', 3)).status).toBe(403);
    const history = await editor.get<Array<{ version: number; changedFields: string[] }>>(`/api/orgs/${orgId}/posts/${post.id}/versions`);
    expect(history.body[0]).toMatchObject({ version: 3, changedFields: ['status'] });
    const audit = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'post.status_changed' AND object_id = $1 ORDER BY occurred_at`, [post.id]);
    expect(audit.map((a: { details: { from: string; to: string } }) => `${a.details.from}→${a.details.to}`)).toEqual(['idea→draft', 'draft→archived']);
  });

  it('stores the quality findings of what would be published with every save', async () => {
    const bluesky = await editor.post<{ id: string }>(`/api/orgs/${orgId}/channels`, { platform: 'bluesky', name: 'Bluesky Stadt', color: '#1185fe' });
    const created = await posts(editor).create({ workingTitle: 'Zu lang für Bluesky', text: 'A'.repeat(301), variants: [{ channelId: bluesky.body.id, text: null }] });
    const findings = (created.body as unknown as { findings: Array<{ code: string; severity: string; channelId?: string }> }).findings;
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'text-over-limit', severity: 'hard', channelId: bluesky.body.id })]));
    const fixed = await posts(editor).update(created.body.id, { version: 1, text: 'Heute ist #Stadtfest auf dem Marktplatz.' });
    expect((fixed.body as unknown as { findings: unknown[] }).findings).toEqual([]);
    const [stored] = await app.owner.query('SELECT findings FROM posts WHERE id = $1', [created.body.id]);
    expect(stored.findings).toEqual([]);
    const shouting = await posts(editor).update(created.body.id, { version: 2, text: 'Heute ist #stadtfestmusterstadt 🎉🎉🎉' });
    const codes = (shouting.body as unknown as { findings: Array<{ code: string }> }).findings.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['hashtag-not-camel-case', 'emoji-run']));
    const [again] = await app.owner.query('SELECT findings FROM posts WHERE id = $1', [created.body.id]);
    expect(again.findings.map((f: { code: string }) => f.code)).toEqual(codes);
  });
});
