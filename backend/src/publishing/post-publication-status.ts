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

  /** The post's new status, or null when it stays as it is. */
  async settle(manager: EntityManager, organizationId: string, postId: string, actorUserId: string | null): Promise<PostStatus | null> {
    const [post]: Array<{ status: PostStatus; version: number; requestId: string | null }> = await manager.query(
      `SELECT status, version, publish_request_id AS "requestId" FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
      [postId, organizationId],
    );
    if (!post?.requestId) return null;
    const rows: Array<{ status: PublicationStatus }> = await manager.query(
      `SELECT status FROM publications WHERE post_id = $1 AND organization_id = $2 AND approval_request_id = $3`,
      [postId, organizationId, post.requestId],
    );
    const next = postStatusAfterPublications(rows.map((r) => r.status));
    if (next === post.status || !postStatusMachine.canTransition(post.status, next)) return null;
    const version = post.version + 1;
    await manager.query(`UPDATE posts SET status = $3, version = $4, updated_at = now() WHERE id = $1 AND organization_id = $2`, [postId, organizationId, next, version]);
    await manager.query(
      `INSERT INTO post_versions (organization_id, post_id, version, changed_by_user_id, changed_fields, snapshot)
       SELECT organization_id, post_id, $3, $4, ARRAY['status'], snapshot || jsonb_build_object('status', $5::text)
         FROM post_versions WHERE post_id = $1 AND organization_id = $2 ORDER BY version DESC LIMIT 1`,
      [postId, organizationId, version, actorUserId, next],
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
