import { Injectable } from '@nestjs/common';
import type { PostFindingView, PostListQuery } from '@amtsplan/contracts';
import { randomUUID } from 'node:crypto';
import { In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { PostCommentEntity } from './post-comment.entity';
import { PostVariantEntity } from './post-variant.entity';
import { PostVersionEntity } from './post-version.entity';
import { PostEntity } from './post.entity';

/** What a person's edits may write; the publisher's claim columns are written by the publisher only. */
export type PostColumns = Omit<
  PostEntity,
  'id' | 'organizationId' | 'organization' | 'topic' | 'series' | 'createdAt' | 'updatedAt' | 'version' | 'publishClaimedAt' | 'publishClaimedBy' | 'publishRequestId' | 'publishClaimedHash' | 'publishReleasedAt' | 'publishPausedAt'
>;

/** Posts of the current request's organization, with their variants, history and notes. */
@Injectable()
export class PostRepository {
  async list(query: PostListQuery): Promise<PostEntity[]> {
    const builder = RequestScope.manager().createQueryBuilder(PostEntity, 'p');
    return whereListed(builder, query).getMany();
  }

  find(id: string): Promise<PostEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(PostEntity, { where: { id, organizationId } });
  }

  async variantsOf(postIds: readonly string[]): Promise<Map<string, PostVariantEntity[]>> {
    const byPost = new Map<string, PostVariantEntity[]>(postIds.map((id) => [id, []]));
    if (postIds.length === 0) return byPost;
    const { organizationId } = RequestScope.organization();
    const rows = await RequestScope.manager().find(PostVariantEntity, {
      where: { postId: In([...postIds]), organizationId },
      order: { position: 'ASC' },
    });
    for (const row of rows) byPost.get(row.postId)?.push(row);
    return byPost;
  }

  async create(values: PostColumns): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(PostEntity, { id, organizationId, ...values });
    return id;
  }

  update(id: string, version: number, changes: Partial<PostColumns>): Promise<boolean> {
    return updateVersioned(PostEntity, 'post', id, version, changes);
  }

  /** Findings are derived from the content, so storing them is not an edit and keeps the version. */
  async storeFindings(id: string, findings: PostFindingView[]): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().update(PostEntity, { id, organizationId }, { findings: findings as never });
  }

  async replaceVariants(postId: string, variants: ReadonlyArray<{ channelId: string; text: string | null }>): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().delete(PostVariantEntity, { postId, organizationId });
    await this.addVariants(postId, variants);
  }

  /** The variants of a post that has none yet (a new one). */
  async addVariants(postId: string, variants: ReadonlyArray<{ channelId: string; text: string | null }>): Promise<void> {
    if (variants.length === 0) return;
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().insert(
      PostVariantEntity,
      variants.map((v, position) => ({ postId, organizationId, channelId: v.channelId, text: v.text, position })),
    );
  }

  async recordVersion(postId: string, version: number, changedFields: string[], snapshot: Record<string, unknown>): Promise<void> {
    const { organizationId, userId } = RequestScope.organization();
    await RequestScope.manager().insert(PostVersionEntity, { organizationId, postId, version, changedByUserId: userId, changedFields, snapshot: snapshot as never });
  }

  versions(postId: string): Promise<Array<PostVersionEntity & { changedByName: string | null }>> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager()
      .query(
        `SELECT v.version, v.changed_at AS "changedAt", v.changed_by_user_id AS "changedByUserId", u.display_name AS "changedByName",
                v.changed_fields AS "changedFields", v.snapshot
           FROM post_versions v LEFT JOIN users u ON u.id = v.changed_by_user_id
          WHERE v.post_id = $1 AND v.organization_id = $2 ORDER BY v.version DESC`,
        [postId, organizationId],
      );
  }

  comments(postId: string): Promise<Array<{ id: string; body: string; createdAt: Date; authorId: string | null; authorName: string | null }>> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().query(
      `SELECT c.id, c.body, c.created_at AS "createdAt", c.author_user_id AS "authorId", u.display_name AS "authorName"
         FROM post_comments c LEFT JOIN users u ON u.id = c.author_user_id
        WHERE c.post_id = $1 AND c.organization_id = $2 ORDER BY c.created_at ASC`,
      [postId, organizationId],
    );
  }

  async addComment(postId: string, body: string): Promise<string> {
    const { organizationId, userId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(PostCommentEntity, { id, organizationId, postId, authorUserId: userId, body });
    return id;
  }
}

/**
 * The posts a list query asks for, in calendar order: this organization's, narrowed by range
 * and filters. Shared by the full post list and the calendar's plan entries.
 */
export function whereListed<T extends ObjectLiteral>(builder: SelectQueryBuilder<T>, query: PostListQuery): SelectQueryBuilder<T> {
  const { organizationId } = RequestScope.organization();
  builder.where('p.organization_id = :organizationId', { organizationId });
  if (query.unplanned === 'true') builder.andWhere('p.planned_at IS NULL AND p.planned_date IS NULL');
  if (query.from || query.to) builder.andWhere(rangeCondition(query), { from: query.from, to: query.to });
  if (query.status) builder.andWhere('p.status = :status', { status: query.status });
  if (query.topicId) builder.andWhere('p.topic_id = :topicId', { topicId: query.topicId });
  if (query.responsibleUserId) builder.andWhere('p.responsible_user_id = :responsible', { responsible: query.responsibleUserId });
  if (query.seriesId) builder.andWhere('p.series_id = :seriesId', { seriesId: query.seriesId });
  if (query.channelId) {
    builder.andWhere('EXISTS (SELECT 1 FROM post_variants v WHERE v.post_id = p.id AND v.channel_id = :channelId)', { channelId: query.channelId });
  }
  // A month of one authority is about a hundred posts; the cap only guards a query without range.
  return builder.orderBy('coalesce(p.planned_at, p.planned_date::timestamptz)', 'ASC', 'NULLS LAST').addOrderBy('p.created_at', 'ASC').limit(2000);
}

/**
 * Posts planned for a time inside [from, to), or for a day inside it in the post's zone.
 * Written as one OR of two complete ranges, so that PostgreSQL can bound each by its index
 * ((organization_id, planned_at) and (organization_id, planned_date)) instead of reading
 * every post of the organization. The index bound of the day range is the UTC date widened by
 * a day (no zone is more than a day away from UTC); the exact bound in the post's zone filters.
 */
function rangeCondition(query: Pick<PostListQuery, 'from' | 'to'>): string {
  const time: string[] = [];
  const day: string[] = [];
  if (query.from) {
    time.push('p.planned_at >= :from');
    day.push(`p.planned_date >= (:from::timestamptz AT TIME ZONE 'UTC')::date - 1`, 'p.planned_date >= (:from::timestamptz AT TIME ZONE p.time_zone)::date');
  }
  if (query.to) {
    time.push('p.planned_at < :to');
    day.push(`p.planned_date < (:to::timestamptz AT TIME ZONE 'UTC')::date + 1`, 'p.planned_date < (:to::timestamptz AT TIME ZONE p.time_zone)::date');
  }
  return `((${time.join(' AND ')}) OR (${day.join(' AND ')}))`;
}
