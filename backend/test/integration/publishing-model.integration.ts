import { parseApprovalContent } from '@amtsplan/domain';
import fc from 'fast-check';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { PublishingSweep } from '../../src/publishing/publishing-sweep';
import { ApiClient } from '../support/api-client';
import { MastodonStandIn } from '../support/mastodon-stand-in';
import { startTestApp, startWorkerContext, TestApp } from '../support/test-app';

/**
 * Model-based test of DESIGN.md invariants 1 and 2 against the real api, worker, PostgreSQL and
 * Redis: random sequences of edit, submit, decide, move, publish tick, worker crash (restart),
 * Redis flush, platform refusals and the organization's Kommunikationsstopp set and lifted,
 * each on a post of its own. After every sequence the stop is lifted, the system is left to
 * settle, then:
 * 1. everything the Mastodon stand-in received is byte for byte the channel text of an approval
 *    request approved through its route, bound to the publication's content hash;
 * 2. the platform accepted each approved version at most once per channel, and a post whose
 *    approved content was due is not lost: it is published (or recorded as missed).
 * 5. no attempt was started while the Kommunikationsstopp was in force (between the stop's commit
 *    and its lifting).
 * The bulk of the sequences over the claim itself runs in publishing-claim-model.integration.ts.
 * PUBLISHING_MODEL_RUNS raises the number of sequences for a longer soak.
 */

type Action =
  | { kind: 'edit'; text: string }
  | { kind: 'move'; minutes: number }
  | { kind: 'submit' }
  | { kind: 'decide'; decision: 'approve' | 'request_changes' }
  | { kind: 'tick' }
  | { kind: 'crash' }
  | { kind: 'flush' }
  | { kind: 'refuse' }
  | { kind: 'stop' }
  | { kind: 'lift' };

const TEXTS = ['Bürgerbüro geöffnet', 'Bu\u0308rgerbüro geöffnet', 'Straßenfest 🎉', 'Zeile 1\r\nZeile 2', ''];
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...TEXTS.filter((t) => t !== '')).map((text) => ({ kind: 'edit' as const, text })) },
  // Minutes from now: mostly due within the tolerance, sometimes missed, sometimes in the future.
  { weight: 2, arbitrary: fc.constantFrom(-1, -5, -30, -125, 30).map((minutes) => ({ kind: 'move' as const, minutes })) },
  { weight: 3, arbitrary: fc.constant({ kind: 'submit' as const }) },
  { weight: 3, arbitrary: fc.constantFrom<'approve' | 'request_changes'>('approve', 'approve', 'request_changes').map((decision) => ({ kind: 'decide' as const, decision })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'tick' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'crash' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'flush' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'refuse' as const }) },
  // Kommunikationsstopp of the organization set and lifted (invariant 5).
  { weight: 1, arbitrary: fc.constant({ kind: 'stop' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'lift' as const }) },
);

const RUNS = Number(process.env['PUBLISHING_MODEL_RUNS'] ?? 20);
const TOLERANCE_MS = 2 * 60 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Post {
  id: string;
  version: number;
  status: string;
}

