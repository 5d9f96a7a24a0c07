import { Injectable } from '@nestjs/common';
import type { PostPublicationsView, PostStatus, PublicationAdapter, PublicationView, PublishAttemptOutcome } from '@amtsplan/contracts';
import { parseApprovalContent, type PlatformId, PUBLICATION_STATUS_LABELS, personMayMovePublication, type PublicationStatus } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostPublicationStatus } from './post-publication-status';

interface PublicationRow {
  id: string;
  channelId: string;
  channelName: string;
  platform: PlatformId;
  adapter: PublicationAdapter;
  status: PublicationStatus;
  contentHash: string;
  canonicalContent: string;
  nextAttemptAt: Date | null;
  externalId: string | null;
  url: string | null;
  error: string | null;
  settledById: string | null;
  settledByName: string | null;
  settledAt: Date | null;
}

/** From json_agg: the times arrive as text. */
interface AttemptRow {
  attempt: number;
  startedAt: string;
  finishedAt: string | null;
  outcome: PublishAttemptOutcome | null;
  externalId: string | null;
  url: string | null;
  error: string | null;
}

/** The post with one of its current publications per row; a post without publications is one row of nulls beside it. */
type PostWithPublicationRow = { postStatus: PostStatus; claimedAt: Date | null; attempts: AttemptRow[] | null } & (PublicationRow | { [K in keyof PublicationRow]: null });

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/**
 * A post's publications as people see and settle them: the status per channel with every
 * attempt, and the two things only a person may decide — that a post is online (a manual
 * channel, an unconfirmed or missed attempt; with its URL), or that it did not go out.
 */
@Injectable()
export class PublicationsService {
  constructor(
    private readonly postStatus: PostPublicationStatus,
    private readonly audit: AuditLog,
  ) {}

  /**
   * One statement, so one snapshot: the worker changes a publication, its attempts and the
   * post's status in one transaction, and separate reads could fall on both sides of its
   * commit (a published publication beside a post still "scheduled").
   */
  async list(postId: string): Promise<PostPublicationsView> {
    const { organizationId } = RequestScope.organization();
    const rows: PostWithPublicationRow[] = await RequestScope.manager().query(
      `SELECT p.status AS "postStatus", p.publish_claimed_at AS "claimedAt",
              u.id, u.channel_id AS "channelId", c.name AS "channelName", c.platform, u.adapter, u.status, u.content_hash AS "contentHash",
              r.canonical_content AS "canonicalContent", u.next_attempt_at AS "nextAttemptAt", u.external_id AS "externalId", u.url, u.error,
              u.settled_by_user_id AS "settledById", s.display_name AS "settledByName", u.settled_at AS "settledAt",
              (SELECT coalesce(json_agg(json_build_object('attempt', a.attempt_no, 'startedAt', a.started_at, 'finishedAt', a.finished_at, 'outcome', a.outcome,
                                                          'externalId', a.external_id, 'url', a.url, 'error', a.error) ORDER BY a.attempt_no), '[]'::json)
                 FROM publish_attempts a WHERE a.organization_id = u.organization_id AND a.publication_id = u.id) AS attempts
         FROM posts p
         LEFT JOIN publications u ON u.organization_id = p.organization_id AND u.post_id = p.id AND u.approval_request_id = p.publish_request_id
         LEFT JOIN channels c ON c.id = u.channel_id AND c.organization_id = u.organization_id
         LEFT JOIN approval_requests r ON r.id = u.approval_request_id AND r.organization_id = u.organization_id
         LEFT JOIN users s ON s.id = u.settled_by_user_id
        WHERE p.id = $1 AND p.organization_id = $2
        ORDER BY c.name, u.channel_id`,
      [postId, organizationId],
    );
    const first = rows[0];
    if (!first) throw ProblemException.notFound();
    return {
      postId,
      postStatus: first.postStatus,
      claimedAt: iso(first.claimedAt),
      publications: rows.filter((row): row is PostWithPublicationRow & PublicationRow => row.id !== null).map((row) => view(row, row.attempts ?? [])),
    };
  }

