import { ApiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

interface Request {
  id: string;
  postId: string;
  status: string;
  contentHash: string;
  content: { channels: Array<{ channelId: string; text: string }> };
  myDecision: { allowed: boolean; reason: string | null };
}
interface Post {
  id: string;
  version: number;
  status: string;
}
interface PreviousSeen {
  previous: null | {
    requestId: string;
    decision: string;
    comment: string | null;
    contentHash: string;
    content: { channels: Array<{ channelId: string; text: string }> };
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString();

describe('Freigabe: a request by its id, and the content an approver saw last time', () => {
  let app: TestApp;
  let orgId: string;
  let editor: ApiClient;
  let leitung: ApiClient;
  let admin: ApiClient;
  let mastodon: string;
  const url = (path: string) => `/api/orgs/${orgId}${path}`;

  beforeAll(async () => {
    app = await startTestApp('approvaldiff', 3);
    orgId = await app.organizationId('Stadt Musterstadt');
    [editor, leitung, admin] = await Promise.all(['redaktion', 'leitung', 'admin'].map((name) => app.as(`${name}@musterstadt.example`)));
    mastodon = (await editor.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
  });
  afterAll(() => app.close());

  it('reads a request by id and answers the previous round this approver decided on, per person', async () => {
    const created = await editor.post<Post>(url('/posts'), {
      workingTitle: 'Stadtfest',
      text: 'Samstag ist Stadtfest.',
      variants: [{ channelId: mastodon, text: null }],
      planning: { kind: 'time', at: inDays(5) },
    });
    expect(created.status).toBe(201);
    const first = await editor.post<Request>(url(`/posts/${created.body.id}/submit`), { version: created.body.version });
    expect(first.status).toBe(201);

    const read = await leitung.get<Request>(url(`/approval-requests/${first.body.id}`));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: first.body.id, postId: created.body.id, status: 'pending', myDecision: { allowed: true, reason: null } });
    expect((await leitung.get<PreviousSeen>(url(`/approval-requests/${first.body.id}/previous-seen`))).body).toEqual({ previous: null });
    // The inbox names the submitted channels, so the list can show them without reading each request.
    const inbox = await leitung.get<{ waitingForMe: Array<{ requestId: string; channelIds: string[] }> }>(url('/approvals/inbox'));
    expect(inbox.body.waitingForMe).toEqual([expect.objectContaining({ requestId: first.body.id, channelIds: [mastodon] })]);

    const asked = await leitung.post<Request>(url(`/approval-requests/${first.body.id}/decisions`), {
      decision: 'request_changes',
      stepIndex: 1,
      contentHash: first.body.contentHash,
      comment: 'Bitte die Uhrzeit nennen.',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('changes_requested');

    const post = (await editor.get<Post>(url(`/posts/${created.body.id}`))).body;
    const edited = await editor.patch<Post>(url(`/posts/${post.id}`), { version: post.version, text: 'Samstag ab 14 Uhr ist Stadtfest.' });
    expect(edited.status).toBe(200);
    const second = await editor.post<Request>(url(`/posts/${post.id}/submit`), { version: edited.body.version });
    expect(second.status).toBe(201);

    const seen = await leitung.get<PreviousSeen>(url(`/approval-requests/${second.body.id}/previous-seen`));
    expect(seen.status).toBe(200);
    expect(seen.body.previous).toMatchObject({
      requestId: first.body.id,
      decision: 'request_changes',
      comment: 'Bitte die Uhrzeit nennen.',
      contentHash: first.body.contentHash,
      content: { channels: [{ channelId: mastodon, text: 'Samstag ist Stadtfest.' }] },
    });
    expect(second.body.content.channels).toEqual([{ channelId: mastodon, text: 'Samstag ab 14 Uhr ist Stadtfest.' }]);
    // Someone who did not decide the first round has nothing to compare with.
    expect((await admin.get<PreviousSeen>(url(`/approval-requests/${second.body.id}/previous-seen`))).body).toEqual({ previous: null });
    // The first round never compares with itself or with a later one.
    expect((await leitung.get<PreviousSeen>(url(`/approval-requests/${first.body.id}/previous-seen`))).body).toEqual({ previous: null });
  });

  it('answers 404 for unknown ids, ids that are no UUID and requests of another organization', async () => {
    expect((await leitung.get(url('/approval-requests/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await leitung.get(url('/approval-requests/kein-uuid/previous-seen'))).status).toBe(404);
    const landkreis = await app.organizationId('Landkreis Beispiel');
    const [{ id }] = await app.owner.query('SELECT id FROM approval_requests WHERE organization_id = $1 LIMIT 1', [orgId]);
    const outsider = await app.as('redaktion@landkreis-beispiel.example');
    expect((await outsider.get(`/api/orgs/${landkreis}/approval-requests/${id}`)).status).toBe(404);
    expect((await outsider.get(`/api/orgs/${landkreis}/approval-requests/${id}/previous-seen`)).status).toBe(404);
  });
});
