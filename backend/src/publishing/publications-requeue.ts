import { Injectable } from '@nestjs/common';
import { PUBLICATION_STATUS_LABELS, personMayMovePublication, publishBlockers, type PublicationStatus } from '@amtsplan/domain';
import { ApprovalContentReader } from '../approvals/approval-content-reader';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostEntity } from '../posts/post.entity';
import { PostPublicationStatus } from './post-publication-status';
import { PublishJobs } from './publish-jobs';

/** The two ways a person sends a publication back to the publisher. */
export type PublicationRequeueKind = 'publish_late' | 'retry';

const FROM: { readonly [K in PublicationRequeueKind]: PublicationStatus } = { publish_late: 'missed', retry: 'failed' };
const ACTION = { publish_late: 'publication.published_late', retry: 'publication.retried' } as const;
const WHAT: { readonly [K in PublicationRequeueKind]: string } = { publish_late: 'nachträglich veröffentlicht', retry: 'erneut versucht' };

/** Someone else (or a second click) got there first: the publication has moved on. */
const MOVED_ON: readonly PublicationStatus[] = ['pending', 'publishing', 'published'];

interface LockedPublication {
  id: string;
  status: PublicationStatus;
  contentHash: string;
  postVersion: number;
  attemptCount: number;
  /** The request's hash while it is still `approved`, else null. */
  approvedHash: string | null;
  communicationStop: boolean;
}

/**
 * "Jetzt doch veröffentlichen" (missed → pending) and "Erneut versuchen" (failed → pending).
 * Both hand the publication back to the publisher, which sends the approved content as
 * always. What a person's click must not do: send content that is no longer approved, send
 * during a Kommunikationsstopp, or start two attempts. The checks run under the post's row
 * lock and the move itself is one conditional UPDATE, so a second click finds the
 * publication `pending` and gets 409; the job is added only after commit.
 *
 * `settled_by_user_id`/`settled_at` record the person; the publisher's start reads
 * `settled_at` as "a person said it may go out late" and skips the missed check.
 */
@Injectable()
export class PublicationsRequeue {
  constructor(
    private readonly reader: ApprovalContentReader,
    private readonly postStatus: PostPublicationStatus,
    private readonly jobs: PublishJobs,
    private readonly audit: AuditLog,
  ) {}

  async requeue(postId: string, channelId: string, kind: PublicationRequeueKind): Promise<void> {
    const { organizationId, userId, tx } = RequestScope.organization();
    const manager = tx.manager;
    // Post first, publication second: the lock order of the publisher and of a confirmation.
    const locked: unknown[] = await manager.query(`SELECT 1 FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE`, [postId, organizationId]);
    if (locked.length === 0) throw ProblemException.notFound();
    const post = await manager.findOneOrFail(PostEntity, { where: { id: postId, organizationId } });
    const [publication]: LockedPublication[] = await manager.query(
      `SELECT u.id, u.status, u.content_hash AS "contentHash", u.post_version AS "postVersion", u.attempt_count AS "attemptCount",
              CASE WHEN r.status = 'approved' THEN r.content_hash END AS "approvedHash", o.communication_stop AS "communicationStop"
         FROM posts p
         JOIN publications u ON u.post_id = p.id AND u.organization_id = p.organization_id AND u.approval_request_id = p.publish_request_id
         JOIN approval_requests r ON r.id = u.approval_request_id AND r.organization_id = u.organization_id
         JOIN organizations o ON o.id = u.organization_id
        WHERE p.id = $1 AND p.organization_id = $2 AND u.channel_id = $3
          FOR UPDATE OF u`,
      [postId, organizationId, channelId],
    );
    if (!publication) throw ProblemException.notFound('Für diesen Kanal gibt es keine Veröffentlichung.');
    const label = PUBLICATION_STATUS_LABELS[publication.status];
    if (MOVED_ON.includes(publication.status)) {
      throw ProblemException.conflict(`Die Veröffentlichung wurde inzwischen geändert (jetzt „${label}“). Bitte die Ansicht neu laden.`);
    }
    if (publication.status !== FROM[kind] || !personMayMovePublication(publication.status, 'pending')) {
      throw ProblemException.unprocessable(`Eine Veröffentlichung im Status „${label}“ kann nicht ${WHAT[kind]} werden.`);
    }

    const current = await this.reader.read(manager, post);
    const blockers = publishBlockers({
      approvedContentHash: publication.approvedHash === publication.contentHash ? publication.approvedHash : null,
      currentContentHash: current.hash,
      communicationStop: publication.communicationStop,
      plannedAt: post.plannedAt,
      now: new Date(),
      lateConfirmed: true,
    });
    const blocker = blockers.find((b) => b.code !== 'not-due');
    if (blocker) throw ProblemException.unprocessable(blocker.message);

    // The same conditions as the publisher's start, so nothing slips in between check and move.
    const [moved]: [Array<{ attemptCount: number; postVersion: number }>, number] = await manager.query(
      `UPDATE publications u SET status = 'pending', next_attempt_at = NULL, error = NULL, settled_by_user_id = $4, settled_at = now(), updated_at = now()
        WHERE u.id = $1 AND u.organization_id = $2 AND u.status = $3
          AND NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.communication_stop)
          AND EXISTS (SELECT 1 FROM approval_requests r WHERE r.id = u.approval_request_id AND r.status = 'approved' AND r.content_hash = u.content_hash)
    RETURNING u.attempt_count AS "attemptCount", u.post_version AS "postVersion"`,
      [publication.id, organizationId, FROM[kind], userId],
    );
    if (!moved[0]) throw ProblemException.conflict('Die Veröffentlichung wurde inzwischen geändert. Bitte die Ansicht neu laden.');

    await this.audit.recordInOrganization({
      action: ACTION[kind],
      objectType: 'publication',
      objectId: publication.id,
      details: { postId, channelId, from: publication.status, to: 'pending', contentHash: publication.contentHash },
    });
    // A failed post whose channel is tried again is scheduled again (postStatusMachine: failed → scheduled).
    await this.postStatus.settle(manager, organizationId, postId, userId);
    const job = { organizationId, postId, version: moved[0].postVersion };
    const attempt = moved[0].attemptCount + 1;
    tx.afterCommit(() => this.jobs.retry(job, attempt, 0));
  }
}
