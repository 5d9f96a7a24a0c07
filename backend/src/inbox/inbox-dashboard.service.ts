import { Injectable } from '@nestjs/common';
import type { InboxDashboardView } from '@amtsplan/contracts';
import { RequestScope } from '../database/request-scope';
import { OrganizationEntity } from '../organizations/organization.entity';

const WEEKS = 8;

/**
 * Figures of the Posteingang: arrivals per category and calendar week (Monday start, in the
 * organization's zone) over the last eight weeks; median and 90th percentile of the first
 * response time in wall-clock minutes over the same weeks; open items by age.
 */
@Injectable()
export class InboxDashboardService {
  async view(): Promise<InboxDashboardView> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const { timeZone } = await manager.findOneByOrFail(OrganizationEntity, { id: organizationId });
    const since = `date_trunc('week', now() AT TIME ZONE $2) - interval '${WEEKS - 1} weeks'`;
    const volume: Array<{ week: string; category: string | null; count: string }> = await manager.query(
      `SELECT to_char(date_trunc('week', received_at AT TIME ZONE $2), 'YYYY-MM-DD') AS week, category, count(*) AS count
         FROM inbox_items WHERE organization_id = $1 AND received_at AT TIME ZONE $2 >= ${since}
        GROUP BY 1, 2 ORDER BY 1`,
      [organizationId, timeZone],
    );
    const [response]: Array<{ median: string | null; p90: string | null; answered: string }> = await manager.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY minutes) AS p90, count(*) AS answered
         FROM (SELECT extract(epoch FROM first_response_at - received_at) / 60 AS minutes FROM inbox_items
                WHERE organization_id = $1 AND first_response_at IS NOT NULL AND received_at AT TIME ZONE $2 >= ${since}) r`,
      [organizationId, timeZone],
    );
    const ages: Array<{ bucket: InboxDashboardView['openByAge'][number]['bucket']; count: string }> = await manager.query(
      `SELECT CASE WHEN age < interval '1 day' THEN 'under_1d' WHEN age < interval '3 days' THEN '1_to_3d'
                   WHEN age < interval '7 days' THEN '3_to_7d' ELSE 'over_7d' END AS bucket, count(*) AS count
         FROM (SELECT now() - received_at AS age FROM inbox_items
                WHERE organization_id = $1 AND status IN ('new', 'assigned', 'with_department', 'escalated')) a GROUP BY 1`,
      [organizationId],
    );
    const weeks = new Map<string, Record<string, number>>();
    const [start]: Array<{ week: string }> = await manager.query(`SELECT to_char(${since.replace('$2', '$1')}, 'YYYY-MM-DD') AS week`, [timeZone]);
    for (let i = 0; i < WEEKS; i++) {
      const day = new Date(`${start.week}T00:00:00Z`);
      day.setUTCDate(day.getUTCDate() + 7 * i);
      weeks.set(day.toISOString().slice(0, 10), {});
    }
    for (const row of volume) {
      const counts = weeks.get(row.week);
      if (counts) counts[row.category ?? 'none'] = Number(row.count);
    }
    const round = (value: string | null) => (value === null ? null : Math.round(Number(value)));
    return {
      weeks: [...weeks].map(([weekStart, counts]) => ({ weekStart, counts })),
      firstResponseMinutes: { median: round(response?.median ?? null), p90: round(response?.p90 ?? null), answered: Number(response?.answered ?? 0) },
      openByAge: (['under_1d', '1_to_3d', '3_to_7d', 'over_7d'] as const).map((bucket) => ({ bucket, count: Number(ages.find((a) => a.bucket === bucket)?.count ?? 0) })),
    };
  }
}