  /** A person confirms that the post is online on this channel (with its address). */
  async confirm(postId: string, channelId: string, url: string): Promise<PostPublicationsView> {
    return this.settle(postId, channelId, 'published', { url }, 'publication.confirmed');
  }

  /** A person records that the post did not (and will not) go out on this channel. */
  async markFailed(postId: string, channelId: string, reason: string): Promise<PostPublicationsView> {
    return this.settle(postId, channelId, 'failed', { reason }, 'publication.marked_failed');
  }

  private async settle(
    postId: string,
    channelId: string,
    to: 'published' | 'failed',
    input: { url?: string; reason?: string },
    action: 'publication.confirmed' | 'publication.marked_failed',
  ): Promise<PostPublicationsView> {
    const { organizationId, userId } = RequestScope.organization();
    const manager = RequestScope.manager();
    // Post first, publication second: the order the publisher takes them in, too.
    const post = await this.lockedPost(postId);
    const [publication]: Array<{ id: string; status: PublicationStatus; contentHash: string }> = post.requestId
      ? await manager.query(
          `SELECT id, status, content_hash AS "contentHash" FROM publications
            WHERE organization_id = $1 AND post_id = $2 AND approval_request_id = $3 AND channel_id = $4 FOR UPDATE`,
          [organizationId, postId, post.requestId, channelId],
        )
      : [];
    if (!publication) throw ProblemException.notFound('Für diesen Kanal gibt es keine Veröffentlichung.');
    if (!personMayMovePublication(publication.status, to)) {
      const what = to === 'published' ? 'als veröffentlicht bestätigt' : 'als fehlgeschlagen markiert';
      throw ProblemException.unprocessable(`Eine Veröffentlichung im Status „${PUBLICATION_STATUS_LABELS[publication.status]}“ kann nicht ${what} werden.`);
    }
    await manager.query(
      `UPDATE publications SET status = $3, url = coalesce($4, url), error = $5, next_attempt_at = NULL, settled_by_user_id = $6, settled_at = now(), updated_at = now()
        WHERE id = $1 AND organization_id = $2`,
      [publication.id, organizationId, to, input.url ?? null, to === 'failed' ? input.reason : null, userId],
    );
    await this.audit.recordInOrganization({
      action,
      objectType: 'publication',
      objectId: publication.id,
      details: { postId, channelId, from: publication.status, to, contentHash: publication.contentHash, ...input },
    });
    await this.postStatus.settle(manager, organizationId, postId, userId);
    return this.list(postId);
  }

  /** The post locked for a person's decision, with the approval its publications belong to. */
  private async lockedPost(postId: string): Promise<{ requestId: string | null }> {
    const { organizationId } = RequestScope.organization();
    const [post]: Array<{ requestId: string | null }> = await RequestScope.manager().query(
      `SELECT publish_request_id AS "requestId" FROM posts WHERE id = $1 AND organization_id = $2 FOR UPDATE`,
      [postId, organizationId],
    );
    if (!post) throw ProblemException.notFound();
    return post;
  }
}

function view(row: PublicationRow, attempts: readonly AttemptRow[]): PublicationView {
  const content = parseApprovalContent(row.canonicalContent);
  return {
    id: row.id,
    channel: { id: row.channelId, name: row.channelName, platform: row.platform },
    adapter: row.adapter,
    status: row.status,
    contentHash: row.contentHash,
    text: content.channels.find((c) => c.channelId === row.channelId)?.text ?? '',
    media: content.media.map((m) => ({ id: m.id, altText: m.altText })),
    nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
    externalId: row.externalId,
    url: row.url,
    error: row.error,
    settledBy: row.settledById ? { id: row.settledById, displayName: row.settledByName ?? '' } : null,
    settledAt: iso(row.settledAt),
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: new Date(a.startedAt).toISOString(),
      finishedAt: iso(a.finishedAt),
      outcome: a.outcome,
      externalId: a.externalId,
      url: a.url,
      error: a.error,
    })),
  };
}
