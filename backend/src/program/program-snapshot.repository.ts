import { Injectable } from '@nestjs/common';
import { localDateOf, type PostStatus, type ProgramSnapshot } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';

/**
 * The picture of one authority the exercise rules look at, read from PostgreSQL in the
 * organization's scope (row-level security applies; every query names the organization too).
 * Areas Amtsplan does not have yet (text blocks, playbooks, drills) give empty lists, so
 * their exercises stay open until those areas exist.
 */
@Injectable()
export class ProgramSnapshotRepository {
  async snapshot(now: Date): Promise<ProgramSnapshot> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const q = <T>(sql: string): Promise<T[]> => manager.query(sql, [organizationId]);
    const [organization] = await q<{ time_zone: string }>('SELECT time_zone FROM organizations WHERE id = $1');
    // One after another: the statements share the request's transaction and its connection.
    const channels = await       q<{ active: boolean }>('SELECT active FROM channels WHERE organization_id = $1');
    const topics = await q<{ id: string }>('SELECT id FROM topics WHERE organization_id = $1');
    const posts = await q<{ status: PostStatus; planned_at: Date | null; planned_date: string | null; topic_id: string | null; series_id: string | null; published_at: Date | null }>(
        `SELECT p.status, p.planned_at, p.planned_date::text AS planned_date, p.topic_id, p.series_id,
                (SELECT max(coalesce(pb.settled_at, pb.updated_at)) FROM publications pb
                  WHERE pb.post_id = p.id AND pb.organization_id = p.organization_id AND pb.status = 'published') AS published_at
           FROM posts p WHERE p.organization_id = $1`,
    );
    const series = await q<{ id: string; has_recurrence: boolean; filled: number }>(
        `SELECT s.id, s.rrule <> '' AS has_recurrence,
                (SELECT count(*) FROM posts p WHERE p.organization_id = s.organization_id AND p.series_id = s.id
                    AND p.series_slot_at IS NOT NULL AND p.status <> 'archived')::int AS filled
           FROM series s WHERE s.organization_id = $1`,
    );
    const routes = await q<{ id: string; step_count: number }>(`SELECT id, jsonb_array_length(steps) AS step_count FROM approval_routes WHERE organization_id = $1`);
    const requests = await q<{ step_count: number; status: string }>(
        `SELECT coalesce(jsonb_array_length(route_snapshot->'steps'), 0) AS step_count, status FROM approval_requests WHERE organization_id = $1`,
    );
    const replies = await q<{ from_text_block: boolean }>(
        `SELECT text_block_version_id IS NOT NULL AS from_text_block FROM inbox_replies WHERE organization_id = $1 AND state = 'sent'`,
    );
    const people = await q<{ role: string; pending: boolean }>(
        `SELECT role, false AS pending FROM memberships WHERE organization_id = $1
         UNION ALL
         SELECT role, true FROM invitations WHERE organization_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    );
    return {
      now: now.toISOString(),
      today: localDateOf(now, organization?.time_zone ?? 'Europe/Berlin'),
      channels: channels.map((c) => ({ active: c.active })),
      topics: topics.map((t) => ({ id: t.id })),
      posts: posts.map((p) => ({
        status: p.status,
        plannedAt: p.planned_at ? new Date(p.planned_at).toISOString() : null,
        plannedDate: p.planned_date,
        topicId: p.topic_id,
        seriesId: p.series_id,
        publishedAt: p.published_at ? new Date(p.published_at).toISOString() : null,
      })),
      series: series.map((s) => ({ id: s.id, hasRecurrence: s.has_recurrence, filledSlots: s.filled })),
      approvalRoutes: routes.map((r) => ({ id: r.id, stepCount: r.step_count })),
      approvalRequests: requests.map((r) => ({ stepCount: r.step_count, status: r.status })),
      textBlocks: [],
      inboxReplies: replies.map((r) => ({ fromTextBlock: r.from_text_block })),
      people: people.map((p) => ({ role: p.role, pending: p.pending })),
      playbooks: [],
      drills: [],
    };
  }
}