describe('publishing model: invariants 1, 2 and 5 over random sequences', () => {
  let app: TestApp;
  let orgId: string;
  let editor: ApiClient;
  let leitung: ApiClient;
  let mastodon: string;
  const standIn = new MastodonStandIn();
  const url = (path: string) => `/api/orgs/${orgId}${path}`;
  /**
   * The Kommunikationsstopp of the current sequence: since when (database clock), and the finished
   * intervals. Kept as PostgreSQL's text with microseconds: a JavaScript Date keeps milliseconds,
   * so an attempt started in the same millisecond just before the stop counted as "during" it.
   */
  let stoppedSince: string | null = null;
  let stops: Array<readonly [string, string]> = [];

  async function setStop(on: boolean): Promise<void> {
    if (on === (stoppedSince !== null)) return;
    if (on) {
      await app.owner.query('UPDATE organizations SET communication_stop = true WHERE id = $1', [orgId]);
      // Committed: any attempt started after this instant began after the stop and must see it.
      stoppedSince = (await app.owner.query('SELECT clock_timestamp()::text AS at'))[0].at as string;
    } else {
      const until = (await app.owner.query('SELECT clock_timestamp()::text AS at'))[0].at as string;
      await app.owner.query('UPDATE organizations SET communication_stop = false WHERE id = $1', [orgId]);
      stops.push([stoppedSince!, until]);
      stoppedSince = null;
    }
  }

  beforeAll(async () => {
    const instance = await standIn.start();
    // Redis 15 as in publishing.integration.ts; test files run one after another.
    app = await startTestApp('publishingmodel', 15, { environment: { PUBLISH_REQUEST_TIMEOUT_SECONDS: '2' } });
    orgId = await app.organizationId('Stadt Musterstadt');
    const admin = await app.as('admin@musterstadt.example');
    [editor, leitung] = await Promise.all([app.as('redaktion@musterstadt.example'), app.as('leitung@musterstadt.example')]);
    mastodon = (await editor.post<{ id: string }>(url('/channels'), { platform: 'mastodon', name: 'Mastodon Modell', color: '#6364ff' })).body.id;
    await admin.request('PUT', url(`/channels/${mastodon}/credentials`), { body: { instanceUrl: instance, accessToken: 'model-token' } });
    await app.startWorker();
  });
  afterAll(async () => {
    await app.close();
    await standIn.stop();
  });

  async function current(postId: string): Promise<Post> {
    return (await editor.get<Post>(url(`/posts/${postId}`))).body;
  }

  async function perform(postId: string, step: Action): Promise<void> {
    switch (step.kind) {
      case 'edit': {
        const post = await current(postId);
        await editor.patch(url(`/posts/${postId}`), { version: post.version, text: step.text });
        return;
      }
      case 'move': {
        const post = await current(postId);
        await editor.patch(url(`/posts/${postId}`), { version: post.version, planning: { kind: 'time', at: new Date(Date.now() + step.minutes * 60_000).toISOString() } });
        return;
      }
      case 'submit': {
        const post = await current(postId);
        await editor.post(url(`/posts/${postId}/submit`), { version: post.version });
        return;
      }
      case 'decide': {
        const request = await editor.get<{ id: string; status: string; contentHash: string; currentStepIndex: number | null }>(url(`/posts/${postId}/approval`));
        if (request.status !== 200 || request.body.status !== 'pending' || request.body.currentStepIndex === null) return;
        await leitung.post(url(`/approval-requests/${request.body.id}/decisions`), {
          decision: step.decision,
          stepIndex: request.body.currentStepIndex,
          contentHash: request.body.contentHash,
          ...(step.decision === 'request_changes' ? { comment: 'Bitte noch einmal ansehen.' } : {}),
        });
        return;
      }
      case 'tick':
        await app.worker!.get(PublishingSweep).run();
        return;
      case 'crash': {
        // The worker goes away and another starts: it reconciles the jobs and settles cut-off attempts.
        await app.worker!.close();
        const next = await startWorkerContext(app.config);
        app.worker = next;
        return;
      }
      case 'flush': {
        const redis = new Redis(app.config.redisUrl);
        await redis.flushdb();
        await redis.quit();
        return;
      }
      case 'refuse':
        standIn.behaviours.push({ kind: 'refuse', status: 503 });
        return;
      case 'stop':
      case 'lift':
        await setStop(step.kind === 'stop');
        return;
    }
  }

  /** Lets the worker finish what is under way, and brings every waiting retry forward. */
  async function settle(postId: string): Promise<void> {
    for (let round = 0; round < 8; round++) {
      await app.worker!.get(PublishingSweep).run();
      for (let wait = 0; wait < 50; wait++) {
        // Busy: an attempt under way, or a due post whose job has not claimed it yet (the sweep leaves a queued job alone).
        const [busy] = await app.owner.query(
          `SELECT (SELECT count(*)::int FROM publications WHERE post_id = $1 AND status = 'publishing')
                + (SELECT count(*)::int FROM posts p JOIN approval_requests r ON r.post_id = p.id AND r.status = 'approved'
                    WHERE p.id = $1 AND p.status = 'scheduled' AND p.planned_at <= now()
                      AND NOT EXISTS (SELECT 1 FROM publications u WHERE u.post_id = p.id AND u.approval_request_id = r.id)) AS n`,
          [postId],
        );
        if (busy.n === 0) break;
        await sleep(100);
      }
      const [, retries] = await app.owner.query(`UPDATE publications SET next_attempt_at = now() WHERE post_id = $1 AND status = 'pending'`, [postId]);
      if (retries === 0 && round > 0) return;
    }
  }

  async function checkInvariants(postId: string): Promise<void> {
    // Invariant 5: nothing started while the Kommunikationsstopp was in force.
    for (const [from, until] of stops) {
      const [during] = await app.owner.query(`SELECT count(*)::int AS n FROM publish_attempts WHERE post_id = $1 AND started_at > $2::timestamptz AND started_at < $3::timestamptz`, [postId, from, until]);
      expect(during.n).toBe(0);
    }
    const publications: Array<{ id: string; channelId: string; requestId: string; contentHash: string; status: string; claimedAt: Date }> = await app.owner.query(
      `SELECT u.id, u.channel_id AS "channelId", u.approval_request_id AS "requestId", u.content_hash AS "contentHash", u.status, u.created_at AS "claimedAt"
         FROM publications u WHERE u.post_id = $1`,
      [postId],
    );
    // Invariant 2, in the database: one publication per approval and channel.
    const perVersion = new Set(publications.map((p) => `${p.requestId}/${p.channelId}`));
    expect(perVersion.size).toBe(publications.length);

    for (const publication of publications) {
      const [request] = await app.owner.query(
        `SELECT r.content_hash, r.canonical_content, r.steps,
                (SELECT count(*)::int FROM approval_decisions d WHERE d.request_id = r.id AND d.kind = 'approve' AND d.content_hash = r.content_hash) AS approvals
           FROM approval_requests r WHERE r.id = $1`,
        [publication.requestId],
      );
      // Invariant 1: bound to a request approved through the whole route, for exactly its hash.
      expect(request.content_hash).toBe(publication.contentHash);
      const steps = request.steps as Array<{ status: string }>;
      expect(steps.every((s) => s.status === 'approved' || s.status === 'skipped')).toBe(true);
      expect(request.approvals).toBeGreaterThanOrEqual(1);
      const approvedText = parseApprovalContent(request.canonical_content).channels.find((c) => c.channelId === publication.channelId)!.text;
      const received = standIn.statusesFor(publication.id);
      for (const status of received) expect(Buffer.from(status.status, 'utf8').equals(Buffer.from(approvedText, 'utf8'))).toBe(true);
      // Invariant 2, at the platform: accepted at most once; published means accepted once.
      const accepted = received.filter((s) => s.answer.kind === 'accept');
      expect(accepted.length).toBeLessThanOrEqual(1);
      if (publication.status === 'published') expect(accepted).toHaveLength(1);
    }

    // Nothing lost: approved content whose time has come is published, or recorded as missed.
    const [post] = await app.owner.query(
      `SELECT p.status, p.planned_at, r.id AS request_id FROM posts p
         LEFT JOIN approval_requests r ON r.post_id = p.id AND r.status = 'approved' WHERE p.id = $1`,
      [postId],
    );
    if (post.request_id && post.status === 'scheduled' && new Date(post.planned_at).getTime() <= Date.now()) {
      const own = publications.filter((p) => p.requestId === post.request_id);
      expect(own.map((p) => p.status)).toHaveLength(1);
      const late = new Date(own[0]!.claimedAt).getTime() - new Date(post.planned_at).getTime() > TOLERANCE_MS;
      expect([late ? 'missed' : 'published', 'unconfirmed']).toContain(own[0]!.status);
    }
    if (post.status === 'published') expect(publications.some((p) => p.status === 'published')).toBe(true);

    // Every text the stand-in ever received belongs to a publication (nothing sent outside the publisher).
    const known: Array<{ id: string }> = await app.owner.query('SELECT id FROM publications');
    const ids = new Set(known.map((k) => k.id));
    expect(standIn.statuses.every((s) => s.idempotencyKey !== undefined && ids.has(s.idempotencyKey))).toBe(true);
  }

  it('holds for random sequences of edits, decisions, moves, ticks, crashes and Redis flushes', async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      // Half of the sequences start from an approved post, so the publisher has something to do.
      fc.asyncProperty(fc.boolean(), fc.array(action, { minLength: 1, maxLength: 10 }), async (approvedFirst, rest) => {
        const actions: Action[] = approvedFirst ? [{ kind: 'submit' }, { kind: 'decide', decision: 'approve' }, ...rest] : rest;
        standIn.behaviours.length = 0;
        await setStop(false); // after a failed sequence (shrinking)
        stops = [];
        const created = await editor.post<Post>(url('/posts'), {
          workingTitle: `Modell ${randomUUID().slice(0, 8)}`,
          text: TEXTS[0],
          variants: [{ channelId: mastodon, text: null }],
          planning: { kind: 'time', at: new Date(Date.now() - 60_000).toISOString() },
        });
        expect(created.status).toBe(201);
        for (const step of actions) await perform(created.body.id, step);
        await setStop(false);
        await settle(created.body.id);
        await checkInvariants(created.body.id);
        const statuses: Array<{ status: string }> = await app.owner.query('SELECT status FROM publications WHERE post_id = $1', [created.body.id]);
        for (const { status } of statuses) seen.set(status, (seen.get(status) ?? 0) + 1);
      }),
      {
        numRuns: RUNS,
        endOnFailure: true,
        examples: [
          [true, [{ kind: 'tick' }]],
          [true, [{ kind: 'flush' }, { kind: 'crash' }, { kind: 'tick' }]],
          [true, [{ kind: 'refuse' }, { kind: 'refuse' }, { kind: 'edit', text: 'Straßenfest 🎉' }]],
          [false, [{ kind: 'move', minutes: -125 }, { kind: 'submit' }, { kind: 'decide', decision: 'approve' }]],
          [true, [{ kind: 'stop' }, { kind: 'tick' }, { kind: 'refuse' }, { kind: 'lift' }, { kind: 'tick' }]],
        ],
      },
    );
    // The sequences reached the publisher: published, retried and missed posts were among them.
    expect(seen.get('published')).toBeGreaterThanOrEqual(1);
    expect(seen.get('missed')).toBeGreaterThanOrEqual(1);
  }, 10 * 60_000);
});
