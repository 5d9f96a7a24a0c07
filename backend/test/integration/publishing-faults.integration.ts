import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bullConnection } from '../../src/queues/bullmq-connection';
import { JobName, QueueName } from '../../src/queues/queue-registry';
import { MastodonStandIn } from '../support/mastodon-stand-in';
import { PrivateCluster, PrivateRedis } from '../support/private-services';
import { migratedDatabase, seedApprovedPosts, type SeededPost } from '../support/publishing-seed';
import { TEST_CHANNEL_SECRET_KEY } from '../support/test-environment';
import { sleep, waitFor } from '../support/wait';
import { WorkerProcess, type WorkerEnvironment } from '../support/worker-process';

/**
 * Fault tests of DESIGN.md invariant 2 with real processes and real services: the worker is the
 * real entry point (`backend/src/worker.ts`) in OS processes of its own, killed with SIGKILL;
 * Redis is a private `redis-server` without persistence, killed and started empty; PostgreSQL is
 * a private cluster, crashed (`pg_ctl -m immediate`) and started again. The platform is the
 * Mastodon stand-in, which counts every status request it receives: "exactly once" is checked
 * there (what went out) and in publications/publish_attempts (what was recorded).
 * What this proves and what it does not: docs/publishing-proof.md.
 */

const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Longer than the lease of an attempt, max(10 min, 12 × PUBLISH_REQUEST_TIMEOUT_SECONDS), for timeouts up to 50 s. */
const PAST_THE_LEASE = `interval '11 minutes'`;

interface Outcome {
  postId: string;
  postStatus: string;
  publicationId: string | null;
  status: string | null;
  attempts: number;
  openAttempts: number;
  lastOutcome: string | null;
}

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function outcomes(url: string, posts: readonly SeededPost[]): Promise<Outcome[]> {
  return query<Outcome>(
    url,
    `SELECT p.id AS "postId", p.status AS "postStatus", u.id AS "publicationId", u.status,
            (SELECT count(*)::int FROM publish_attempts a WHERE a.publication_id = u.id) AS attempts,
            (SELECT count(*)::int FROM publish_attempts a WHERE a.publication_id = u.id AND a.finished_at IS NULL) AS "openAttempts",
            (SELECT a.outcome FROM publish_attempts a WHERE a.publication_id = u.id ORDER BY a.attempt_no DESC LIMIT 1) AS "lastOutcome"
       FROM posts p LEFT JOIN publications u ON u.post_id = p.id
      WHERE p.id = ANY($1::uuid[])`,
    [posts.map((p) => p.id)],
  );
}

function countBy(rows: readonly Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status ?? 'none'] = (counts[row.status ?? 'none'] ?? 0) + 1;
  return counts;
}

/**
 * Invariant 2, checked at the platform and in the database: every post has exactly one
 * publication (never lost, never a second one); a published one was received exactly once by the
 * stand-in, byte for byte the approved text, with one attempt; an unconfirmed one (`allowed`) was
 * received at most once and is never sent again; nothing else.
 */
async function expectExactlyOnce(url: string, standIn: MastodonStandIn, posts: readonly SeededPost[], unconfirmedAllowed: ReadonlySet<string> | 'any'): Promise<Outcome[]> {
  const rows = await outcomes(url, posts);
  const byPost = new Map(posts.map((p) => [p.id, p]));
  expect(rows).toHaveLength(posts.length); // a second publication of a post would add a row
  const keys = new Set<string>();
  for (const row of rows) {
    const post = byPost.get(row.postId)!;
    expect({ post: row.postId, publication: row.publicationId !== null }).toEqual({ post: row.postId, publication: true });
    keys.add(row.publicationId!);
    const received = standIn.statusesFor(row.publicationId!);
    for (const request of received) expect(request.status).toBe(post.text);
    expect({ post: row.postId, attempts: row.attempts, openAttempts: row.openAttempts }).toEqual({ post: row.postId, attempts: 1, openAttempts: 0 });
    if (row.status === 'published') {
      expect({ post: row.postId, received: received.length, accepted: received.filter((r) => r.answer.kind === 'accept').length, postStatus: row.postStatus }).toEqual({
        post: row.postId,
        received: 1,
        accepted: 1,
        postStatus: 'published',
      });
    } else {
      const allowed = unconfirmedAllowed === 'any' || unconfirmedAllowed.has(row.publicationId!);
      expect({ post: row.postId, status: row.status, allowed, lastOutcome: row.lastOutcome }).toEqual({ post: row.postId, status: 'unconfirmed', allowed: true, lastOutcome: 'unknown' });
      expect(received.length).toBeLessThanOrEqual(1);
    }
  }
  // Nothing reached the platform that is not one of these publications.
  expect(standIn.statuses.filter((s) => !keys.has(s.idempotencyKey ?? ''))).toEqual([]);
  return rows;
}

