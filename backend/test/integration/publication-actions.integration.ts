import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';
import { MastodonStandIn } from '../support/mastodon-stand-in';
import { startTestApp, TestApp } from '../support/test-app';
import { sleep, waitFor } from '../support/wait';

interface Post {
  id: string;
  status: string;
  version: number;
}
interface Request {
  id: string;
  contentHash: string;
  status: string;
}
interface Publication {
  id: string;
  status: string;
  error: string | null;
  settledBy: { id: string } | null;
  attempts: Array<{ attempt: number; outcome: string | null }>;
}
interface Publications {
  postStatus: string;
  publications: Publication[];
}
interface Problem {
  status: number;
  detail?: string;
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Redis 15, like publishing.integration.ts (every database is taken by a test file; the
 * integration run is serial and each file flushes its database first).
 */
const REDIS_DB = 15;

describe('A person sends a publication back: "Jetzt doch veröffentlichen" and "Erneut versuchen"', () => {
  let app: TestApp;
  let orgId: string;
  let editor: ApiClient;
  let leitung: ApiClient;
  let mastodon: string;
  let admin: ApiClient;
  const standIn = new MastodonStandIn();

  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const publicationsOf = async (postId: string) => (await editor.get<Publications>(url(`/posts/${postId}/publications`))).body;
  const action = (postId: string, name: 'publish-late' | 'retry', client = editor) =>
    client.post<Publications & Problem>(url(`/posts/${postId}/publications/${mastodon}/${name}`), {});
  const sentWith = (text: string) => standIn.statuses.filter((s) => s.status === text);

  async function publicationReaches(postId: string, status: string): Promise<Publications> {
    return waitFor(`publication ${status}`, async () => {
      const view = await publicationsOf(postId);
      return view.publications[0]?.status === status ? view : null;
    });
  }

  /** Created by the Redaktion and approved by the Leitung, planned at `plannedAt`, on the Mastodon channel. */
  async function approvedPost(text: string, plannedAt: string): Promise<Post> {
    const created = await editor.post<Post>(url('/posts'), {
      workingTitle: `Beitrag ${randomUUID().slice(0, 6)}`,
      text,
      variants: [{ channelId: mastodon, text: null }],
      planning: { kind: 'time', at: plannedAt },
    });
    expect(created.status).toBe(201);
    const submitted = await editor.post<Request>(url(`/posts/${created.body.id}/submit`), { version: created.body.version });
    expect(submitted.status).toBe(201);
    const decided = await leitung.post<Request>(url(`/approval-requests/${submitted.body.id}/decisions`), {
      decision: 'approve',
      stepIndex: 1,
      contentHash: submitted.body.contentHash,
    });
    expect(decided.body.status).toBe('approved');
    return created.body;
  }

  /** A post whose one channel failed for good (the platform refused it with a 422). */
  async function failedPost(text: string): Promise<Post> {
    standIn.behaviours.push({ kind: 'refuse', status: 422 });
    const post = await approvedPost(text, inMs(1500));
    // The worker fails the publication and the post in one commit, and the view reads both in one snapshot.
    const view = await publicationReaches(post.id, 'failed');
    expect(view.postStatus).toBe('failed');
    return post;
  }

  beforeAll(async () => {
    const instance = await standIn.start();
    app = await startTestApp('publicationactions', REDIS_DB, { environment: { PUBLISH_REQUEST_TIMEOUT_SECONDS: '2' } });
    orgId = await app.organizationId('Stadt Musterstadt');
    admin = await app.as('admin@musterstadt.example');
    [editor, leitung] = await Promise.all([app.as('redaktion@musterstadt.example'), app.as('leitung@musterstadt.example')]);
    mastodon = (await editor.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
    const connected = await admin.request('PUT', url(`/channels/${mastodon}/credentials`), { body: { instanceUrl: instance, accessToken: 'stand-in-token-0123456789' } });
    expect(connected.status).toBe(200);
    await app.startWorker();
  });
  afterAll(async () => {
    await app.close();
    await standIn.stop();
  });

  it('publishes a missed post late after all, once, even when the button is pressed twice at the same moment', async () => {
    const post = await approvedPost('Verpasst, aber noch wichtig', new Date(Date.now() - 2 * 60 * 60_000 - 60_000).toISOString());
    await publicationReaches(post.id, 'missed');
    const reader = await app.as('lesen@musterstadt.example');
    expect((await action(post.id, 'publish-late', reader)).status).toBe(403);
    expect((await action(post.id, 'retry')).status).toBe(422);

    const [first, second] = await Promise.all([action(post.id, 'publish-late'), action(post.id, 'publish-late')]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const conflict = first.status === 409 ? first : second;
    expect(conflict.body.detail).toContain('inzwischen geändert');
    const accepted = first.status === 200 ? first : second;
    expect(accepted.body.publications[0]).toMatchObject({ status: 'pending', settledBy: { id: expect.any(String) } });

    const done = await publicationReaches(post.id, 'published');
    expect(done.postStatus).toBe('published');
    await sleep(500);
    expect(sentWith('Verpasst, aber noch wichtig')).toHaveLength(1);
    const audited = await app.owner.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'publication.published_late' AND object_id = $1`, [
      done.publications[0]!.id,
    ]);
    expect(audited).toEqual([{ actor_user_id: expect.any(String), details: expect.objectContaining({ from: 'missed', to: 'pending' }) }]);
    expect((await action(post.id, 'publish-late')).status).toBe(409);
  });

  it('tries a failed post again with the same Idempotency-Key; the post is scheduled again until it is out', async () => {
    const post = await failedPost('Beim ersten Mal abgelehnt');
    expect((await action(post.id, 'publish-late')).status).toBe(422);
    const retried = await action(post.id, 'retry');
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ postStatus: 'scheduled', publications: [{ status: 'pending', error: null }] });

    const done = await publicationReaches(post.id, 'published');
    expect(done.postStatus).toBe('published');
    expect(done.publications[0]!.attempts.map((a) => a.outcome)).toEqual(['failed_permanent', 'published']);
    const sent = sentWith('Beim ersten Mal abgelehnt');
    expect(sent.map((s) => s.answer.kind)).toEqual(['refuse', 'accept']);
    expect(sent[0]!.idempotencyKey).toBe(sent[1]!.idempotencyKey);
    const audited = await app.owner.query(`SELECT id FROM audit_events WHERE action = 'publication.retried' AND object_id = $1`, [done.publications[0]!.id]);
    expect(audited).toHaveLength(1);
  });

  it('refuses during a Kommunikationsstopp and leaves the publication failed', async () => {
    const post = await failedPost('Im Stopp nicht erneut');
    await app.owner.query(`UPDATE organizations SET communication_stop = true WHERE id = $1`, [orgId]);
    try {
      const refused = await action(post.id, 'retry');
      expect(refused.status).toBe(422);
      expect(refused.body.detail).toContain('Kommunikationsstopp');
    } finally {
      await app.owner.query(`UPDATE organizations SET communication_stop = false WHERE id = $1`, [orgId]);
    }
    expect((await publicationsOf(post.id)).publications[0]!.status).toBe('failed');
    expect(sentWith('Im Stopp nicht erneut')).toHaveLength(1);
  });

  it('refuses when the approval no longer holds for the content', async () => {
    const post = await failedPost('Freigabe gilt nicht mehr');
    await app.owner.query(`UPDATE posts SET text = 'Untergeschoben' WHERE id = $1`, [post.id]);
    const changed = await action(post.id, 'retry');
    expect(changed.status).toBe(422);
    expect(changed.body.detail).toContain('nach der Freigabe geändert');

    await app.owner.query(`UPDATE posts SET text = 'Freigabe gilt nicht mehr' WHERE id = $1`, [post.id]);
    await app.owner.query(`UPDATE approval_requests SET status = 'voided' WHERE post_id = $1`, [post.id]);
    const voided = await action(post.id, 'retry');
    expect(voided.status).toBe(422);
    expect(voided.body.detail).toBe('Freigabe fehlt.');
    expect((await publicationsOf(post.id)).publications[0]!.status).toBe('failed');
    expect(sentWith('Freigabe gilt nicht mehr')).toHaveLength(1);
  });

  it('answers 404 for a channel without a publication', async () => {
    const post = await failedPost('Anderer Kanal');
    const response = await editor.post<Problem>(url(`/posts/${post.id}/publications/${randomUUID()}/retry`), {});
    expect(response.status).toBe(404);
  });

  it('shows the post and its publication from one moment while the worker commits beside the reading', async () => {
    const post = await approvedPost('Gelesen, während sich der Status ändert', inMs(1500));
    expect(await publicationReaches(post.id, 'published')).toMatchObject({ postStatus: 'published' });
    // What the worker does when a post goes out: the publication and the post in one commit, here back and forth.
    const pairs = [
      { post: 'published', publication: 'published' },
      { post: 'scheduled', publication: 'pending' },
    ];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const pair = pairs[i % 2]!;
        await app.owner.transaction(async (manager) => {
          await manager.query(`UPDATE publications SET status = $2 WHERE post_id = $1`, [post.id, pair.publication]);
          await manager.query(`UPDATE posts SET status = $2 WHERE id = $1`, [post.id, pair.post]);
        });
      }
    })();
    const seen: string[] = [];
    try {
      const readers = Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 60; i++) {
          const view = await publicationsOf(post.id);
          seen.push(`${view.postStatus}/${view.publications[0]!.status}`);
        }
      });
      await Promise.all(readers);
    } finally {
      writing = false;
      await writer;
      await app.owner.query(`UPDATE publications SET status = 'published' WHERE post_id = $1`, [post.id]);
      await app.owner.query(`UPDATE posts SET status = 'published' WHERE id = $1`, [post.id]);
    }
    expect(new Set(seen)).toEqual(new Set(['published/published', 'scheduled/pending']));
  });

  // Last: the channel is published by hand from here on.
  it('disconnects a channel: only admins, audited without the token, and 404 once it is gone', async () => {
    const credentials = url(`/channels/${mastodon}/credentials`);
    expect((await editor.request('DELETE', credentials)).status).toBe(403);
    expect((await admin.request('DELETE', credentials)).status).toBe(204);
    expect(await app.owner.query('SELECT 1 FROM channel_credentials WHERE channel_id = $1', [mastodon])).toHaveLength(0);
    const audited = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'channel.credentials_removed' AND object_id = $1`, [mastodon]);
    expect(audited).toEqual([{ details: expect.objectContaining({ platform: 'mastodon', instanceUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/) }) }]);
    expect((await admin.get(credentials)).status).toBe(404);
    expect((await admin.request('DELETE', credentials)).status).toBe(404);
  });
});
