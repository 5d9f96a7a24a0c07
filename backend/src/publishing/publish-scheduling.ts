import { Injectable } from '@nestjs/common';
import { RequestScope } from '../database/request-scope';
import { PostWorkflowStatus } from '../approvals/post-workflow-status';
import { PostEntity } from '../posts/post.entity';
import { PostRepository } from '../posts/post.repository';
import { PublishJobs } from './publish-jobs';

/**
 * Approved with a time → "Geplant": when a post's approval completes and the post is planned
 * for an exact time, it moves on to `scheduled` in the same transaction, and after commit its
 * one publishing job is added (deterministicPublishJobId(post, version), due at the planned
 * time). A post planned for a day only stays `approved`: it is not published automatically and
 * needs a time (which changes the approved content, so it needs a new approval).
 */
@Injectable()
export class PublishScheduling {
  constructor(
    private readonly posts: PostRepository,
    private readonly workflow: PostWorkflowStatus,
    private readonly jobs: PublishJobs,
  ) {}

  /** Called once the post moved to `approved`; returns whether it was scheduled. */
  async afterApproval(postId: string, requestId: string): Promise<boolean> {
    const post = await this.posts.find(postId);
    if (!post || post.status !== 'approved' || !post.plannedAt) return false;
    const { organizationId, tx } = RequestScope.organization();
    // A new approval is a new claim: the one of an earlier approval (if any) no longer applies.
    await tx.manager.update(
      PostEntity,
      { id: postId, organizationId },
      { publishClaimedAt: null, publishClaimedBy: null, publishRequestId: null, publishClaimedHash: null },
    );
    await this.workflow.move(post, 'scheduled', { requestId, reason: 'Freigegeben mit Zeitpunkt' });
    const scheduled = { organizationId, postId, version: post.version + 1, plannedAt: post.plannedAt };
    tx.afterCommit(() => this.jobs.add(scheduled));
    return true;
  }
}
