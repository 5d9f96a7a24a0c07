import { EntityManager } from 'typeorm';
import { type PreparedStatement, runPrepared } from '../database/prepared-query';

/** A post the publisher has just taken: what it publishes and whether it is already too late. */
export interface ClaimedPost {
  readonly postId: string;
  readonly organizationId: string;
  /** The post's version when it was claimed (the job id's version). */
  readonly version: number;
  readonly plannedAt: Date;
  readonly requestId: string;
  readonly contentHash: string;
  /** approval_requests.canonical_content: exactly what was approved. */
  readonly canonicalContent: string;
  /** More than the tolerance after the planned time: recorded as missed, not sent. */
  readonly missed: boolean;
}

/** A scheduled, unclaimed post whose time has come, locked, with what its content hash is computed from. */
export interface DuePost {
  readonly id: string;
  readonly organizationId: string;
  readonly text: string;
  readonly plannedAt: Date | null;
  readonly plannedDate: string | null;
}

/**
 * Locks a due, unclaimed post and reads its own content columns in the same statement; null when
 * it is not (or no longer) due for a claim. The row lock keeps the content as it is while its
 * hash is computed and compared by claimPost.
 */
const LOCK_DUE_POST: PreparedStatement = {
  name: 'publishing_lock_due_post',
  text: `SELECT id, text, planned_at AS "plannedAt", planned_date::text AS "plannedDate" FROM posts
          WHERE id = $1 AND organization_id = $2 AND status = 'scheduled' AND publish_claimed_at IS NULL AND planned_at <= now() FOR UPDATE`,
};

export async function lockDuePost(manager: EntityManager, organizationId: string, postId: string): Promise<DuePost | null> {
  const { rows } = await runPrepared<Omit<DuePost, 'organizationId'>>(manager, LOCK_DUE_POST, [postId, organizationId]);
  const post = rows[0];
  return post ? { ...post, organizationId } : null;
}

/** All steps approved or skipped, at least one approved (isApprovedFor in libs/domain). */
const APPROVED_THROUGH_THE_ROUTE = `NOT EXISTS (SELECT 1 FROM jsonb_array_elements(r.steps) s WHERE s->>'status' NOT IN ('approved', 'skipped'))
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.steps) s WHERE s->>'status' = 'approved')`;

const CLAIM_POST: PreparedStatement = {
  name: 'publishing_claim_post',
  text: `UPDATE posts p
        SET publish_claimed_at = now(), publish_claimed_by = $3, publish_request_id = r.id, publish_claimed_hash = r.content_hash
       FROM approval_requests r, organizations o
      WHERE p.id = $1 AND p.organization_id = $2
        AND p.status = 'scheduled' AND p.publish_claimed_at IS NULL
        AND p.planned_at IS NOT NULL AND p.planned_at <= now()
        AND r.post_id = p.id AND r.organization_id = p.organization_id AND r.status = 'approved' AND r.content_hash = $4
        AND ${APPROVED_THROUGH_THE_ROUTE}
        AND o.id = p.organization_id AND NOT o.communication_stop
  RETURNING p.version, p.planned_at AS "plannedAt", r.id AS "requestId", r.content_hash AS "contentHash",
            r.canonical_content AS "canonicalContent", GREATEST(p.planned_at, p.publish_released_at) < now() - make_interval(secs => $5::double precision) AS missed`,
};

/**
 * The claim: ONE conditional UPDATE that takes a due post for publishing, only when
 * - the post is `scheduled`, not claimed yet, and its planned time has come;
 * - its approved request is bound to `currentHash`, the hash of the post's content as it is
 *   now (computed by the caller under the post's row lock), and approved through the route
 *   (DESIGN.md invariant 1);
 * - its organization is not in Kommunikationsstopp (invariant 5).
 * Lateness counts from the planned time, or from when a person released the post on lifting a
 * Kommunikationsstopp („Jetzt veröffentlichen“, posts.publish_released_at), whichever is later.
 * Two workers racing get one row between them (invariant 2); the loser gets null. The claim is
 * kept (never cleared) for this approval; a new approval resets it (PublishJobs.scheduled).
 */
export async function claimPost(
  manager: EntityManager,
  input: { organizationId: string; postId: string; currentHash: string; worker: string; missedAfterMs: number },
): Promise<ClaimedPost | null> {
  const { rows } = await runPrepared<Omit<ClaimedPost, 'organizationId' | 'postId'>>(manager, CLAIM_POST, [
    input.postId,
    input.organizationId,
    input.worker,
    input.currentHash,
    input.missedAfterMs / 1000,
  ]);
  const row = rows[0];
  return row ? { ...row, postId: input.postId, organizationId: input.organizationId } : null;
}
