import { InboxRetention } from '../../src/inbox/inbox-retention';
import { ApiClient } from '../support/api-client';
import { MastodonStandIn } from '../support/mastodon-stand-in';
import { startTestApp, TestApp } from '../support/test-app';

interface Item {
  id: string;
  status: string;
  category: string | null;
  priority: string;
  department: string | null;
  assignee: { id: string } | null;
  responseDueAt: string;
  firstResponseAt: string | null;
  version: number;
  canReplyViaMastodon: boolean;
  history: Array<{ action: string }>;
  replies: Array<{ body: string; delivery: string; externalId: string | null; textBlockVersionId: string | null; state: string }>;
  evidence: Array<{ id: string; strafantragDeadline: string; knowledgeDate: string; legalHold: boolean }>;
}
/** InboxItemSummary's fields in the contract's order. */
const SUMMARY_FIELDS = ['id', 'kind', 'channel', 'authorHandle', 'authorDisplayName', 'text', 'receivedAt', 'category', 'priority', 'status', 'assignee', 'department', 'responseDueAt', 'firstResponseAt', 'version'];
interface Problem {
  status: number;
  errors?: Array<{ path: string; message: string }>;
}

describe('Posteingang', () => {
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let community: ApiClient;
  let fachbereich: ApiClient;
  let mastodon: string;
  let communityId: string;
  let fachbereichId: string;
  const standIn = new MastodonStandIn();
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const capture = async (body: Record<string, unknown>) => {
    const response = await community.post<Item>(url('/inbox/items'), { authorHandle: '@buerger@social.example', ...body });
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    const instance = await standIn.start();
    app = await startTestApp('inbox', 9);
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, community, fachbereich] = await Promise.all(['admin', 'community', 'fachbereich'].map((name) => app.as(`${name}@musterstadt.example`)));
    mastodon = (await admin.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Test', color: '#6364ff' })).body.id;
    expect((await admin.request('PUT', url(`/channels/${mastodon}/credentials`), { body: { instanceUrl: instance, accessToken: 'stand-in-token-0123456789' } })).status).toBe(200);
    const ids: Array<{ id: string; email: string }> = await app.owner.query(`SELECT id, email FROM users WHERE email IN ('community@musterstadt.example', 'fachbereich@musterstadt.example')`);
    communityId = ids.find((u) => u.email.startsWith('community'))!.id;
    fachbereichId = ids.find((u) => u.email.startsWith('fachbereich'))!.id;
  });
  afterAll(async () => {
    await app.close();
    await standIn.stop();
  });

  it('routes an item on arrival by keyword and by channel', async () => {
    await app.owner.query(`DELETE FROM inbox_routing_rules WHERE organization_id = $1`, [orgId]);
    const keyword = await admin.post(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'Sperrmüll', category: 'question', department: 'Abfallwirtschaft' });
    expect(keyword.status).toBe(201);
    const channel = await admin.post(url('/inbox/routing-rules'), { matchKind: 'channel', channelId: mastodon, assigneeUserId: communityId, category: 'other' });
    expect(channel.status).toBe(201);
    expect((await community.post(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'x', category: 'spam' })).status).toBe(403);

    const routed = await capture({ channelId: mastodon, text: 'Wann ist die nächste SPERRMUELL-Abholung?' });
    expect(routed).toMatchObject({ category: 'question', department: 'Abfallwirtschaft', status: 'assigned', assignee: { id: communityId } });
    const unrouted = await capture({ text: 'Danke für die schnelle Hilfe!' });
    expect(unrouted).toMatchObject({ category: null, department: null, status: 'new', assignee: null });
    expect(routed.history.map((h) => h.action)).toEqual(['inbox.item_captured']);
  });

  it('sets the due time in office hours across a weekend and holidays', async () => {
    const settings = (await admin.get<{ version: number }>(url('/inbox/settings'))).body;
    const updated = await admin.request('PUT', url('/inbox/settings'), {
      body: { version: settings.version, officeWeekdays: [1, 2, 3, 4, 5], officeStart: '08:00', officeEnd: '16:00', responseTargetHours: 8, retentionDays: 180, departments: ['Abfallwirtschaft', 'Tiefbau'] },
    });
    expect(updated.status).toBe(200);
    // Thursday 24 Dec 2026, 15:00 in Berlin: one office hour that day; 25 Dec (holiday in NRW) and the weekend do not count.
    const item = await capture({ text: 'Hat das Bürgerbüro zwischen den Jahren offen?', receivedAt: '2026-12-24T15:00:00+01:00' });
    expect(item.responseDueAt).toBe('2026-12-28T14:00:00.000Z');
  });

  it('refuses a stale write with 409 and an impossible move with 409', async () => {
    const item = await capture({ text: 'Frage zur Baustelle in der Hauptstraße' });
    const first = await community.request<Item>('PATCH', url(`/inbox/items/${item.id}/category`), { body: { version: item.version, category: 'question' } });
    expect(first.status).toBe(200);
    const stale = await community.request<Problem>('PATCH', url(`/inbox/items/${item.id}/category`), { body: { version: item.version, category: 'complaint' } });
    expect(stale.status).toBe(409);
    const closed = await community.request<Item>('PATCH', url(`/inbox/items/${item.id}/status`), { body: { version: first.body.version, status: 'closed_without_reply' } });
    expect(closed.status).toBe(200);
    const escalate = await community.request<Problem>('PATCH', url(`/inbox/items/${item.id}/status`), { body: { version: closed.body.version, status: 'escalated' } });
    expect(escalate.status).toBe(409);
  });

  it('forwards to a department whose draft comms reviews and sends; the Fachbereich sees only its items', async () => {
    const item = await capture({ text: 'Wie lange ist die Hauptstraße noch gesperrt?' });
    const other = await capture({ text: 'Ein anderer Kommentar' });
    const forwarded = await community.post<Item>(url(`/inbox/items/${item.id}/forward`), { version: item.version, department: 'Tiefbau', departmentUserId: fachbereichId, note: 'Bitte Stand der Bauarbeiten' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.status).toBe('with_department');
    const list = await fachbereich.get<{ items: Array<{ id: string }> }>(url('/inbox/items'));
    expect(list.body.items.map((i) => i.id)).toEqual([item.id]);
    expect((await fachbereich.get(url(`/inbox/items/${other.id}`))).status).toBe(404);
    expect((await fachbereich.post(url(`/inbox/items/${item.id}/replies`), { version: forwarded.body.version, body: 'x', delivery: 'copied' })).status).toBe(403);
    const drafted = await fachbereich.post<Item>(url(`/inbox/items/${item.id}/department-draft`), { version: forwarded.body.version, body: 'Die Sperrung dauert bis Freitag.' });
    expect(drafted.status).toBe(200);
    expect(drafted.body).toMatchObject({ status: 'assigned', replies: [{ state: 'draft', body: 'Die Sperrung dauert bis Freitag.' }] });
    const sent = await community.post<Item>(url(`/inbox/items/${item.id}/replies`), { version: drafted.body.version, body: 'Guten Tag, die Sperrung dauert bis Freitag.', delivery: 'copied' });
    expect(sent.status).toBe(201);
    expect(sent.body.status).toBe('answered');
    expect(sent.body.firstResponseAt).not.toBeNull();
  });

  it('blocks a reply with an unfilled placeholder and records the text block version', async () => {
    const item = await capture({ text: 'Wann hat das Bürgerbüro offen?' });
    const blocked = await community.post<Problem>(url(`/inbox/items/${item.id}/replies`), { version: item.version, body: 'Hallo {{name}}, Mo–Fr 8–16 Uhr.', delivery: 'copied' });
    expect(blocked.status).toBe(400);
    expect(blocked.body.errors?.[0]).toMatchObject({ path: 'body', message: expect.stringContaining('{{name}}') });
    const textBlockVersionId = '0b6f3a0e-4a58-4b8e-9d55-1b2f3c4d5e6f';
    const sent = await community.post<Item>(url(`/inbox/items/${item.id}/replies`), { version: item.version, body: 'Hallo, Mo–Fr 8–16 Uhr.', delivery: 'copied', textBlockVersionId });
    expect(sent.status).toBe(201);
    expect(sent.body.replies).toEqual([expect.objectContaining({ delivery: 'copied', textBlockVersionId, externalId: null })]);
  });

  it('answers a Mastodon item as a real reply with in_reply_to_id and an Idempotency-Key', async () => {
    const [row]: Array<{ id: string }> = await app.owner.query(
      `INSERT INTO inbox_items (organization_id, kind, channel_id, source, external_id, external_status_id, author_handle, text, received_at, response_due_at)
       VALUES ($1, 'mention', $2, 'mastodon', 'n-1', '555', '@anna@social.example', 'Wo finde ich den Abfallkalender?', now(), now()) RETURNING id`,
      [orgId, mastodon],
    );
    const item = (await community.get<Item>(url(`/inbox/items/${row.id}`))).body;
    expect(item.canReplyViaMastodon).toBe(true);
    const sent = await community.post<Item>(url(`/inbox/items/${item.id}/replies`), { version: item.version, body: '@anna Hier: https://www.musterstadt.example/abfall', delivery: 'mastodon' });
    expect(sent.status).toBe(201);
    const request = standIn.statuses.at(-1)!;
    expect(JSON.parse(request.raw)).toMatchObject({ status: '@anna Hier: https://www.musterstadt.example/abfall', in_reply_to_id: '555' });
    expect(request.idempotencyKey).toBe(`inbox-reply_${item.id}_${item.version}`);
    expect(sent.body.replies[0]).toMatchObject({ delivery: 'mastodon', externalId: expect.any(String) });
    const manual = await capture({ text: 'Ohne Kanal' });
    expect((await community.post(url(`/inbox/items/${manual.id}/replies`), { version: manual.version, body: 'Hallo', delivery: 'mastodon' })).status).toBe(422);
  });

  it('secures evidence of a hate comment, locks it against edits and exports the report', async () => {
    const item = await capture({ text: 'Ihr seid alle [Beleidigung]!', authorProfileUrl: 'https://social.example/@hater', permalink: 'https://social.example/@hater/1' });
    const categorised = await community.request<Item>('PATCH', url(`/inbox/items/${item.id}/category`), { body: { version: item.version, category: 'hate' } });
    expect(categorised.body.priority).toBe('high');
    const secured = await community.post<Item>(url(`/inbox/items/${item.id}/evidence`), { context: 'Unter dem Beitrag zum Weihnachtsmarkt', knowledgeDate: '2026-11-30' });
    expect(secured.status).toBe(201);
    const evidence = secured.body.evidence[0];
    expect(evidence).toMatchObject({ knowledgeDate: '2026-11-30', strafantragDeadline: '2027-02-28', legalHold: true });
    await expect(app.owner.query(`UPDATE inbox_evidence SET text = 'geändert' WHERE id = $1`, [evidence.id])).rejects.toThrow(/locked against edits/);
    await expect(app.owner.query(`DELETE FROM inbox_evidence WHERE id = $1`, [evidence.id])).rejects.toThrow(/legal hold/);
    const pdf = await community.request<string>('GET', url(`/inbox/items/${item.id}/evidence/${evidence.id}/report.pdf`));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    const hidden = await community.post<Item & { moderation: { netiquetteRule: string } }>(url(`/inbox/items/${item.id}/moderation`), { version: secured.body.version, action: 'hide', netiquetteRule: 'Nr. 2: keine Beleidigungen' });
    expect(hidden.body).toMatchObject({ status: 'hidden', moderation: { action: 'hide', netiquetteRule: 'Nr. 2: keine Beleidigungen' } });
  });

  it('imports a CSV file, reporting row errors and skipping duplicates', async () => {
    const csv = [
      'autor;text;empfangen;kanal;art;externe_id',
      '@a;Wann kommt die Biotonne?;07.12.2026 09:30;Mastodon Test;Kommentar;csv-1',
      '@b;;07.12.2026 09:31;;Kommentar;',
      '@c;Lob an das Team;gestern;;Kommentar;',
      '@d;Doppelt;07.12.2026 09:32;Mastodon Test;Kommentar;csv-1',
      '@e;Unbekannter Kanal;07.12.2026 09:33;Facebook Nirgendwo;Kommentar;',
    ].join('\n');
    const result = await community.post<{ created: number; duplicates: number; errors: Array<{ row: number }> }>(url('/inbox/items/import'), { csv });
    expect(result.status).toBe(200);
    expect(result.body.created).toBe(1);
    expect(result.body.duplicates).toBe(1);
    expect(result.body.errors.map((e) => e.row)).toEqual([3, 4, 6]);
    const [imported] = await app.owner.query(`SELECT received_at FROM inbox_items WHERE external_id = 'csv-1'`);
    expect(new Date(imported.received_at).toISOString()).toBe('2026-12-07T08:30:00.000Z');
  });

  it('anonymises commenters after the retention period, keeps evidence under legal hold, and audits the run', async () => {
    const old = await capture({ text: 'Alte Frage von Herrn Mustermann', authorDisplayName: 'Max Mustermann', receivedAt: '2025-01-10T10:00:00+01:00' });
    await community.post(url(`/inbox/items/${old.id}/notes`), { body: 'Herr Mustermann hat auch angerufen' });
    const held = await capture({ text: 'Alter Hasskommentar', authorDisplayName: 'Hass Person', receivedAt: '2025-01-11T10:00:00+01:00' });
    expect((await community.post(url(`/inbox/items/${held.id}/evidence`), { context: 'alt' })).status).toBe(201);
    await app.startWorker();
    // The worker's start enqueues the day's run as well: whichever comes first anonymises, the other finds nothing left.
    await app.worker!.get(InboxRetention).run();
    const [gone] = await app.owner.query(`SELECT author_handle, author_display_name, text, personal_data_removed_at FROM inbox_items WHERE id = $1`, [old.id]);
    expect(gone).toMatchObject({ author_handle: 'gelöscht', author_display_name: null, text: '[nach Ablauf der Aufbewahrungsfrist gelöscht]' });
    expect(gone.personal_data_removed_at).not.toBeNull();
    expect(await app.owner.query(`SELECT 1 FROM inbox_notes WHERE item_id = $1`, [old.id])).toHaveLength(0);
    const [kept] = await app.owner.query(`SELECT author_display_name, text FROM inbox_items WHERE id = $1`, [held.id]);
    expect(kept).toEqual({ author_display_name: 'Hass Person', text: 'Alter Hasskommentar' });
    const runs: Array<{ details: { anonymised: number } }> = await app.owner.query(
      `SELECT details FROM audit_events WHERE organization_id = $1 AND action = 'inbox.retention_run'`,
      [orgId],
    );
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.reduce((sum, run) => sum + run.details.anonymised, 0)).toBeGreaterThanOrEqual(1);
    for (const run of runs) expect(run.details).toMatchObject({ keptUnderLegalHold: 1, retentionDays: 180 });
    const detail = (await community.get<{ personalDataRemoved: boolean }>(url(`/inbox/items/${old.id}`))).body;
    expect(detail.personalDataRemoved).toBe(true);
  });

  it('lists with filters and keyset pages', async () => {
    const first = await community.get<{ items: Array<{ id: string }>; nextCursor: string | null }>(url('/inbox/items?limit=2&status=open'));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await community.get<{ items: Array<{ id: string }> }>(url(`/inbox/items?limit=2&status=open&after=${first.body.nextCursor}`));
    expect(second.body.items.map((i) => i.id)).not.toContain(first.body.items[0].id);
    expect(first.body.nextCursor).toBe(Buffer.from(`${(first.body.items[1] as unknown as { receivedAt: string }).receivedAt}|${first.body.items[1].id}`).toString('base64url'));
    const search = await community.get<{ items: Array<{ id: string }> }>(url('/inbox/items?q=kommt%20die%20Biotonne'));
    expect(search.body.items).toHaveLength(1);
    // Every summary in the list is the item's detail cut to the summary's fields, in the contract's order.
    const all = (await admin.get<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>(url('/inbox/items?limit=100'))).body;
    expect(all.nextCursor).toBeNull();
    expect(all.items.some((i) => i['channel'] !== null && i['assignee'] !== null)).toBe(true);
    expect(all.items.some((i) => i['firstResponseAt'] !== null)).toBe(true);
    for (const listed of all.items) {
      const detail = (await admin.get<Record<string, unknown>>(url(`/inbox/items/${String(listed['id'])}`))).body;
      expect(JSON.stringify(listed)).toBe(JSON.stringify(Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, detail[field]]))));
    }
    // The Fachbereich lists only what was forwarded to it.
    const forwarded = (await fachbereich.get<{ items: Array<{ id: string }> }>(url('/inbox/items?limit=100'))).body.items;
    expect(forwarded.length).toBeGreaterThan(0);
    for (const { id } of forwarded) expect((await admin.get<{ departmentUser: { id: string } | null }>(url(`/inbox/items/${id}`))).body.departmentUser?.id).toBe(fachbereichId);
    const dashboard = await community.get<{ openByAge: unknown[]; weeks: unknown[] }>(url('/inbox/dashboard'));
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.weeks).toHaveLength(8);
  });
});
