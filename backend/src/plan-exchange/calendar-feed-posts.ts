import { Injectable } from '@nestjs/common';
import type { PostStatus } from '@amtsplan/contracts';
import { localDateOf } from '@amtsplan/domain';
import { EntityManager } from 'typeorm';

/** What a calendar entry shows of a post: no text, no people (see docs/plan-exchange.md). */
export interface FeedPost {
  readonly id: string;
  readonly workingTitle: string;
  readonly status: PostStatus;
  readonly plannedAt: Date | null;
  /** 'YYYY-MM-DD' when planned for a day without a time. */
  readonly plannedDate: string | null;
  readonly topicName: string | null;
  readonly channelNames: string[];
  readonly version: number;
  readonly updatedAt: Date;
}

/** A calendar app shows the recent past and the coming year; older entries only cost bandwidth. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 365;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A year of one authority's plan is far below this; it only bounds a runaway feed. */
const FEED_MAX_POSTS = 5000;

export function feedWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS), to: new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS) };
}

/**
 * The planned, not archived posts of one organization in the feed's window. Runs in that
 * organization's scope (row-level security) and filters by it as well.
 */
@Injectable()
export class CalendarFeedPosts {
  async read(manager: EntityManager, organizationId: string, timeZone: string, window: { from: Date; to: Date }): Promise<FeedPost[]> {
    const rows: Array<Omit<FeedPost, 'channelNames'> & { channelNames: string[] | null }> = await manager.query(
      `SELECT p.id, p.working_title AS "workingTitle", p.status, p.planned_at AS "plannedAt", p.planned_date::text AS "plannedDate",
              t.name AS "topicName", p.version, p.updated_at AS "updatedAt",
              (SELECT array_agg(c.name ORDER BY v.position, c.name)
                 FROM post_variants v JOIN channels c ON c.id = v.channel_id AND c.organization_id = v.organization_id
                WHERE v.post_id = p.id AND v.organization_id = p.organization_id) AS "channelNames"
         FROM posts p LEFT JOIN topics t ON t.id = p.topic_id AND t.organization_id = p.organization_id
        WHERE p.organization_id = $1 AND p.status <> 'archived'
          AND ((p.planned_at >= $2 AND p.planned_at < $3) OR (p.planned_date >= $4::date AND p.planned_date <= $5::date))
        ORDER BY coalesce(p.planned_at, p.planned_date::timestamptz), p.created_at
        LIMIT ${FEED_MAX_POSTS}`,
      [organizationId, window.from, window.to, localDateOf(window.from, timeZone), localDateOf(window.to, timeZone)],
    );
    return rows.map((row) => ({ ...row, channelNames: row.channelNames ?? [] }));
  }
}
