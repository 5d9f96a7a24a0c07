import { Injectable } from '@nestjs/common';
import { type PublicationStatus, postStatusAfterPublications, postStatusMachine, type PostStatus } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log';

/**
 * Moves a claimed post to `published` or `failed` once its channels' publications say so
 * (postStatusAfterPublications). Like every status move it gives the post a new version, a
 * history entry (the last snapshot with the new status) and an audit event; the actor is the
 * person who confirmed, or none for the publisher.
 */
@Injectable()
export class PostPublicationStatus {
  constructor(private readonly audit: AuditLog) {}

  /** The post's new status, or null when it stays as it is. Locks the post row. */
  async settle(manager: EntityManager, organizationId: string, postId: string, actorUserId: string | null): Promise<PostStatus | null> {
    return this.settleLocked(manager, await lockPublishedPost(manager, organizationId, postId), actorUserId);
  }

  /** The same for a post the caller has already locked (lockPublishedPost) in this transaction. */
  async settleLocked(manager: EntityManager, post: LockedPost | null, actorUserId: string | null): Promise<PostStatus | null> {
    if (!post?.requestId) return null;
    const { organizationId, postId } = post;
    const rows: Array<{ status: PublicationStatus }> = await manager.query(
      `SELECT status FROM publications WHERE post_id = $1 AND organization_id = $2 AND approval_request_id = $3`,
      [postId, organizationId, post.requestId],
    );
    const next = postStatusAfterPublications(rows.map((r) => r.status));
    if (next === post.status || !postStatusMachine.canTransition(post.status, next)) return null;
    const version = post.version + 1;
    // The new version and its history entry (the last snapshot with the new status) in one statement.
    await manager.query(
      `WITH moved AS (UPDATE posts SET status = $3, version = $4, updated_at = now() WHERE id = $1 AND organization_id = $2 RETURNING id)
       INSERT INTO post_versions (organization_id, post_id, version, changed_by_user_id, changed_fields, snapshot)
       SELECT organization_id, post_id, $4, $5, ARRAY['status'], snapshot || jsonb_build_object('status', $3::text)
         FROM post_versions WHERE post_id = $1 AND organization_id = $2 AND EXISTS (SELECT 1 FROM moved) ORDER BY version DESC LIMIT 1`,
      [postId, organizationId, next, version, actorUserId],
    );
    await this.audit.record(manager, {
      action: 'post.status_changed',
      organizationId,
      actorUserId,
      objectType: 'post',
      objectId: postId,
      details: { from: post.status, to: next, version, reason: 'Veröffentlichung' },
    });
    return next;
  }
}

/** A claimed (or once claimed) post, locked for the rest of the transaction. */
export interface LockedPost {
  readonly organizationId: string;
  readonly postId: string;
  readonly status: PostStatus;
  readonly version: number;
  readonly requestId: string | null;
}

/**
 * Locks the post row (the lock order of the publisher and of a person's decision: post first,
 * publication second) and reads what settling its status needs; null when it does not exist.
 */
export async function lockPublishedPost(manager: EntityManager, organizationId: string, postId: string): Promise<LockedPost | null> {
  const [post]: Array<{ status: PostStatus; version: number; requestId: string | null }> = await manager.query(
    `SELECT status, version, publish_request_id AS "requestId" FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
    [postId, organizationId],
  );
  return post ? { ...post, organizationId, postId } : null;
}
