import { Injectable } from '@nestjs/common';
import type { PlanEntryView, PostListQuery } from '@amtsplan/contracts';
import { RequestScope } from '../database/request-scope';
import { planningOf } from './post-view';
import { PostEntity } from './post.entity';
import { whereListed } from './post.repository';

interface PlanEntryRow {
  id: string;
  workingTitle: string;
  status: PostEntity['status'];
  plannedAt: Date | null;
  plannedDate: string | null;
  channelIds: string[];
  topicId: string | null;
  seriesId: string | null;
  responsibleUserId: string | null;
  authorUserId: string;
  findingSeverity: 'hard' | 'warning' | null;
  version: number;
  publishedUrl: string | null;
  pausedAt: Date | null;
}

/**
 * The calendar's projection of posts: one statement, plain rows, only what the grid shows
 * (no text, variants' texts, checklist, media or history). The channel ids come in the
 * variants' order; the finding severity is the worst stored finding.
 */
@Injectable()
export class PlanEntryRepository {
  async list(query: PostListQuery): Promise<PlanEntryView[]> {
    const builder = RequestScope.manager()
      .createQueryBuilder(PostEntity, 'p')
      .select('p.id', 'id')
      .addSelect('p.working_title', 'workingTitle')
      .addSelect('p.status', 'status')
      .addSelect('p.planned_at', 'plannedAt')
      .addSelect('p.planned_date::text', 'plannedDate')
      .addSelect(`ARRAY(SELECT v.channel_id FROM post_variants v WHERE v.post_id = p.id ORDER BY v.position)`, 'channelIds')
      .addSelect('p.topic_id', 'topicId')
      .addSelect('p.series_id', 'seriesId')
      .addSelect('p.responsible_user_id', 'responsibleUserId')
      .addSelect('p.author_user_id', 'authorUserId')
      .addSelect(
        `CASE WHEN p.findings @> '[{"severity":"hard"}]' THEN 'hard' WHEN jsonb_array_length(p.findings) > 0 THEN 'warning' END`,
        'findingSeverity',
      )
      .addSelect('p.version', 'version')
      // Only for published posts, whose last publication committed with the post's status (so the
      // plan read cache, invalidated by the post's change, never holds a published post without it).
      .addSelect(
        `CASE WHEN p.status = 'published' THEN (SELECT u.url FROM publications u JOIN post_variants v ON v.post_id = u.post_id AND v.channel_id = u.channel_id
            WHERE u.post_id = p.id AND u.organization_id = p.organization_id AND u.approval_request_id = p.publish_request_id AND u.url IS NOT NULL
            ORDER BY v.position LIMIT 1) END`,
        'publishedUrl',
      )
      .addSelect(`CASE WHEN p.status = 'approved' THEN p.publish_paused_at END`, 'pausedAt');
    const rows = await whereListed(builder, query).getRawMany<PlanEntryRow>();
    return rows.map(toPlanEntry);
  }
}

function toPlanEntry(row: PlanEntryRow): PlanEntryView {
  return {
    id: row.id,
    workingTitle: row.workingTitle,
    planning: planningOf(row),
    status: row.status,
    channelIds: row.channelIds,
    topicId: row.topicId,
    seriesId: row.seriesId,
    responsibleUserId: row.responsibleUserId,
    authorUserId: row.authorUserId,
    findingSeverity: row.findingSeverity,
    version: row.version,
    // Only where there is one: the plan's other entries stay as they were.
    ...(row.publishedUrl ? { publishedUrl: row.publishedUrl } : {}),
    ...(row.pausedAt ? { pausedAt: new Date(row.pausedAt).toISOString() } : {}),
  };
}
