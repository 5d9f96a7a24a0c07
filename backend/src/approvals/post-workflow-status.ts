import { Injectable } from '@nestjs/common';
import type { PostStatus } from '@amtsplan/contracts';
import { postStatusMachine } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { PostEntity } from '../posts/post.entity';
import { PostRepository } from '../posts/post.repository';
import { snapshotOf } from '../posts/post-view';
import { PostsService } from '../posts/posts.service';

/**
 * The approval workflow's moves of a post (into approval, approved, changes requested, back
 * to draft), which a person cannot make by hand (USER_POST_MOVES). Like a move by hand, each
 * gives the post a new version, a history entry and an audit event. The caller holds the
 * post's row lock, so the version read with `post` is the current one.
 */
@Injectable()
export class PostWorkflowStatus {
  constructor(
    private readonly posts: PostRepository,
    private readonly postsService: PostsService,
    private readonly audit: AuditLog,
  ) {}

  async move(post: PostEntity, to: PostStatus, details: Record<string, unknown>): Promise<void> {
    if (post.status === to) return;
    postStatusMachine.assertTransition(post.status, to);
    await this.posts.update(post.id, post.version, { status: to });
    const view = await this.postsService.get(post.id);
    await this.posts.recordVersion(post.id, view.version, ['status'], snapshotOf(view));
    await this.audit.recordInOrganization({
      action: 'post.status_changed',
      objectType: 'post',
      objectId: post.id,
      details: { from: post.status, to, version: view.version, ...details },
    });
  }
}
