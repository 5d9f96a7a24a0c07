import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Reply {
  id: string;
  body: string;
  state: string;
  delivery: string | null;
  approval: { requestId: string; status: string; comments: Array<{ person: string; kind: string; comment: string }> } | null;
}
interface Item {
  id: string;
  status: string;
  category: string | null;
  version: number;
  firstResponseAt: string | null;
  replyNeedsApproval: boolean;
  replies: Reply[];
  history: Array<{ action: string }>;
}
interface Request {
  id: string;
  status: string;
  subjectType: string;
  contentHash: string;
  currentStepIndex: number | null;
  route: { name: string };
  inboxReply: { itemId: string; replyId: string; body: string; comment: { text: string; category: string } } | null;
}
interface Settings {
  version: number;
  sensitiveCategories: string[];
  officeWeekdays: number[];
  officeStart: string;
  officeEnd: string;
  responseTargetHours: number;
  retentionDays: number;
  departments: string[];
}

/** Replies on sensitive categories go through the Freigabe first (decision 0020). */
describe('Posteingang: Antworten auf sensible Kategorien', () => {
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let community: ApiClient;
  let leitung: ApiClient;
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const userIds: Record<string, string> = {};

  const item = async (id: string) => (await community.get<Item>(url(`/inbox/items/${id}`))).body;
  const complaint = async (text: string, client: ApiClient = community) => {
    const captured = await client.post<Item>(url('/inbox/items'), { authorHandle: '@anna@social.example', authorDisplayName: 'Anna Beispiel', text });
    expect(captured.status).toBe(201);
    const categorised = await client.patch<Item>(url(`/inbox/items/${captured.body.id}/category`), { version: captured.body.version, category: 'complaint' });
    expect(categorised.status).toBe(200);
    return categorised.body;
  };
  const reply = (client: ApiClient, it: Item, body: string) => client.post<Item>(url(`/inbox/items/${it.id}/replies`), { version: it.version, body, delivery: 'copied' });
  const pendingRequestOf = (it: Item) => it.replies.find((r) => r.state === 'in_approval')?.approval?.requestId;
  const decide = (client: ApiClient, request: Request, decision = 'approve', comment: string | null = null) =>
    client.post<Request>(url(`/approval-requests/${request.id}/decisions`), { decision, stepIndex: request.currentStepIndex, contentHash: request.contentHash, comment });

  beforeAll(async () => {
    app = await startTestApp('inboxsensitive', 10);
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, community, leitung] = await Promise.all(['admin', 'community', 'leitung'].map((name) => app.as(`${name}@musterstadt.example`)));
    const members = await admin.get<Array<{ user: { id: string; email: string } }>>(url('/members'));
    for (const member of members.body) userIds[member.user.email.split('@')[0]!] = member.user.id;
    const route = await admin.post(url('/approval-routes'), {
      name: 'Antworten im Posteingang',
      priority: 1,
      conditions: { tags: ['Posteingang'] },
      steps: [{ name: 'Leitung', approvers: { kind: 'users', userIds: [userIds['admin'], userIds['leitung']] }, mode: 'any', due: { kind: 'after_submission', hours: 4 } }],
    });
    expect(route.status).toBe(201);
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets admins mark categories sensitive (audited); others may not', async () => {
    const settings = (await admin.get<Settings>(url('/inbox/settings'))).body;
    const { version, sensitiveCategories: _before, ...rest } = settings;
    expect((await community.request('PUT', url('/inbox/settings'), { body: { ...rest, version, sensitiveCategories: ['complaint'] } })).status).toBe(403);
    const updated = await admin.request<Settings>('PUT', url('/inbox/settings'), { body: { ...rest, version, sensitiveCategories: ['complaint', 'hate'] } });
    expect(updated.status).toBe(200);
    expect(updated.body.sensitiveCategories).toEqual(['complaint', 'hate']);
    expect((await admin.request('PUT', url('/inbox/settings'), { body: { ...rest, version, sensitiveCategories: [] } })).status).toBe(409);
    const audit = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'inbox.sensitive_categories_changed' AND organization_id = $1`, [orgId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({ to: ['complaint', 'hate'] });
  });

  it('does not send a reply on a sensitive category: it becomes an approval request through the matching route', async () => {
    const it = await complaint('Die Baustelle vor meinem Haus ist seit Wochen verwaist. Unmöglich!');
    expect(it.replyNeedsApproval).toBe(true);
    const submitted = await reply(community, it, 'Guten Tag, Frau Beispiel, wir klären das mit dem Tiefbauamt.');
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).not.toBe('answered');
    expect(submitted.body.firstResponseAt).toBeNull();
    expect(submitted.body.replies).toEqual([expect.objectContaining({ state: 'in_approval', delivery: null, approval: expect.objectContaining({ status: 'pending' }) })]);
    const request = (await leitung.get<Request>(url(`/approval-requests/${pendingRequestOf(submitted.body)}`))).body;
    expect(request).toMatchObject({ subjectType: 'inbox_reply', status: 'pending', route: { name: 'Antworten im Posteingang' } });
    expect(request.inboxReply).toMatchObject({ itemId: it.id, body: 'Guten Tag, Frau Beispiel, wir klären das mit dem Tiefbauamt.', comment: { text: expect.stringContaining('verwaist'), category: 'complaint' } });
    const inbox = await leitung.get<{ waitingForMe: Array<{ requestId: string; subjectType: string; inboxItemId: string | null; workingTitle: string }> }>(url('/approvals/inbox'));
    expect(inbox.body.waitingForMe.find((row) => row.requestId === request.id)).toMatchObject({ subjectType: 'inbox_reply', inboxItemId: it.id, workingTitle: 'Antwort an Anna Beispiel' });
    // Not approved: it cannot be sent, not even by hand.
    const early = await community.post(url(`/inbox/items/${it.id}/replies/${submitted.body.replies[0]!.id}/send`), { version: submitted.body.version, delivery: 'copied' });
    expect(early.status).toBe(409);
  });

  it('voids the request when the reply is edited, and sends exactly the approved text once approved', async () => {
    const it = await complaint('Warum wird die Straße schon wieder aufgerissen?');
    const first = (await reply(community, it, 'Erste Fassung der Antwort.')).body;
    const firstRequest = pendingRequestOf(first)!;
    const second = await reply(community, first, 'Zweite Fassung: Wir verlegen neue Wasserleitungen.');
    expect(second.status).toBe(201);
    expect((await leitung.get<Request>(url(`/approval-requests/${firstRequest}`))).body.status).toBe('voided');
    expect(second.body.replies.map((r) => r.state)).toEqual(['withdrawn', 'in_approval']);
    const request = (await leitung.get<Request>(url(`/approval-requests/${pendingRequestOf(second.body)}`))).body;
    // Deciding on the voided request is refused.
    const stale = await leitung.get<Request>(url(`/approval-requests/${firstRequest}`));
    expect((await decide(leitung, stale.body)).status).toBeGreaterThanOrEqual(400);

    const approved = await decide(leitung, request);
    expect(approved.status).toBe(201);
    expect(approved.body.status).toBe('approved');
    const ready = await item(it.id);
    const approvedReply = ready.replies.find((r) => r.state === 'approved')!;
    expect(approvedReply.body).toBe('Zweite Fassung: Wir verlegen neue Wasserleitungen.');
    expect((await community.post(url(`/inbox/items/${it.id}/replies/${approvedReply.id}/send`), { version: ready.version - 1, delivery: 'copied' })).status).toBe(409);
    const sent = await community.post<Item>(url(`/inbox/items/${it.id}/replies/${approvedReply.id}/send`), { version: ready.version, delivery: 'copied' });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('answered');
    expect(sent.body.firstResponseAt).not.toBeNull();
    expect(sent.body.replies.find((r) => r.id === approvedReply.id)).toMatchObject({ state: 'sent', delivery: 'copied', body: approvedReply.body });
    expect(sent.body.history.map((h) => h.action)).toEqual(expect.arrayContaining(['inbox.reply_submitted', 'inbox.replied']));
    // Sent once: a second send is refused.
    expect((await community.post(url(`/inbox/items/${it.id}/replies/${approvedReply.id}/send`), { version: sent.body.version, delivery: 'copied' })).status).toBe(409);
  });

  it('keeps four-eyes: whoever wrote the reply cannot approve it', async () => {
    const it = await complaint('Ihr Amt ist eine Zumutung.', admin);
    const submitted = await reply(admin, it, 'Das tut uns leid. Wir melden uns.');
    expect(submitted.status).toBe(201);
    const request = (await leitung.get<Request>(url(`/approval-requests/${pendingRequestOf(submitted.body)}`))).body;
    expect((await decide(admin, request)).status).toBe(403);
    expect((await decide(community, request)).status).toBe(403);
    expect((await item(it.id)).replies[0]!.state).toBe('in_approval');
  });

  it('shows the comment when leadership asks for changes', async () => {
    const it = await complaint('Seit drei Wochen keine Antwort vom Bürgerbüro!');
    const submitted = (await reply(community, it, 'Das stimmt nicht.')).body;
    const request = (await leitung.get<Request>(url(`/approval-requests/${pendingRequestOf(submitted)}`))).body;
    const returned = await decide(leitung, request, 'request_changes', 'Bitte freundlicher und mit Rückrufangebot.');
    expect(returned.status).toBe(201);
    const after = await item(it.id);
    expect(after.replies[0]).toMatchObject({ state: 'changes_requested', approval: { status: 'changes_requested', comments: [expect.objectContaining({ comment: 'Bitte freundlicher und mit Rückrufangebot.' })] } });
    expect(after.status).not.toBe('answered');
  });

  it('sends directly on a category that is not sensitive', async () => {
    const captured = (await community.post<Item>(url('/inbox/items'), { authorHandle: '@bert', text: 'Wann hat das Bürgerbüro offen?' })).body;
    const question = (await community.patch<Item>(url(`/inbox/items/${captured.id}/category`), { version: captured.version, category: 'question' })).body;
    expect(question.replyNeedsApproval).toBe(false);
    const sent = await reply(community, question, 'Mo–Fr 8–16 Uhr.');
    expect(sent.body.status).toBe('answered');
    expect(sent.body.replies[0]).toMatchObject({ state: 'sent', approval: null });
  });

  describe('routing rules and placeholders (settings pages)', () => {
    interface Rule { id: string; position: number; keyword: string | null; version: number }
    interface Problem { status: number; errors?: Array<{ path: string; message: string }> }
    const paths = (body: Problem) => (body.errors ?? []).map((e) => e.path);

    it('validates rules per field, refuses stale edits (409) and lets only admins change them', async () => {
      await app.owner.query('DELETE FROM inbox_routing_rules WHERE organization_id = $1', [orgId]);
      expect(paths((await admin.post<Problem>(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: '', category: 'question' })).body)).toEqual(['keyword']);
      expect(paths((await admin.post<Problem>(url('/inbox/routing-rules'), { matchKind: 'channel', category: 'question' })).body)).toEqual(['channelId']);
      expect(paths((await admin.post<Problem>(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'Kita' })).body)).toEqual(['category']);
      const created = await admin.post<Rule>(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'Kita', category: 'question', department: 'Jugendamt' });
      expect(created.status).toBe(201);
      expect((await community.post(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'x', category: 'spam' })).status).toBe(403);
      expect((await community.get<Rule[]>(url('/inbox/routing-rules'))).status).toBe(200);
      const edited = await admin.request<Rule>('PUT', url(`/inbox/routing-rules/${created.body.id}`), { body: { matchKind: 'keyword', keyword: 'Kindergarten', category: 'question', version: 1 } });
      expect(edited.body).toMatchObject({ keyword: 'Kindergarten', version: 2 });
      expect((await admin.request('PUT', url(`/inbox/routing-rules/${created.body.id}`), { body: { matchKind: 'keyword', keyword: 'Krippe', category: 'question', version: 1 } })).status).toBe(409);
      expect((await community.request('PUT', url(`/inbox/routing-rules/${created.body.id}`), { body: { matchKind: 'keyword', keyword: 'Krippe', category: 'question', version: 2 } })).status).toBe(403);
      expect((await community.delete(url(`/inbox/routing-rules/${created.body.id}`))).status).toBe(403);
    });

    it('reorders rules (the whole list, else 409; audited)', async () => {
      const second = await admin.post<Rule>(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'Müll', category: 'question' });
      const third = await admin.post<Rule>(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'Hass', category: 'hate' });
      const before = (await admin.get<Rule[]>(url('/inbox/routing-rules'))).body;
      const order = [third.body.id, before[0]!.id, second.body.id];
      expect((await community.request('PUT', url('/inbox/routing-rules/order'), { body: { ruleIds: order } })).status).toBe(403);
      const reordered = await admin.request<Rule[]>('PUT', url('/inbox/routing-rules/order'), { body: { ruleIds: order } });
      expect(reordered.status).toBe(200);
      expect(reordered.body.map((r) => r.id)).toEqual(order);
      expect(reordered.body.map((r) => r.position)).toEqual([1, 2, 3]);
      // A list that misses a rule (made before someone added one) is stale.
      expect((await admin.request('PUT', url('/inbox/routing-rules/order'), { body: { ruleIds: order.slice(0, 2) } })).status).toBe(409);
      const audit = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'inbox.routing_rules_reordered' AND organization_id = $1`, [orgId]);
      expect(audit).toEqual([{ details: { ruleIds: order } }]);
    });

    it('manages own placeholders: validation per field, 409, admins only, audited', async () => {
      interface TbSettings { version: number; addressForm: string; placeholders: Array<{ key: string; label: string; defaultValue: string | null }> }
      const current = (await admin.get<TbSettings>(url('/text-block-settings'))).body;
      const builtIn = await admin.patch<Problem>(url('/text-block-settings'), { version: current.version, placeholders: [{ key: 'name', label: 'Name', defaultValue: null }] });
      expect(builtIn.status).toBe(400);
      expect(paths(builtIn.body)).toEqual(['placeholders.0.key']);
      const badKey = await admin.patch<Problem>(url('/text-block-settings'), { version: current.version, placeholders: [{ key: 'Telefon Nr', label: 'Telefon', defaultValue: null }] });
      expect(paths(badKey.body)).toEqual(['placeholders.0.key']);
      const placeholders = [...current.placeholders.filter((p) => p.key !== 'buergerbuero'), { key: 'buergerbuero', label: 'Bürgerbüro', defaultValue: 'Marktplatz 1' }];
      expect((await community.patch(url('/text-block-settings'), { version: current.version, placeholders })).status).toBe(403);
      const saved = await admin.patch<TbSettings>(url('/text-block-settings'), { version: current.version, placeholders });
      expect(saved.status).toBe(200);
      expect(saved.body.placeholders).toContainEqual({ key: 'buergerbuero', label: 'Bürgerbüro', defaultValue: 'Marktplatz 1' });
      expect((await admin.patch(url('/text-block-settings'), { version: current.version, placeholders: [] })).status).toBe(409);
      const audit = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'text_block_settings.updated' AND organization_id = $1`, [orgId]);
      expect(audit.at(-1).details.placeholders).toContain('buergerbuero');
    });
  });
});