/** What the worker's cron does every minute: one publishing sweep job; resolves when it has run. */
async function runSweep(redisUrl: string, timeoutMs = 30_000): Promise<void> {
  const queue = new Queue(QueueName.Publishing, { connection: bullConnection(redisUrl) });
  try {
    const job = await queue.add(JobName.PublishingSweep, { scheduledFor: new Date().toISOString() }, { jobId: `${JobName.PublishingSweep}_test_${randomUUID()}`, attempts: 1 });
    const state = await waitFor(
      `sweep job ${job.id}`,
      async () => {
        const current = await queue.getJob(job.id!);
        const value = current ? await current.getState() : 'completed';
        return value === 'completed' || value === 'failed' ? value : null;
      },
      timeoutMs,
    );
    if (state === 'failed') throw new Error(`sweep job failed: ${(await queue.getJob(job.id!))?.failedReason}`);
  } finally {
    await queue.close();
  }
}

async function publishingJobCounts(redisUrl: string): Promise<{ delayed: number; waiting: number }> {
  const queue = new Queue(QueueName.Publishing, { connection: bullConnection(redisUrl) });
  try {
    const counts = await queue.getJobCounts('delayed', 'waiting');
    return { delayed: counts['delayed'] ?? 0, waiting: counts['waiting'] ?? 0 };
  } finally {
    await queue.close();
  }
}

/** The settled state: no post left unclaimed, no publication waiting to be attempted. */
async function settledExceptInFlight(url: string, posts: readonly SeededPost[]): Promise<Outcome[] | null> {
  const rows = await outcomes(url, posts);
  return rows.every((r) => r.status === 'published' || r.status === 'publishing' || r.status === 'unconfirmed') ? rows : null;
}

