import { Injectable, Logger } from '@nestjs/common';
import { deterministicPublishJobId } from '@amtsplan/domain';
import type { JobType } from 'bullmq';
import { Database } from '../database/database';
import { JobQueue } from '../queues/job-queue';
import { JobName, QueueName } from '../queues/queue-registry';
import { isPostJobId, PublishJobs, type ScheduledPost } from './publish-jobs';

/** More scheduled posts than this in one installation and stale jobs are left for the handler to ignore. */
const MAX_SCHEDULED = 50_000;

export interface ReconciliationResult {
  readonly added: number;
  readonly removed: number;
}

/**
 * PostgreSQL is the source of truth, the queue only triggers (DESIGN.md invariant 2): every
 * scheduled post not yet claimed, due or in the future, has exactly one job, the one of its
 * current version. A job lost with Redis comes back; the job of a post that moved (a new
 * version) or left `scheduled` is removed.
 */
@Injectable()
export class PublishReconciliation {
  private readonly logger = new Logger('PublishReconciliation');

  constructor(
    private readonly database: Database,
    private readonly queues: JobQueue,
    private readonly jobs: PublishJobs,
  ) {}

  /** The scheduled posts the publisher has not taken yet, across organizations, with the database's clock. */
  async scheduledPosts(limit = MAX_SCHEDULED): Promise<Array<ScheduledPost & { due: boolean }>> {
    const rows: Array<ScheduledPost & { due: boolean }> = await this.database.transaction({}, ({ manager }) =>
      manager.query(
        `SELECT organization_id AS "organizationId", post_id AS "postId", version, planned_at AS "plannedAt", planned_at <= now() AS due
           FROM publishing_scheduled_posts($1)`,
        [limit],
      ),
    );
    return rows;
  }

  /**
   * The ids of the publishing queue's jobs that will still run (`delayed`, `wait`, `prioritized`;
   * with `active` and `waiting-children` when `running`): only the ids, from the queue's sorted
   * sets and lists, without reading each job.
   */
  async queuedJobIds(running: boolean): Promise<Set<string>> {
    const queue = this.queues.queue(QueueName.Publishing);
    const types: JobType[] = ['delayed', 'wait', 'prioritized', ...(running ? (['active', 'waiting-children'] as const) : [])];
    return new Set(await queue.getRanges(types, 0, -1));
  }

  async reconcile(now = new Date()): Promise<ReconciliationResult> {
    const queue = this.queues.queue(QueueName.Publishing);
    // Jobs first, posts second: a job added in between belongs to a post this read already sees.
    const present = await this.queuedJobIds(true);
    const posts = await this.scheduledPosts();
    const expected = new Set<string>();
    const missing: ScheduledPost[] = [];
    for (const post of posts) {
      const id = deterministicPublishJobId(post.postId, post.version);
      expected.add(id);
      if (!present.has(id)) missing.push(post);
    }
    if (missing.length) {
      // A finished job under the same id would swallow the new one: make room. Finished jobs
      // are removed on completion, so these are few; their ids come in one read, not one per post.
      const finished = new Set(await queue.getRanges(['completed', 'failed'], 0, -1));
      for (const post of missing) {
        const id = deterministicPublishJobId(post.postId, post.version);
        if (finished.has(id)) await (await queue.getJob(id))?.remove();
      }
      await this.jobs.addMany(missing, now);
    }
    const added = missing.length;
    let removed = 0;
    if (posts.length < MAX_SCHEDULED) {
      for (const id of present) {
        if (!isPostJobId(id) || expected.has(id)) continue;
        const job = await queue.getJob(id);
        if (!job || job.name !== JobName.PublishPost) continue;
        const state = await job.getState();
        if (state !== 'delayed' && state !== 'waiting' && state !== 'prioritized') continue;
        try {
          await job.remove();
          removed++;
        } catch {
          // Taken by a worker meanwhile: its handler finds nothing to do.
        }
      }
    }
    if (added || removed) this.logger.log(`Veröffentlichungsaufträge abgeglichen: ${added} neu, ${removed} entfernt`);
    return { added, removed };
  }
}
