import { JobQueue } from '../../src/queues/job-queue';
import { JobName, QueueName } from '../../src/queues/queue-registry';
import { MastodonPoll, mastodonPollSchedulerId } from '../../src/inbox/mastodon-polling/mastodon-poll';
import { MastodonPollingReconciliation } from '../../src/inbox/mastodon-polling/mastodon-polling-reconciliation';
import { ApiClient } from '../support/api-client';
import { MastodonStandIn, type SeededNotification } from '../support/mastodon-stand-in';
import { startTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait';

interface ItemRow {
  kind: string;
  external_id: string;
  external_status_id: string;
  author_handle: string;
  author_display_name: string | null;
  text: string;
  permalink: string | null;
  received_at: Date;
  post_id: string | null;
  category: string | null;
  assignee_user_id: string | null;
  source: string;
}

const TOKEN = 'poll-token-1';
const OUR_STATUS = '110000000';

function mention(id: string, statusId: string, content: string, extra: Partial<NonNullable<SeededNotification['status']>> = {}, acct = 'buerger@social.example'): SeededNotification {
  return {
    id,
    type: 'mention',
    created_at: '2026-12-07T09:00:00.000Z',
    account: { acct, display_name: 'Bürger Bert', url: `https://social.example/@${acct.split('@')[0]}` },
    status: { id: statusId, created_at: '2026-12-07T08:59:00.000Z', in_reply_to_id: null, visibility: 'public', content, url: `https://social.example/@buerger/${statusId}`, ...extra },
  };
}

/** Mentions and replies pulled from Mastodon per channel (real PostgreSQL and Redis, the local Mastodon stand-in). */
describe('Mastodon polling into the Posteingang', () => {
  const standIn = new MastodonStandIn();
  let app: TestApp;
  let orgId: string;
  let admin: ApiClient;
  let redaktion: ApiClient;
  let channelId: string;
  let postId: string;
  let communityId: string;
  let instance: string;
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  const poll = () => app.worker!.get(MastodonPoll, { strict: false }).run(orgId, channelId);
  const items = (): Promise<ItemRow[]> =>
    app.owner.query(
      `SELECT kind, external_id, external_status_id, author_handle, author_display_name, text, permalink, received_at, post_id, category, assignee_user_id, source
         FROM inbox_items WHERE channel_id = $1 ORDER BY external_id`,
      [channelId],
    );
  const state = async () =>
    (
      await app.owner.query(
        `SELECT since_id AS "sinceId", last_error AS "lastError", token_rejected_at AS "tokenRejectedAt", paused_until AS "pausedUntil", last_success_at AS "lastSuccessAt" FROM inbox_mastodon_polls WHERE channel_id = $1`,
        [channelId],
      )
    )[0] as { sinceId: string | null; lastError: string | null; tokenRejectedAt: Date | null; pausedUntil: Date | null; lastSuccessAt: Date | null };

  beforeAll(async () => {
    instance = await standIn.start();
    app = await startTestApp('mastodonpolling', 1);
    orgId = await app.organizationId('Stadt Musterstadt');
    [admin, redaktion] = await Promise.all(['admin', 'redaktion'].map((name) => app.as(`${name}@musterstadt.example`)));
    communityId = (await app.owner.query(`SELECT id FROM users WHERE email = 'community@musterstadt.example'`))[0].id;
    channelId = (await admin.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Abruf', color: '#6364ff' })).body.id;
    expect((await admin.request('PUT', url(`/channels/${channelId}/credentials`), { body: { instanceUrl: instance, accessToken: TOKEN } })).status).toBe(200);
    // One of our statuses on that channel: a post whose publication Mastodon knows as OUR_STATUS.
    const created = await redaktion.post<{ id: string; version: number }>(url('/posts'), { workingTitle: 'Sperrmüll', text: 'Neue Sperrmülltermine.', variants: [{ channelId, text: null }] });
    expect(created.status).toBe(201);
    postId = created.body.id;
    const submitted = await redaktion.post<{ id: string; contentHash: string }>(url(`/posts/${postId}/submit`), { version: created.body.version });
    expect(submitted.status).toBe(201);
    await app.owner.query(
      `INSERT INTO publications (organization_id, post_id, channel_id, approval_request_id, content_hash, post_version, adapter, status, external_id, url)
       VALUES ($1, $2, $3, $4, $5, 1, 'mastodon', 'published', $6, $7)`,
      [orgId, postId, channelId, submitted.body.id, submitted.body.contentHash, OUR_STATUS, `${instance}/@stadt/${OUR_STATUS}`],
    );
    await app.owner.query(`DELETE FROM inbox_routing_rules WHERE organization_id = $1`, [orgId]);
    expect((await admin.post(url('/inbox/routing-rules'), { matchKind: 'keyword', keyword: 'Sperrmüll', category: 'question', assigneeUserId: communityId })).status).toBe(201);
    await app.startWorker();
  });

  afterAll(async () => {
    await app?.close();
    await standIn.stop();
  });

  it('keeps one poll scheduler per active connected channel and removes it when the channel is deactivated', async () => {
    const reconciliation = app.worker!.get(MastodonPollingReconciliation, { strict: false });
    const jobs = app.worker!.get(JobQueue, { strict: false });
    await reconciliation.run();
    await reconciliation.run();
    expect(await jobs.repeating(JobName.MastodonNotificationsPoll)).toEqual([mastodonPollSchedulerId(channelId)]);
    const [scheduler] = await jobs.queue(QueueName.InboxImport).getJobSchedulers();
    expect(scheduler).toMatchObject({ key: mastodonPollSchedulerId(channelId), every: 120_000, template: { data: { organizationId: orgId, channelId } } });

    const other = (await admin.post<{ id: string; version: number }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon alt', color: '#6364ff' })).body;
    expect((await admin.request('PUT', url(`/channels/${other.id}/credentials`), { body: { instanceUrl: 'http://127.0.0.1:9', accessToken: 'x' } })).status).toBe(200);
    await reconciliation.run();
    expect((await jobs.repeating(JobName.MastodonNotificationsPoll)).sort()).toEqual([mastodonPollSchedulerId(channelId), mastodonPollSchedulerId(other.id)].sort());
    expect((await admin.request('PATCH', url(`/channels/${other.id}`), { body: { version: other.version, active: false } })).status).toBe(200);
    // (Saving the credentials queued a reconciliation of its own; whichever runs first removes it.)
    expect((await reconciliation.run()).scheduled).toBe(1);
    expect(await jobs.repeating(JobName.MastodonNotificationsPoll)).toEqual([mastodonPollSchedulerId(channelId)]);

    // The scheduler's first run polls the channel through the worker, with the channel's token.
    await waitFor('the scheduled poll', async () => (await state())?.lastSuccessAt);
    expect(standIn.notificationRequests[0]?.authorization).toBe(`Bearer ${TOKEN}`);
    // The tests below drive single polls themselves.
    await jobs.stopRepeating(JobName.MastodonNotificationsPoll, mastodonPollSchedulerId(channelId));
    await app.owner.query(`DELETE FROM inbox_mastodon_polls WHERE channel_id = $1`, [channelId]);
    standIn.notificationRequests.length = 0;
  });

  it('maps mentions, replies and direct messages to items, applies the routing rules, dedupes and moves since_id forward', async () => {
    // 43 mentions: a full page of 40 (the newest), then the rest asked for with max_id.
    for (let i = 0; i < 40; i++) standIn.notifications.push(mention(String(100 + i), String(8000 + i), `<p>Füllkommentar ${i}</p>`));
    standIn.notifications.push(
      mention('1001', '9001', `<p><span class="h-card"><a href="https://mastodon.example/@stadt">@<span>stadt</span></a></span> Wann kommt der Sperrmüll &amp; wohin?</p>`, { in_reply_to_id: OUR_STATUS }),
      mention('1002', '9002', '<p>@stadt Schöne Grüße<br>aus dem Park</p>', {}, 'nachbarin'),
      mention('1003', '9003', '<p>@stadt Ich habe eine private Frage</p>', { visibility: 'direct', in_reply_to_id: OUR_STATUS }),
      { id: '1004', type: 'favourite', created_at: '2026-12-07T09:00:00.000Z', account: { acct: 'fan@social.example' }, status: null },
    );
    expect(await poll()).toBe('polled');
    const first = standIn.notificationRequests.map((r) => Object.fromEntries(r.query));
    expect(first).toEqual([
      { 'types[]': 'mention', limit: '40' },
      { 'types[]': 'mention', limit: '40', max_id: '103' },
    ]);
    expect(standIn.notificationRequests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const all = await items();
    expect(all).toHaveLength(43);
    const rows = all.filter((r) => r.external_id.startsWith('900'));
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'comment',
        external_id: '9001',
        external_status_id: '9001',
        author_handle: '@buerger@social.example',
        author_display_name: 'Bürger Bert',
        text: '@stadt Wann kommt der Sperrmüll & wohin?',
        permalink: 'https://social.example/@buerger/9001',
        received_at: new Date('2026-12-07T08:59:00.000Z'),
        post_id: postId,
        category: 'question',
        assignee_user_id: communityId,
        source: 'mastodon',
      }),
      expect.objectContaining({ kind: 'mention', external_id: '9002', author_handle: expect.stringMatching(/^@nachbarin@127\.0\.0\.1:\d+$/), text: '@stadt Schöne Grüße\naus dem Park', post_id: null, category: null }),
      expect.objectContaining({ kind: 'message', external_id: '9003', post_id: null }),
    ]);
    expect(await state()).toMatchObject({ sinceId: '1003', lastError: null });
    const history = await app.owner.query(`SELECT h.action, h.actor_user_id FROM inbox_history h JOIN inbox_items i ON i.id = h.item_id WHERE i.external_id = '9001'`);
    expect(history).toEqual([{ action: 'inbox.item_captured', actor_user_id: null }]);

    // Second poll: since_id is sent, only the new mention arrives; a notification for a status already in the inbox is dropped.
    standIn.notificationRequests.length = 0;
    standIn.notifications.push(mention('1005', '9005', '<p>Noch eine Frage</p>'), mention('1006', '9001', '<p>doppelt</p>', { in_reply_to_id: OUR_STATUS }));
    expect(await poll()).toBe('polled');
    expect(standIn.notificationRequests.map((r) => r.query.get('since_id'))).toEqual(['1003']);
    expect((await items()).map((r) => r.external_id).filter((id) => id.startsWith('900'))).toEqual(['9001', '9002', '9003', '9005']);
    expect(await items()).toHaveLength(44);
    expect(await state()).toMatchObject({ sinceId: '1006' });
    expect(await app.owner.query(`SELECT details->>'created' AS created FROM audit_events WHERE action = 'inbox.mastodon_polled' AND object_id = $1 ORDER BY occurred_at`, [channelId])).toEqual([
      { created: '43' },
      { created: '1' },
    ]);
  });

  it('stops on a rejected token until a new one is saved, without retrying', async () => {
    const before = (await state())?.sinceId ?? null;
    standIn.notificationRequests.length = 0;
    standIn.notificationBehaviours.push({ kind: 'refuse', status: 401 });
    expect(await poll()).toBe('token_rejected');
    expect(await state()).toMatchObject({ sinceId: before, lastError: expect.stringContaining('Zugriffstoken abgelehnt'), tokenRejectedAt: expect.any(Date) });
    expect(await poll()).toBe('needs_token');
    expect(await poll()).toBe('needs_token');
    expect(standIn.notificationRequests).toHaveLength(1);
    expect(await app.owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'inbox.mastodon_token_rejected' AND object_id = $1`, [channelId])).toEqual([{ n: 1 }]);

    // The channel's connection shows it, and asks for a new token.
    const shown = await admin.get<{ inboxPoll: { tokenRejected: boolean; error: string | null; lastPolledAt: string | null } | null }>(url(`/channels/${channelId}/credentials`));
    expect(shown.body.inboxPoll).toMatchObject({ tokenRejected: true, error: expect.stringContaining('neuen Token'), lastPolledAt: expect.any(String) });

    expect((await admin.request('PUT', url(`/channels/${channelId}/credentials`), { body: { instanceUrl: instance, accessToken: 'poll-token-2' } })).status).toBe(200);
    expect((await admin.get<{ inboxPoll: { tokenRejected: boolean } }>(url(`/channels/${channelId}/credentials`))).body.inboxPoll.tokenRejected).toBe(false);
    // Saving the token starts the channel's poll at once (a reconciliation job, then the scheduler's first run).
    await waitFor('the poll with the new token', async () => (await state()).tokenRejectedAt === null);
    expect(standIn.notificationRequests.at(-1)?.authorization).toBe('Bearer poll-token-2');
    expect(await state()).toMatchObject({ lastError: null });
    const jobs = app.worker!.get(JobQueue, { strict: false });
    expect(await jobs.repeating(JobName.MastodonNotificationsPoll)).toEqual([mastodonPollSchedulerId(channelId)]);
    await jobs.stopRepeating(JobName.MastodonNotificationsPoll, mastodonPollSchedulerId(channelId));
    expect(await poll()).toBe('polled');
  });

  it('respects the rate limit: a 429 pauses the channel until the reset', async () => {
    standIn.notificationRequests.length = 0;
    const reset = new Date(Date.now() + 10 * 60_000);
    standIn.notificationBehaviours.push({ kind: 'refuse', status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset.toISOString() } });
    expect(await poll()).toBe('rate_limited');
    expect((await state()).pausedUntil).toEqual(reset);
    expect(await poll()).toBe('paused');
    expect(standIn.notificationRequests).toHaveLength(1);
  });
});
