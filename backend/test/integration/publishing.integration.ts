import { deterministicPublishJobId, parseApprovalContent } from '@amtsplan/domain';
import type { INestApplicationContext } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { Database } from '../../src/database/database';
import { Publisher } from '../../src/publishing/publisher';
import { PublishingSweep } from '../../src/publishing/publishing-sweep';
import { PublishReconciliation } from '../../src/publishing/publish-reconciliation';
import { JobQueue } from '../../src/queues/job-queue';
import { QueueName } from '../../src/queues/queue-registry';
import { ApiClient } from '../support/api-client';
import { MastodonStandIn } from '../support/mastodon-stand-in';
import { startTestApp, startWorkerContext, TestApp } from '../support/test-app';
import { sleep, waitFor } from '../support/wait';

interface Post {
  id: string;
  status: string;
  version: number;
  text: string;
  variants: Array<{ channelId: string; text: string | null }>;
  media: Array<{ id: string; altText: string; version: number }>;
}
interface Request {
  id: string;
  contentHash: string;
  status: string;
  post: { status: string; version: number };
}
interface Publication {
  id: string;
  channel: { id: string; name: string; platform: string };
  adapter: string;
  status: string;
  contentHash: string;
  text: string;
  media: Array<{ id: string; altText: string }>;
  externalId: string | null;
  url: string | null;
  error: string | null;
  settledBy: { id: string } | null;
  attempts: Array<{ attempt: number; outcome: string | null; finishedAt: string | null; url: string | null; error: string | null }>;
}
interface Publications {
  postId: string;
  postStatus: string;
  claimedAt: string | null;
  publications: Publication[];
}
interface PublicationRow {
  channelId: string;
  status: string;
  attempts: number;
  lastOutcome: string | null;
}
interface Problem {
  status: number;
  detail?: string;
  errors?: Array<{ path: string; message: string }>;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Redis 15 is shared with the month-view benchmark (tools/bench); both flush it first. */
const REDIS_DB = 15;

describe('Publishing: approved posts go out once, at their time, exactly as approved', () => {
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let editor: ApiClient;
  let leitung: ApiClient;
  let mastodon: string;
  let facebook: string;
  const standIn = new MastodonStandIn();
  const TOKEN = 'stand-in-access-token-0123456789';
  const extraWorkers: INestApplicationContext[] = [];

  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const publisher = () => app.worker!.get(Publisher);
  const sweep = () => app.worker!.get(PublishingSweep).run();
  const publicationsOf = async (postId: string) => (await editor.get<Publications>(url(`/posts/${postId}/publications`))).body;
  const postStatus = async (postId: string) => (await editor.get<Post>(url(`/posts/${postId}`))).body.status;
  const queue = () => app.worker!.get(JobQueue).queue(QueueName.Publishing);

  /**
   * Waits until the post's publications, read in one statement (one snapshot), satisfy `ready`;
   * then answers the API's view, which no longer changes by itself.
   */
  async function settledPublications(postId: string, what: string, ready: (rows: PublicationRow[]) => boolean, timeoutMs?: number): Promise<Publications> {
    await waitFor(
      what,
      async () => {
        const rows: PublicationRow[] = await app.owner.query(
          `SELECT u.channel_id AS "channelId", u.status, (SELECT count(*)::int FROM publish_attempts a WHERE a.publication_id = u.id) AS attempts,
                  (SELECT a.outcome FROM publish_attempts a WHERE a.publication_id = u.id ORDER BY a.attempt_no DESC LIMIT 1) AS "lastOutcome"
             FROM publications u WHERE u.post_id = $1`,
          [postId],
        );
        return rows.length > 0 && ready(rows);
      },
      timeoutMs,
    );
    return publicationsOf(postId);
  }

  /** Created by the Redaktion and approved by the Leitung, planned at `plannedAt`. */
  async function approvedPost(
    body: { text: string; channels: string[]; variants?: Record<string, string> },
    plannedAt: string,
    options: { image?: { data: Buffer; altText: string } } = {},
  ): Promise<{ post: Post; request: Request }> {
    const created = await editor.post<Post>(url('/posts'), {
      workingTitle: `Beitrag ${randomUUID().slice(0, 6)}`,
      text: body.text,
      variants: body.channels.map((channelId) => ({ channelId, text: body.variants?.[channelId] ?? null })),
      planning: { kind: 'time', at: plannedAt },
    });
    expect(created.status).toBe(201);
    let post = created.body;
    if (options.image) {
      const uploaded = await editor.uploadImage<Post>(url(`/posts/${post.id}/media`), options.image.data, options.image.altText);
      expect(uploaded.status).toBe(201);
      post = uploaded.body;
    }
    const submitted = await editor.post<Request>(url(`/posts/${post.id}/submit`), { version: post.version });
    expect(submitted.status).toBe(201);
    const decided = await leitung.post<Request>(url(`/approval-requests/${submitted.body.id}/decisions`), {
      decision: 'approve',
      stepIndex: 1,
      contentHash: submitted.body.contentHash,
    });
    expect(decided.status).toBe(201);
    expect(decided.body.status).toBe('approved');
    return { post: (await editor.get<Post>(url(`/posts/${post.id}`))).body, request: decided.body };
  }

  beforeAll(async () => {
    const instance = await standIn.start();
    app = await startTestApp('publishing', REDIS_DB, { environment: { PUBLISH_REQUEST_TIMEOUT_SECONDS: '2' } });
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, editor, leitung] = await Promise.all(['admin', 'redaktion', 'leitung'].map((name) => app.as(`${name}@musterstadt.example`)));
    mastodon = (await editor.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Stadt', color: '#6364ff' })).body.id;
    facebook = (await editor.post<{ id: string }>(url('/channels'), { platform: 'facebook', name: 'Facebook Stadt', color: '#1877f2' })).body.id;
    const connected = await admin.request('PUT', url(`/channels/${mastodon}/credentials`), { body: { instanceUrl: instance, accessToken: TOKEN } });
    expect(connected.status).toBe(200);
    await app.startWorker();
  });
  afterAll(async () => {
    for (const worker of extraWorkers) await worker.close();
    await app.close();
    await standIn.stop();
  });

  describe('channel credentials', () => {
    it('stores the Mastodon token sealed, never answers it, and audits without it', async () => {
      const shown = await admin.get<Record<string, unknown>>(url(`/channels/${mastodon}/credentials`));
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ channelId: mastodon, instanceUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), tokenStored: true });
      expect(JSON.stringify(shown.body)).not.toContain(TOKEN);
      const [row] = await app.owner.query('SELECT access_token_sealed FROM channel_credentials WHERE channel_id = $1', [mastodon]);
      expect(row.access_token_sealed).toMatch(/^v1\./);
      expect(row.access_token_sealed).not.toContain(TOKEN.slice(0, 10));
      const events = await app.owner.query(`SELECT details FROM audit_events WHERE action = 'channel.credentials_updated' AND object_id = $1`, [mastodon]);
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events)).not.toContain(TOKEN);
    });

    it('lets only admins connect, only Mastodon channels, and only over https', async () => {
      const body = { instanceUrl: 'https://social.example', accessToken: 'x' };
      expect((await editor.request('PUT', url(`/channels/${mastodon}/credentials`), { body })).status).toBe(403);
      expect((await editor.get(url(`/channels/${mastodon}/credentials`))).status).toBe(403);
      const other = await admin.request<Problem>('PUT', url(`/channels/${facebook}/credentials`), { body });
      expect(other.status).toBe(422);
      expect(other.body.detail).toContain('Nur Mastodon-Kanäle');
      const plain = await admin.request<Problem>('PUT', url(`/channels/${mastodon}/credentials`), { body: { ...body, instanceUrl: 'http://social.example' } });
      expect(plain.status).toBe(400);
      expect(plain.body.errors).toEqual([{ path: 'instanceUrl', message: 'Bitte eine Adresse mit https:// angeben.' }]);
      expect((await admin.get(url(`/channels/${facebook}/credentials`))).status).toBe(404);
    });
  });

  describe('the publisher', () => {
    it('publishes an approved post once, at its time, byte for byte as approved (text, image, alt text), with an Idempotency-Key', async () => {
      // NFD "ä" (a + combining diaeresis) and a CRLF: sent exactly as approved, not normalised.
      const text = 'Stadtfest am Marktpla\u0061\u0308tz!\r\nAlle sind eingeladen. #Stadtfest';
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
      const { post, request } = await approvedPost({ text, channels: [mastodon] }, inMs(2500), { image: { data: png, altText: 'Der Marktplatz mit Buden' } });
      expect(post.status).toBe('scheduled');
      const job = await queue().getJob(deterministicPublishJobId(post.id, post.version));
      expect(job).toBeDefined();
      expect(await job!.getState()).toBe('delayed');
      expect(standIn.statuses).toHaveLength(0);

      const done = await settledPublications(post.id, 'the publication', (rows) => rows.every((r) => r.status === 'published'));
      expect(done.postStatus).toBe('published');
      const [publication] = done.publications;
      const [approved] = await app.owner.query('SELECT canonical_content FROM approval_requests WHERE id = $1', [request.id]);
      const content = parseApprovalContent(approved.canonical_content);

      const sent = standIn.statusesFor(publication!.id);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.status).toBe(content.channels[0]!.text);
      expect(Buffer.from(sent[0]!.status, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(sent[0]!.authorization).toBe(`Bearer ${TOKEN}`);
      const upload = standIn.media.find((m) => m.id === sent[0]!.mediaIds[0]);
      expect(upload).toMatchObject({ description: 'Der Marktplatz mit Buden', contentType: 'image/png' });
      expect(sha256(upload!.bytes)).toBe(content.media[0]!.contentHash);

      expect(publication).toMatchObject({
        status: 'published',
        adapter: 'mastodon',
        contentHash: request.contentHash,
        externalId: expect.any(String),
        url: expect.stringContaining('/@stadt/'),
        text,
        media: [{ altText: 'Der Marktplatz mit Buden' }],
      });
      expect(publication!.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'published', url: publication!.url })]);
      const audited = await app.owner.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'publication.attempted' AND object_id = $1`, [publication!.id]);
      expect(audited).toEqual([{ actor_user_id: null, details: expect.objectContaining({ outcome: 'published', contentHash: request.contentHash, attempt: 1 }) }]);

      // Nothing goes out twice: the job again, the sweep, the publisher directly.
      await sweep();
      await publisher().advance(orgId, post.id);
      expect(standIn.statusesFor(publication!.id)).toHaveLength(1);
      expect(standIn.statuses.filter((s) => s.status === text)).toHaveLength(1);
    });

    it('does not publish a post edited after its approval, and reports "Freigabe fehlt"', async () => {
      const { post } = await approvedPost({ text: 'Alte Fassung', channels: [mastodon] }, inMs(2500));
      const edited = await editor.patch<Post>(url(`/posts/${post.id}`), { version: post.version, text: 'Neue Fassung, nicht freigegeben' });
      expect(edited.body.status).toBe('draft');
      await sleep(3000);
      await sweep();
      expect(standIn.statuses.filter((s) => s.status.includes('Fassung'))).toHaveLength(0);
      expect((await publicationsOf(post.id)).publications).toEqual([]);
      const [claim] = await app.owner.query('SELECT publish_claimed_at FROM posts WHERE id = $1', [post.id]);
      expect(claim.publish_claimed_at).toBeNull();
      const alerts = await app.owner.query(`SELECT title FROM notifications WHERE kind = 'approval_missing' AND link LIKE $1`, [`%${post.id}`]);
      expect(alerts.length).toBeGreaterThanOrEqual(1);
      expect(alerts[0].title).toMatch(/^Freigabe fehlt: /);
      await sweep();
      expect(await app.owner.query(`SELECT id FROM notifications WHERE kind = 'approval_missing' AND link LIKE $1`, [`%${post.id}`])).toHaveLength(alerts.length);
    });

    it('refuses to claim when the stored content no longer hashes to the approved hash', async () => {
      const { post } = await approvedPost({ text: 'Manipuliert?', channels: [mastodon] }, inMs(60_000));
      await queue().remove(deterministicPublishJobId(post.id, post.version));
      // Behind the application's back: the text changes and the time comes, the status stays.
      await app.owner.query(`UPDATE posts SET text = 'Untergeschoben', planned_at = now() - interval '1 second' WHERE id = $1`, [post.id]);
      expect(await publisher().claim(orgId, post.id)).toBeNull();
      await sweep();
      expect(standIn.statuses.filter((s) => s.status === 'Untergeschoben' || s.status === 'Manipuliert?')).toHaveLength(0);
      await app.owner.query(`UPDATE posts SET status = 'draft' WHERE id = $1`, [post.id]);
    });

    it('publishes nothing of an organization in Kommunikationsstopp, and goes on once it is lifted', async () => {
      const { post } = await approvedPost({ text: 'Während des Stopps geplant', channels: [mastodon] }, inMs(2500));
      await app.owner.query(`UPDATE organizations SET communication_stop = true, communication_stop_since = now(), communication_stop_reason = 'Test' WHERE id = $1`, [orgId]);
      try {
        await sleep(3000);
        await sweep();
        await publisher().advance(orgId, post.id);
        expect(standIn.statuses.filter((s) => s.status === 'Während des Stopps geplant')).toHaveLength(0);
        expect((await publicationsOf(post.id)).claimedAt).toBeNull();
        expect(await postStatus(post.id)).toBe('scheduled');
      } finally {
        await app.owner.query(`UPDATE organizations SET communication_stop = false, communication_stop_since = NULL, communication_stop_reason = NULL WHERE id = $1`, [orgId]);
      }
      await sweep();
      expect(standIn.statuses.filter((s) => s.status === 'Während des Stopps geplant')).toHaveLength(1);
      // Read through the plan's read cache, which learns of the worker's commit a moment later.
      await waitFor('the post published', async () => (await postStatus(post.id)) === 'published');
    });

    it('stops a retry that falls into a Kommunikationsstopp', async () => {
      standIn.behaviours.push({ kind: 'refuse', status: 503 });
      const { post } = await approvedPost({ text: 'Retry im Stopp', channels: [mastodon] }, inMs(2000));
      const pending = (await settledPublications(post.id, 'the retryable failure', ([r]) => r!.status === 'pending' && r!.lastOutcome === 'failed_retryable')).publications[0]!;
      await app.owner.query(`UPDATE organizations SET communication_stop = true WHERE id = $1`, [orgId]);
      try {
        await app.owner.query(`UPDATE publications SET next_attempt_at = now() WHERE id = $1`, [pending.id]);
        await sweep();
        expect(standIn.statusesFor(pending.id)).toHaveLength(1);
        expect((await publicationsOf(post.id)).publications[0]!.status).toBe('pending');
      } finally {
        await app.owner.query(`UPDATE organizations SET communication_stop = false WHERE id = $1`, [orgId]);
      }
      await sweep();
      expect(standIn.statusesFor(pending.id)).toHaveLength(2);
      expect((await publicationsOf(post.id)).publications[0]!.status).toBe('published');
    });

    it('retries a 503 before acceptance with backoff, with the same Idempotency-Key', async () => {
      standIn.behaviours.push({ kind: 'refuse', status: 503, retryAfter: '1' });
      const { post } = await approvedPost({ text: 'Wartungsfenster der Instanz', channels: [mastodon] }, inMs(2000));
      const pending = (await settledPublications(post.id, 'the retryable failure', ([r]) => r!.status === 'pending' && r!.lastOutcome === 'failed_retryable')).publications[0]!;
      expect(pending.status).toBe('pending');
      expect(pending.attempts[0]!.error).toContain('503');
      // Backoff: at least 30 s (Retry-After asked for 1 s), with a job of its own.
      const [row] = await app.owner.query(`SELECT extract(epoch FROM next_attempt_at - now()) AS wait FROM publications WHERE id = $1`, [pending.id]);
      expect(Number(row.wait)).toBeGreaterThan(25);
      const [{ version }] = await app.owner.query('SELECT post_version AS version FROM publications WHERE id = $1', [pending.id]);
      const retryJob = await queue().getJob(`${deterministicPublishJobId(post.id, version)}_attempt_2`);
      expect(await retryJob?.getState()).toBe('delayed');
      // Not yet due: nothing happens.
      await publisher().runDueAttempts(orgId, post.id);
      expect(standIn.statusesFor(pending.id)).toHaveLength(1);

      await app.owner.query(`UPDATE publications SET next_attempt_at = now() WHERE id = $1`, [pending.id]);
      await publisher().runDueAttempts(orgId, post.id);
      const sent = standIn.statusesFor(pending.id);
      expect(sent.map((s) => s.answer.kind)).toEqual(['refuse', 'accept']);
      expect(sent[0]!.raw).toBe(sent[1]!.raw);
      const view = await publicationsOf(post.id);
      expect(view.postStatus).toBe('published');
      expect(view.publications[0]!.attempts.map((a) => a.outcome)).toEqual(['failed_retryable', 'published']);
    });

    it('marks a timeout after sending as unconfirmed, never sends again, and lets a person confirm it', async () => {
      standIn.behaviours.push({ kind: 'hang' });
      const { post, request } = await approvedPost({ text: 'Antwort bleibt aus', channels: [mastodon] }, inMs(2000));
      const unconfirmed = (await settledPublications(post.id, 'the unconfirmed publication', ([r]) => r!.status === 'unconfirmed', 20_000)).publications[0]!;
      expect(unconfirmed.attempts).toEqual([expect.objectContaining({ outcome: 'unknown', error: expect.stringContaining('keinen automatischen neuen Versuch') })]);
      await sweep();
      await app.owner.query(`UPDATE publications SET next_attempt_at = now() WHERE id = $1`, [unconfirmed.id]);
      await publisher().advance(orgId, post.id);
      expect(standIn.statusesFor(unconfirmed.id)).toHaveLength(1);
      expect(await postStatus(post.id)).toBe('scheduled');
      const alerts = await app.owner.query(`SELECT title FROM notifications WHERE kind = 'publish_unconfirmed' AND link LIKE $1`, [`%${post.id}`]);
      expect(alerts.map((a: { title: string }) => a.title)).toContain(`Veröffentlichung unbestätigt: ${(await editor.get<{ workingTitle: string }>(url(`/posts/${post.id}`))).body.workingTitle}`);
      // Taken by the publisher: no edits until every channel is settled.
      const blocked = await editor.patch<Problem>(url(`/posts/${post.id}`), { version: post.version, text: 'Doch anders' });
      expect(blocked.status).toBe(409);

      const bad = await editor.post<Problem>(url(`/posts/${post.id}/publications/${mastodon}/confirm`), { url: 'kein Link' });
      expect(bad.status).toBe(400);
      const confirmed = await editor.post<Publications>(url(`/posts/${post.id}/publications/${mastodon}/confirm`), { url: 'https://social.example/@stadt/42' });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.postStatus).toBe('published');
      expect(confirmed.body.publications[0]).toMatchObject({ status: 'published', url: 'https://social.example/@stadt/42', settledBy: { id: expect.any(String) } });
      const audited = await app.owner.query(`SELECT actor_user_id, details FROM audit_events WHERE action = 'publication.confirmed' AND object_id = $1`, [unconfirmed.id]);
      expect(audited).toEqual([
        { actor_user_id: expect.any(String), details: expect.objectContaining({ from: 'unconfirmed', to: 'published', contentHash: request.contentHash, url: 'https://social.example/@stadt/42' }) },
      ]);
      const again = await editor.post<Problem>(url(`/posts/${post.id}/publications/${mastodon}/confirm`), { url: 'https://social.example/@stadt/43' });
      expect(again.status).toBe(422);
    });

    it('does not publish a post more than 2 hours overdue: missed, until a person decides', async () => {
      const { post } = await approvedPost({ text: 'Zu spät', channels: [mastodon] }, new Date(Date.now() - 2 * 60 * 60_000 - 60_000).toISOString());
      const missed = (await settledPublications(post.id, 'the missed publication', ([r]) => r!.status === 'missed')).publications[0]!;
      expect(missed.attempts).toEqual([]);
      expect(missed.error).toContain('mehr als 2 Stunden');
      await sweep();
      expect(standIn.statuses.filter((s) => s.status === 'Zu spät')).toHaveLength(0);
      expect(await app.owner.query(`SELECT id FROM audit_events WHERE action = 'publication.missed' AND object_id = $1`, [missed.id])).toHaveLength(1);
      expect(await app.owner.query(`SELECT id FROM notifications WHERE kind = 'publish_failed' AND title LIKE 'Verpasst:%' AND link LIKE $1`, [`%${post.id}`])).not.toHaveLength(0);
      const failed = await editor.post<Publications>(url(`/posts/${post.id}/publications/${mastodon}/mark-failed`), { reason: 'Anlass vorbei' });
      expect(failed.status).toBe(200);
      expect(failed.body).toMatchObject({ postStatus: 'failed', publications: [{ status: 'failed', error: 'Anlass vorbei' }] });
      expect((await editor.post<Problem>(url(`/posts/${post.id}/publications/${mastodon}/mark-failed`), {})).status).toBe(400);
    });

    it('hands a channel without API connection to a person, with the approved text to copy', async () => {
      const { post } = await approvedPost({ text: 'Für alle Kanäle', channels: [mastodon, facebook], variants: { [facebook]: 'Eigener Text für Facebook' } }, inMs(2000));
      const view = await settledPublications(post.id, 'both channels', (rows) => rows.map((r) => r.status).sort().join() === 'manual_due,published');
      const manual = view.publications.find((p) => p.channel.id === facebook)!;
      expect(manual).toMatchObject({ adapter: 'manual', status: 'manual_due', text: 'Eigener Text für Facebook', attempts: [expect.objectContaining({ outcome: 'manual_due' })] });
      expect(view.postStatus).toBe('scheduled');
      expect(standIn.statuses.filter((s) => s.status === 'Eigener Text für Facebook')).toHaveLength(0);
      const task = await app.owner.query(`SELECT title FROM notifications WHERE kind = 'manual_publish_due' AND link LIKE $1`, [`%${post.id}`]);
      expect(task[0].title).toMatch(/^Jetzt veröffentlichen: /);
      const reader = await app.as('lesen@musterstadt.example');
      expect((await reader.post(url(`/posts/${post.id}/publications/${facebook}/confirm`), { url: 'https://facebook.com/stadt/posts/1' })).status).toBe(403);
      expect((await reader.get(url(`/posts/${post.id}/publications`))).status).toBe(200);
      const confirmed = await editor.post<Publications>(url(`/posts/${post.id}/publications/${facebook}/confirm`), { url: 'https://facebook.com/stadt/posts/1' });
      expect(confirmed.body.postStatus).toBe('published');
      const history = await editor.get<Array<{ changedFields: string[]; changedBy: { id: string } | null }>>(url(`/posts/${post.id}/versions`));
      expect(history.body[0]).toMatchObject({ changedFields: ['status'], changedBy: { id: expect.any(String) } });
    });

    it('claims a post once when two workers race for it', async () => {
      const second = await startWorkerContext(app.config);
      extraWorkers.push(second);
      const plannedAt = inMs(5000);
      const posts = await Promise.all(Array.from({ length: 4 }, (_, i) => approvedPost({ text: `Wettlauf ${i}`, channels: [mastodon, facebook] }, plannedAt)));
      // Without their jobs, so that only the racers below take them.
      for (const { post } of posts) await queue().remove(deterministicPublishJobId(post.id, post.version));
      await sleep(Date.parse(plannedAt) - Date.now() + 200);
      const workers = [app.worker!, second];
      await Promise.all([
        ...workers.map((w) => w.get(PublishingSweep).run()),
        ...posts.flatMap(({ post }) => workers.map((w) => w.get(Publisher).advance(orgId, post.id))),
      ]);
      for (const [i, { post }] of posts.entries()) {
        expect(standIn.statuses.filter((s) => s.status === `Wettlauf ${i}`)).toHaveLength(1);
        const rows = await app.owner.query(`SELECT channel_id, attempt_count FROM publications WHERE post_id = $1 ORDER BY channel_id`, [post.id]);
        expect(rows).toHaveLength(2);
        expect(rows.every((r: { attempt_count: number }) => r.attempt_count === 1)).toBe(true);
        expect(await app.owner.query(`SELECT id FROM publish_attempts WHERE post_id = $1`, [post.id])).toHaveLength(2);
      }
      const claimedBy = await app.owner.query(`SELECT DISTINCT publish_claimed_by FROM posts WHERE id = ANY($1)`, [posts.map(({ post }) => post.id)]);
      expect(claimedBy.length).toBeGreaterThanOrEqual(1);
    });

    it('settles an attempt cut off by a dead worker as unconfirmed, without sending again', async () => {
      const { post } = await approvedPost({ text: 'Worker stirbt', channels: [mastodon] }, inMs(60_000));
      await queue().remove(deterministicPublishJobId(post.id, post.version));
      // The state a worker killed mid-publish leaves behind: claimed, an attempt started, never finished.
      const claimed = await app.owner.transaction(async (manager) => {
        await manager.query(`UPDATE posts SET publish_claimed_at = now() - interval '1 hour', publish_request_id = (SELECT id FROM approval_requests WHERE post_id = $1 AND status = 'approved') WHERE id = $1`, [post.id]);
        const [publication] = await manager.query(
          `INSERT INTO publications (organization_id, post_id, channel_id, approval_request_id, content_hash, post_version, adapter, status, attempt_count, updated_at)
           SELECT organization_id, post_id, $2, id, content_hash, $3, 'mastodon', 'publishing', 1, now() - interval '1 hour' FROM approval_requests WHERE post_id = $1 AND status = 'approved'
           RETURNING id, content_hash`,
          [post.id, mastodon, post.version],
        );
        await manager.query(
          `INSERT INTO publish_attempts (organization_id, publication_id, post_id, post_version, channel_id, content_hash, attempt_no, idempotency_key, started_at)
           VALUES ($1, $2::uuid, $3, $4, $5, $6, 1, $2::text, now() - interval '1 hour')`,
          [orgId, publication.id, post.id, post.version, mastodon, publication.content_hash],
        );
        return publication.id as string;
      });
      const worker = await startWorkerContext(app.config); // worker start: attempts cut off by a crash are settled
      extraWorkers.push(worker);
      const view = await publicationsOf(post.id);
      expect(view.publications[0]).toMatchObject({ id: claimed, status: 'unconfirmed', attempts: [expect.objectContaining({ outcome: 'unknown', finishedAt: expect.any(String) })] });
      await sweep();
      expect(standIn.statusesFor(claimed)).toHaveLength(0);
      // A finished attempt is a record the app cannot change.
      const database = app.api.get(Database);
      const [, changed] = await database.transaction({ organizationId: orgId }, ({ manager }) =>
        manager.query(`UPDATE publish_attempts SET outcome = 'published' WHERE publication_id = $1`, [claimed]),
      );
      expect(changed).toBe(0);
      await expect(
        database.transaction({ organizationId: orgId }, ({ manager }) => manager.query(`UPDATE publish_attempts SET attempt_no = 2 WHERE publication_id = $1`, [claimed])),
      ).rejects.toThrow(/permission denied/);
      await expect(database.transaction({ organizationId: orgId }, ({ manager }) => manager.query(`DELETE FROM publications WHERE id = $1`, [claimed]))).rejects.toThrow(
        /permission denied/,
      );
    });
  });

  describe('reconciliation', () => {
    it('re-creates jobs lost with a Redis flush, from PostgreSQL, on worker start', async () => {
      const { post } = await approvedPost({ text: 'Nach dem Flush', channels: [mastodon] }, inMs(5 * 60_000));
      const id = deterministicPublishJobId(post.id, post.version);
      expect(await queue().getJob(id)).toBeDefined();
      const redis = new Redis(app.config.redisUrl);
      await redis.flushdb();
      await redis.quit();
      expect(await queue().getJob(id)).toBeUndefined();
      const worker = await startWorkerContext(app.config);
      extraWorkers.push(worker);
      const job = await queue().getJob(id);
      expect(job?.data).toEqual({ organizationId: orgId, postId: post.id, version: post.version });
      expect(await job!.getState()).toBe('delayed');
      expect(job!.timestamp + job!.opts.delay!).toBeGreaterThan(Date.now() + 4 * 60_000);
      // Exactly one: a second pass adds nothing.
      expect(await app.worker!.get(PublishReconciliation).reconcile()).toEqual({ added: 0, removed: 0 });
    });

    it('moves the job with the post: a new time voids the approval, the old job goes, the new approval brings one', async () => {
      const { post } = await approvedPost({ text: 'Verschoben', channels: [mastodon] }, inMs(10 * 60_000));
      const oldId = deterministicPublishJobId(post.id, post.version);
      const moved = await editor.patch<Post>(url(`/posts/${post.id}`), { version: post.version, planning: { kind: 'time', at: inMs(20 * 60_000) } });
      expect(moved.body.status).toBe('draft');
      const reconciliation = app.worker!.get(PublishReconciliation);
      expect((await reconciliation.reconcile()).removed).toBeGreaterThanOrEqual(1);
      expect(await queue().getJob(oldId)).toBeUndefined();
      const submitted = await editor.post<Request>(url(`/posts/${post.id}/submit`), { version: moved.body.version });
      await leitung.post(url(`/approval-requests/${submitted.body.id}/decisions`), { decision: 'approve', stepIndex: 1, contentHash: submitted.body.contentHash });
      const rescheduled = (await editor.get<Post>(url(`/posts/${post.id}`))).body;
      expect(rescheduled.status).toBe('scheduled');
      await reconciliation.reconcile();
      const jobs = (await queue().getJobs(['delayed', 'waiting'])).filter((j) => j.data?.postId === post.id);
      expect(jobs.map((j) => j.id)).toEqual([deterministicPublishJobId(post.id, rescheduled.version)]);
    });

    it('keeps a post planned for a day only approved: it needs a time to be published', async () => {
      const created = await editor.post<Post>(url('/posts'), {
        workingTitle: 'Nur ein Tag',
        text: 'Irgendwann am Tag',
        variants: [{ channelId: mastodon, text: null }],
        planning: { kind: 'day', date: '2030-06-01' },
      });
      const submitted = await editor.post<Request>(url(`/posts/${created.body.id}/submit`), { version: created.body.version });
      const decided = await leitung.post<Request>(url(`/approval-requests/${submitted.body.id}/decisions`), {
        decision: 'approve',
        stepIndex: 1,
        contentHash: submitted.body.contentHash,
      });
      expect(decided.body.post.status).toBe('approved');
      const jobs = (await queue().getJobs(['delayed', 'waiting'])).filter((j) => j.data?.postId === created.body.id);
      expect(jobs).toEqual([]);
    });
  });
});
