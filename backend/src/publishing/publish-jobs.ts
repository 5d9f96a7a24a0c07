import { Injectable } from '@nestjs/common';
import { deterministicPublishJobId } from '@amtsplan/domain';
import { JobQueue } from '../queues/job-queue';
import { JobName } from '../queues/queue-registry';

export interface ScheduledPost {
  readonly organizationId: string;
  readonly postId: string;
  readonly version: number;
  readonly plannedAt: Date;
}

/** A job id of a post version's publishing job (not a retry's): `publish-post_<post id>_<version>`. */
const POST_JOB_ID = /^publish-post_[0-9a-f-]{36}_\d+$/;

export function isPostJobId(id: string | undefined): boolean {
  return id !== undefined && POST_JOB_ID.test(id);
}

/**
 * The publishing queue's jobs. They are triggers only (DESIGN.md): the handler re-reads
 * PostgreSQL and claims, so a job added twice, late, or for a post that changed meanwhile does
 * no harm; the sweep and the reconciliation cover jobs that were lost.
 */
@Injectable()
export class PublishJobs {
  constructor(private readonly jobs: JobQueue) {}

  /** The post version's one job, due at its planned time (at once when that has passed). */
  async add(post: ScheduledPost, now = new Date()): Promise<void> {
    await this.jobs.enqueue(
      JobName.PublishPost,
      { organizationId: post.organizationId, postId: post.postId, version: post.version },
      { jobId: deterministicPublishJobId(post.postId, post.version), delayMs: Math.max(0, post.plannedAt.getTime() - now.getTime()) },
    );
  }

  /** Several posts' jobs at once (the reconciliation after a Redis that lost its data). */
  async addMany(posts: readonly ScheduledPost[], now = new Date()): Promise<void> {
    await this.jobs.enqueueMany(
      JobName.PublishPost,
      posts.map((post) => ({
        payload: { organizationId: post.organizationId, postId: post.postId, version: post.version },
        jobId: deterministicPublishJobId(post.postId, post.version),
        delayMs: Math.max(0, post.plannedAt.getTime() - now.getTime()),
      })),
    );
  }

  /** The next attempt after a retryable error; one job per attempt number. */
  async retry(post: Omit<ScheduledPost, 'plannedAt'>, attempt: number, delayMs: number): Promise<void> {
    await this.jobs.enqueue(
      JobName.PublishPost,
      { organizationId: post.organizationId, postId: post.postId, version: post.version },
      { jobId: `${deterministicPublishJobId(post.postId, post.version)}_attempt_${attempt}`, delayMs },
    );
  }
}
