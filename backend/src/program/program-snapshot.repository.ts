import { Injectable } from '@nestjs/common';
import { localDateOf, type PostStatus, type ProgramSnapshot } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';

/**
 * The picture of one authority the exercise rules look at, read from PostgreSQL in the
 * organization's scope (row-level security applies; every query names the organization too).
 * Every area gives its real data, so an exercise ticks off exactly when its rule holds.
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
        `SELECT coalesce(jsonb_array_length(route_snapshot->'steps'), 0) AS step_count, status FROM approval_requests WHERE organization_id = $1 AND subject_type = 'post'`,
    );
    // A block counts as approved while an approved version is in use; its category is that version's (else the latest's).
    const textBlocks = await q<{ approved: boolean; category: string }>(
        `SELECT b.approved_version_id IS NOT NULL AS approved, c.name AS category
           FROM text_blocks b
           JOIN text_block_versions v ON v.id = coalesce(b.approved_version_id, b.latest_version_id) AND v.organization_id = b.organization_id
           JOIN text_block_categories c ON c.id = v.category_id AND c.organization_id = b.organization_id
          WHERE b.organization_id = $1`,
    );
    const replies = await q<{ from_text_block: boolean }>(
        `SELECT text_block_version_id IS NOT NULL AS from_text_block FROM inbox_replies WHERE organization_id = $1 AND state = 'sent'`,
    );
    const people = await q<{ role: string; pending: boolean }>(
        `SELECT role, false AS pending FROM memberships WHERE organization_id = $1
         UNION ALL
         SELECT role, true FROM invitations WHERE organization_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
    );
    // A playbook counts as approved when one of its versions was signed off through the Freigabe (an
    // approved request, not only the version's status); its contacts are the current version's.
    const playbooks = await q<{ approved: boolean; contact_count: number }>(
        `SELECT EXISTS (SELECT 1 FROM playbook_versions v JOIN approval_requests r ON r.playbook_version_id = v.id AND r.organization_id = v.organization_id
                         WHERE v.playbook_id = p.id AND v.organization_id = p.organization_id AND v.status = 'approved' AND r.status = 'approved') AS approved,
                coalesce((SELECT jsonb_array_length(v.content->'contacts') FROM playbook_versions v WHERE v.id = p.current_version_id AND v.organization_id = p.organization_id), 0)::int AS contact_count
           FROM playbooks p WHERE p.organization_id = $1`,
    );
    const drills = await q<{ reviewed: boolean }>(`SELECT status = 'reviewed' AS reviewed FROM incidents WHERE organization_id = $1 AND drill`);
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
      textBlocks: textBlocks.map((t) => ({ approved: t.approved, category: t.category })),
      inboxReplies: replies.map((r) => ({ fromTextBlock: r.from_text_block })),
      people: people.map((p) => ({ role: p.role, pending: p.pending })),
      playbooks: playbooks.map((p) => ({ approved: p.approved, contactCount: p.contact_count })),
      drills: drills.map((d) => ({ reviewed: d.reviewed })),
    };
  }
}