describe('Publishing under faults: killed workers, lost Redis, restarted PostgreSQL, racing workers (invariant 2)', () => {
  const started: Array<{ stop(): Promise<void> | void }> = [];
  const media = mkdtempSync(join(tmpdir(), 'amtsplan-faults-media-'));
  let workers: WorkerProcess[] = [];

  async function worker(name: string, environment: WorkerEnvironment): Promise<WorkerProcess> {
    const started = await WorkerProcess.start(name, environment);
    workers.push(started);
    return started;
  }

  async function standIn(): Promise<{ standIn: MastodonStandIn; instance: string }> {
    const instance = new MastodonStandIn();
    const origin = await instance.start();
    started.push({ stop: () => instance.stop() });
    return { standIn: instance, instance: origin };
  }

  async function privateRedis(): Promise<PrivateRedis> {
    const redis = await PrivateRedis.start();
    started.push(redis);
    return redis;
  }

  /** On failure the workers' last lines say what they were doing. */
  function workerOutput(): string {
    return workers.map((w) => `--- worker ${w.name} (pid ${w.pid}, ${w.running ? 'running' : 'ended'})\n${w.output()}`).join('\n');
  }

  afterEach(async () => {
    // SIGKILL: what the workers leave behind is not looked at any more, and a graceful stop waits for their jobs.
    for (const w of workers) await w.kill();
    workers = [];
    for (const service of started.splice(0).reverse()) await service.stop();
  });
  afterAll(() => rmSync(media, { recursive: true, force: true }));

  it('(a) kill -9 mid-publish: the cut-off attempt is never sent again and becomes unbestätigt; every other post is published exactly once by the next worker', async () => {
    const { standIn: platform, instance } = await standIn();
    const redis = await privateRedis();
    const url = await migratedDatabase(ADMIN_URL, 'amtsplan_it_faults_kill');
    const posts = await seedApprovedPosts(url, {
      organizations: 2,
      postsPerOrganization: 5,
      plannedAt: () => new Date(Date.now() - 5_000),
      instanceUrl: instance,
      channelSecretKey: TEST_CHANNEL_SECRET_KEY,
    });
    // The first status request is read and never answered: the worker is provably mid-attempt.
    platform.behaviours.push({ kind: 'hang' });
    // A long request timeout, so that the worker is still waiting when it is killed.
    const environment = { DATABASE_URL: url, REDIS_URL: redis.url, MEDIA_DIR: media, PUBLISH_REQUEST_TIMEOUT_SECONDS: '30' };
    const first = await worker('A', environment);
    const held = await waitFor('the stand-in to hold a status request open', () => platform.statuses.find((s) => s.answer.kind === 'hang'), 30_000, workerOutput);
    const heldId = held.idempotencyKey!;
    const [inFlight] = await query<{ status: string; open: number }>(
      url,
      `SELECT u.status, (SELECT count(*)::int FROM publish_attempts a WHERE a.publication_id = u.id AND a.finished_at IS NULL) AS open FROM publications u WHERE u.id = $1`,
      [heldId],
    );
    expect(inFlight).toEqual({ status: 'publishing', open: 1 });
    await first.kill();
    expect(first.running).toBe(false);
    const [{ killedAt }] = await query<{ killedAt: Date }>(url, `SELECT now() AS "killedAt"`);

    // The next worker: its start reconciles the jobs; the sweep (every minute in production) runs now.
    await worker('B', environment);
    await runSweep(redis.url);
    await waitFor('every post claimed and attempted', () => settledExceptInFlight(url, posts), 30_000, workerOutput);
    // Cut off are the attempts the killed worker left open, not those B has under way at this moment.
    await waitFor(
      'worker B has recorded its own attempts',
      async () => ((await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM publish_attempts WHERE finished_at IS NULL AND started_at >= $1`, [killedAt]))[0]!.n === 0 ? true : null),
      30_000,
      workerOutput,
    );
    const afterRestart = await outcomes(url, posts);
    // Within the lease the cut-off attempt is left alone: it may still be running somewhere.
    expect(afterRestart.find((r) => r.publicationId === heldId)?.status).toBe('publishing');
    expect(platform.statusesFor(heldId)).toHaveLength(1);
    const cutOff = new Set(afterRestart.filter((r) => r.status === 'publishing').map((r) => r.publicationId!));

    // The lease passes (moved back instead of waited for): the sweep settles what was cut off.
    await query(url, `UPDATE publications SET updated_at = updated_at - ${PAST_THE_LEASE} WHERE status = 'publishing'`);
    await runSweep(redis.url);
    const rows = await waitFor('the cut-off attempts settled', async () => {
      const current = await outcomes(url, posts);
      return current.every((r) => r.status !== 'publishing') ? current : null;
    }, 30_000, workerOutput);
    await expectExactlyOnce(url, platform, posts, cutOff);
    expect(rows.find((r) => r.publicationId === heldId)?.status).toBe('unconfirmed');
    expect(countBy(rows)['published']).toBe(posts.length - cutOff.size);
    expect(platform.statusesFor(heldId)).toHaveLength(1);
    // The person who has to look is told.
    const [alert] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM notifications WHERE kind = 'publish_unconfirmed'`);
    expect(alert!.n).toBe(cutOff.size);
  }, 120_000);

  it('(b) Redis restarted without persistence: the reconciliation re-creates the lost jobs and every post is published exactly once, at its time', async () => {
    const { standIn: platform, instance } = await standIn();
    const redis = await privateRedis();
    const url = await migratedDatabase(ADMIN_URL, 'amtsplan_it_faults_redis');
    const environment = { DATABASE_URL: url, REDIS_URL: redis.url, MEDIA_DIR: media, PUBLISH_REQUEST_TIMEOUT_SECONDS: '5' };
    await worker('A', environment);
    const dueAt = new Date(Date.now() + 12_000);
    const posts = await seedApprovedPosts(url, { organizations: 3, postsPerOrganization: 5, plannedAt: () => dueAt, instanceUrl: instance, channelSecretKey: TEST_CHANNEL_SECRET_KEY });
    await runSweep(redis.url);
    expect((await publishingJobCounts(redis.url)).delayed).toBe(posts.length);

    await redis.restartEmpty();
    expect((await publishingJobCounts(redis.url)).delayed).toBe(0);
    expect(Date.now()).toBeLessThan(dueAt.getTime() - 2_000); // the jobs were lost before their time
    // The minute's sweep after the loss: nothing is due yet, so only the reconciliation acts.
    await runSweep(redis.url);
    expect(await outcomes(url, posts).then((rows) => rows.filter((r) => r.publicationId !== null))).toEqual([]);
    expect((await publishingJobCounts(redis.url)).delayed).toBe(posts.length);

    const rows = await waitFor('every post published', async () => {
      const current = await outcomes(url, posts);
      return current.every((r) => r.status === 'published') ? current : null;
    }, 40_000, workerOutput);
    await expectExactlyOnce(url, platform, posts, new Set());
    expect(rows).toHaveLength(posts.length);
    // Published by the re-created jobs at their time, not by a later sweep (the next is a minute away).
    const [late] = await query<{ max: number }>(url, `SELECT max(extract(epoch FROM (a.started_at - p.planned_at)))::float AS max FROM publish_attempts a JOIN posts p ON p.id = a.post_id`);
    expect(late!.max).toBeGreaterThanOrEqual(0);
    expect(late!.max).toBeLessThan(30);
  }, 120_000);

  it('(c) PostgreSQL crashed and restarted while the worker runs: the worker recovers and every post is published exactly once', async () => {
    const cluster = await PrivateCluster.start();
    started.push({ stop: () => cluster.destroy() });
    const { standIn: platform, instance } = await standIn();
    const redis = await privateRedis();
    const url = await migratedDatabase(cluster.adminUrl, 'amtsplan_faults_pg');
    const environment = { DATABASE_URL: url, REDIS_URL: redis.url, MEDIA_DIR: media, PUBLISH_REQUEST_TIMEOUT_SECONDS: '5' };
    const before = await seedApprovedPosts(url, { organizations: 2, postsPerOrganization: 5, plannedAt: () => new Date(Date.now() - 5_000), instanceUrl: instance, channelSecretKey: TEST_CHANNEL_SECRET_KEY });
    await worker('A', environment);
    await waitFor('the first posts published', async () => (await outcomes(url, before)).every((r) => r.status === 'published'), 30_000, workerOutput);

    // The second posts fall due while PostgreSQL is down: their jobs fire into the outage.
    const dueAt = new Date(Date.now() + 10_000);
    const during = await seedApprovedPosts(url, { organizations: 2, postsPerOrganization: 5, plannedAt: () => dueAt, instanceUrl: instance, channelSecretKey: TEST_CHANNEL_SECRET_KEY });
    await runSweep(redis.url);
    expect((await publishingJobCounts(redis.url)).delayed).toBe(during.length);
    expect(Date.now()).toBeLessThan(dueAt.getTime() - 1_000); // otherwise the outage would miss the jobs
    await sleep(Math.max(0, dueAt.getTime() - Date.now() - 1_000));
    await cluster.crashAndRestart(5_000);
    expect(await cluster.accepting()).toBe(true);
    // The jobs did fire into the outage (and failed there), so recovery is what is tested below.
    await waitFor('a publishing job failing in the outage', () => workers[0]!.wrote(/publish-post_\S+ failed/), 10_000, workerOutput);

    // The jobs retry with backoff; the minute's sweep catches whatever they could not do.
    const all = [...before, ...during];
    const byJobs = await waitFor('the posts due in the outage published by their retried jobs', async () => (await outcomes(url, during)).every((r) => r.status === 'published'), 25_000).catch(() => false);
    if (!byJobs) await runSweep(redis.url);
    await waitFor('every post settled after the restart', () => settledExceptInFlight(url, all), 30_000, workerOutput);
    // An attempt whose outcome could not be recorded while the database was down is cut off:
    // after the lease it is unbestätigt, never sent again.
    await query(url, `UPDATE publications SET updated_at = updated_at - ${PAST_THE_LEASE} WHERE status = 'publishing'`);
    await runSweep(redis.url);
    const rows = await expectExactlyOnce(url, platform, all, 'any');
    // The outage was not survived by marking everything unbestätigt: the posts due in it went out.
    expect(countBy(rows)['published']).toBe(all.length);
    expect(workers[0]!.running).toBe(true);
  }, 120_000);

  it('(d) two worker processes racing over the same due posts: each post is sent and recorded exactly once', async () => {
    const { standIn: platform, instance } = await standIn();
    const redis = await privateRedis();
    const url = await migratedDatabase(ADMIN_URL, 'amtsplan_it_faults_race');
    const environment = { DATABASE_URL: url, REDIS_URL: redis.url, MEDIA_DIR: media, PUBLISH_REQUEST_TIMEOUT_SECONDS: '5' };
    const [first, second] = await Promise.all([worker('A', environment), worker('B', environment)]);
    const dueAt = new Date(Date.now() + 4_000);
    const posts = await seedApprovedPosts(url, { organizations: 4, postsPerOrganization: 15, plannedAt: () => dueAt, instanceUrl: instance, channelSecretKey: TEST_CHANNEL_SECRET_KEY });
    // Every post's own job and several sweeps all fall due at the same instant, so both
    // processes try to claim and attempt the same posts at the same time.
    const queue = new Queue(QueueName.Publishing, { connection: bullConnection(redis.url) });
    try {
      const delay = Math.max(0, dueAt.getTime() - Date.now());
      // The sweeps first: each walks every due post (claim, then its due attempts) while the
      // posts' own jobs do the same in the other process.
      await queue.addBulk([
        ...Array.from({ length: 6 }, (_, n) => ({
          name: JobName.PublishingSweep,
          data: { scheduledFor: dueAt.toISOString() },
          opts: { jobId: `${JobName.PublishingSweep}_race_${n}`, delay, attempts: 1 },
        })),
        // Each post twice: its own job and a retry's job (another id). The sweep leaves a post
        // whose own job is queued to that job, so the retry's job is what races it.
        ...posts.flatMap((post) =>
          [`publish-post_${post.id}_1`, `publish-post_${post.id}_1_attempt_2`].map((jobId) => ({
            name: JobName.PublishPost,
            data: { organizationId: post.organizationId, postId: post.id, version: 1 },
            opts: { jobId, delay, attempts: 3, removeOnComplete: true },
          })),
        ),
      ]);
    } finally {
      await queue.close();
    }
    const rows = await waitFor('every post published', async () => {
      const current = await outcomes(url, posts);
      return current.every((r) => r.status === 'published') ? current : null;
    }, 45_000, workerOutput);
    await expectExactlyOnce(url, platform, posts, new Set());
    expect(platform.statuses).toHaveLength(posts.length);
    const [recorded] = await query<{ publications: number; attempts: number }>(
      url,
      `SELECT (SELECT count(*)::int FROM publications) AS publications, (SELECT count(*)::int FROM publish_attempts) AS attempts`,
    );
    expect(recorded).toEqual({ publications: posts.length, attempts: posts.length });
    expect(rows).toHaveLength(posts.length);
    // Both processes took part: the race happened across processes, not inside one.
    const claimers = await query<{ pid: string; n: number }>(
      url,
      `SELECT split_part(publish_claimed_by, ':', 2) AS pid, count(*)::int AS n FROM posts WHERE id = ANY($1::uuid[]) GROUP BY 1`,
      [posts.map((p) => p.id)],
    );
    expect(claimers.map((c) => Number(c.pid)).sort()).toEqual([first.pid, second.pid].sort());
  }, 120_000);
});
