import { Injectable } from '@nestjs/common';
import { type PublicationStatus, postStatusAfterPublications, postStatusMachine, type PostStatus } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';
import { type PreparedStatement, runPrepared } from '../database/prepared-query';

/**
 * Moves a claimed post to `published` or `failed` once its channels' publications say so
 * (postStatusAfterPublications). Like every status move it gives the post a new version, a
 * history entry (the last snapshot with the new status) and an audit event; the actor is the
 * person who confirmed, or none for the publisher.
 */
@Injectable()
export class PostPublicationStatus {
  /** The post's new status, or null when it stays as it is. Locks the post row. */
  async settle(manager: EntityManager, organizationId: string, postId: string, actorUserId: string | null): Promise<PostStatus | null> {
    return this.settleLocked(manager, await lockPublishedPost(manager, organizationId, postId), actorUserId);
  }

  /**
   * The same for a post the caller has already locked (lockPublishedPost) in this transaction.
   * `statuses`: its publications' statuses when the caller has just read them (the publisher's
   * finish), otherwise they are read here.
   */
  async settleLocked(manager: EntityManager, post: LockedPost | null, actorUserId: string | null, statuses?: readonly PublicationStatus[]): Promise<PostStatus | null> {
    if (!post?.requestId) return null;
    const { organizationId, postId } = post;
    const current =
      statuses ??
      (
        await manager.query(`SELECT status FROM publications WHERE post_id = $1 AND organization_id = $2 AND approval_request_id = $3`, [
          postId,
          organizationId,
          post.requestId,
        ])
      ).map((r: { status: PublicationStatus }) => r.status);
    const next = postStatusAfterPublications(current);
    if (next === post.status || !postStatusMachine.canTransition(post.status, next)) return null;
    const version = post.version + 1;
    const details = { from: post.status, to: next, version, reason: 'Veröffentlichung' };
    await runPrepared(manager, MOVE_POST_STATUS, [postId, organizationId, next, version, actorUserId, JSON.stringify(details)]);
    return next;
  }
}

/**
 * The post's new status and version, its history entry (the last snapshot with the new status)
 * and the audit event `post.status_changed` (as AuditLog.record writes it), in one statement.
 */
const MOVE_POST_STATUS: PreparedStatement = {
  name: 'publishing_move_post_status',
  text: `WITH moved AS (UPDATE posts SET status = $3, version = $4, updated_at = now() WHERE id = $1 AND organization_id = $2 RETURNING id),
         audit AS (
           INSERT INTO audit_events (organization_id, actor_user_id, action, object_type, object_id, details, ip)
           VALUES ($2, $5, 'post.status_changed', 'post', $1::text, $6::jsonb, NULL)
         )
         INSERT INTO post_versions (organization_id, post_id, version, changed_by_user_id, changed_fields, snapshot)
         SELECT organization_id, post_id, $4, $5, ARRAY['status'], snapshot || jsonb_build_object('status', $3::text)
           FROM post_versions WHERE post_id = $1 AND organization_id = $2 AND EXISTS (SELECT 1 FROM moved) ORDER BY version DESC LIMIT 1`,
};

const LOCK_PUBLISHED_POST: PreparedStatement = {
  name: 'publishing_lock_published_post',
  text: `SELECT status, version, publish_request_id AS "requestId" FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
};

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
  const { rows } = await runPrepared<{ status: PostStatus; version: number; requestId: string | null }>(manager, LOCK_PUBLISHED_POST, [postId, organizationId]);
  const post = rows[0];
  return post ? { ...post, organizationId, postId } : null;
}
