import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bullConnection } from '../../src/queues/bullmq-connection';
import { JobName, QueueName } from '../../src/queues/queue-registry';
import { MastodonStandIn } from '../support/mastodon-stand-in';
import { PrivateRedis } from '../support/private-services';
import { migratedDatabase, seedApprovedPosts, type SeededPost } from '../support/publishing-seed';
import { TEST_CHANNEL_SECRET_KEY } from '../support/test-environment';
import { waitFor } from '../support/wait';
import { WorkerProcess } from '../support/worker-process';

/**
 * The Kommunikationsstopp's guarantee (DESIGN.md invariant 5) with real processes: jobs already
 * due in Redis and two worker processes racing over them; while the stop of an organization is
 * active, nothing of it reaches the platform or is recorded as a publication — the claim checks
 * the stop in the same statement that takes the post. A second organization without a stop is
 * published at the same time (the workers do work). After lifting, each held post goes out once.
 * The stop is switched by the same statement the crisis API uses (CommunicationStopService);
 * the API itself, with lifting decisions, is covered in crisis.integration.ts.
 */

const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function publicationsOf(url: string, posts: readonly SeededPost[]): Promise<Array<{ postId: string; status: string }>> {
  return query(url, `SELECT post_id AS "postId", status FROM publications WHERE post_id = ANY($1::uuid[])`, [posts.map((p) => p.id)]);
}

describe('Kommunikationsstopp: jobs due in Redis and two workers publish nothing until it is lifted (invariant 5)', () => {
  const media = mkdtempSync(join(tmpdir(), 'amtsplan-stop-media-'));
  const cleanup: Array<() => Promise<void> | void> = [];
  const workers: WorkerProcess[] = [];
  afterAll(async () => {
    for (const w of workers) await w.kill();
    for (const stop of cleanup.reverse()) await stop();
    rmSync(media, { recursive: true, force: true });
  });

  it('holds every due job of the stopped organization across two workers and releases them once lifted', async () => {
    const platform = new MastodonStandIn();
    const instance = await platform.start();
    cleanup.push(() => platform.stop());
    const redis = await PrivateRedis.start();
    cleanup.push(() => redis.stop());
    const url = await migratedDatabase(ADMIN_URL, 'amtsplan_it_crisis_stop');
    const environment = { DATABASE_URL: url, REDIS_URL: redis.url, MEDIA_DIR: media, PUBLISH_REQUEST_TIMEOUT_SECONDS: '5' };
    workers.push(...(await Promise.all([WorkerProcess.start('A', environment), WorkerProcess.start('B', environment)])));
    const output = () => workers.map((w) => `--- worker ${w.name}\n${w.output()}`).join('\n');

    const dueAt = new Date(Date.now() + 3_000);
    const posts = await seedApprovedPosts(url, { organizations: 2, postsPerOrganization: 10, plannedAt: () => dueAt, instanceUrl: instance, channelSecretKey: TEST_CHANNEL_SECRET_KEY });
    const stopped = posts.filter((p) => p.organizationId === posts[0].organizationId);
    const free = posts.filter((p) => p.organizationId !== posts[0].organizationId);
    expect(stopped).toHaveLength(10);
    expect(free).toHaveLength(10);

    // The jobs are in Redis first; then the stop is activated, before they fall due.
    const queue = new Queue(QueueName.Publishing, { connection: bullConnection(redis.url) });
    cleanup.push(() => queue.close());
    const delay = Math.max(0, dueAt.getTime() - Date.now());
    await queue.addBulk([
      ...Array.from({ length: 4 }, (_, n) => ({
        name: JobName.PublishingSweep,
        data: { scheduledFor: dueAt.toISOString() },
        opts: { jobId: `${JobName.PublishingSweep}_stop_${n}`, delay, attempts: 1 },
      })),
      ...posts.map((post) => ({
        name: JobName.PublishPost,
        data: { organizationId: post.organizationId, postId: post.id, version: 1 },
        opts: { jobId: `publish-post_${post.id}_1`, delay, attempts: 3 },
      })),
    ]);
    await query(url, `UPDATE organizations SET communication_stop = true, communication_stop_since = now(), communication_stop_reason = 'Test' WHERE id = $1 AND NOT communication_stop`, [
      stopped[0].organizationId,
    ]);
    expect(Date.now()).toBeLessThan(dueAt.getTime());

    // The other organization goes out: the workers ran every job, the stopped one's included.
    await waitFor('the free organization published', async () => ((await publicationsOf(url, free)).filter((p) => p.status === 'published').length === free.length ? true : null), 45_000, output);
    // More sweeps over the held posts while the stop holds.
    await queue.addBulk(
      Array.from({ length: 3 }, () => ({ name: JobName.PublishingSweep, data: { scheduledFor: new Date().toISOString() }, opts: { jobId: `${JobName.PublishingSweep}_held_${randomUUID()}`, attempts: 1 } })),
    );
    // The held posts' own jobs and the sweeps have run (none waits any more): they found nothing to claim.
    const heldOrSweep = (id: string | undefined) => !!id && (id.startsWith(`${JobName.PublishingSweep}_held_`) || stopped.some((p) => id === `publish-post_${p.id}_1`));
    await waitFor(
      'the held posts\' jobs and the sweeps have run',
      async () => ((await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized'])).some((j) => heldOrSweep(j.id)) ? null : true),
      30_000,
      output,
    );
    expect(await publicationsOf(url, stopped)).toEqual([]);
    const stoppedIds = new Set(stopped.map((p) => p.id));
    const sentForStopped = platform.statuses.filter((s) => stopped.some((p) => s.status === p.text));
    expect(sentForStopped).toEqual([]);
    const [claims] = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM posts WHERE id = ANY($1::uuid[]) AND publish_claimed_at IS NOT NULL`, [[...stoppedIds]]);
    expect(claims.n).toBe(0);

    // Lifted: the next sweep takes each held post exactly once.
    await query(url, `UPDATE organizations SET communication_stop = false, communication_stop_since = NULL, communication_stop_reason = NULL WHERE id = $1`, [stopped[0].organizationId]);
    await queue.add(JobName.PublishingSweep, { scheduledFor: new Date().toISOString() }, { jobId: `${JobName.PublishingSweep}_lifted_${randomUUID()}`, attempts: 1 });
    await waitFor('the held posts published after lifting', async () => ((await publicationsOf(url, stopped)).filter((p) => p.status === 'published').length === stopped.length ? true : null), 45_000, output);
    expect(await publicationsOf(url, stopped)).toHaveLength(stopped.length);
    expect(platform.statuses).toHaveLength(posts.length);
  }, 150_000);
});
