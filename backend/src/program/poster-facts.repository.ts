import { Injectable } from '@nestjs/common';
import { isOrganizationRole, PLATFORM_LABELS, type PlatformId, type PosterFacts, type ProgramSnapshot, ROLE_LABELS_DE } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';

/**
 * What already stands in Amtsplan, worded for the Konzept-Plakat: channels, topics and series,
 * approval routes, people by role, and crisis playbooks and drills from the program snapshot
 * (filled once that area exists).
 */
@Injectable()
export class PosterFactsRepository {
  async facts(snapshot: ProgramSnapshot): Promise<PosterFacts> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const q = <T>(sql: string): Promise<T[]> => manager.query(sql, [organizationId]);
    const channels = await q<{ name: string; platform: PlatformId }>(`SELECT name, platform FROM channels WHERE organization_id = $1 AND active ORDER BY name`);
    const topics = await q<{ name: string }>(`SELECT name FROM topics WHERE organization_id = $1 ORDER BY name`);
    const series = await q<{ name: string }>(`SELECT name FROM series WHERE organization_id = $1 ORDER BY name`);
    const routes = await q<{ name: string; steps: number }>(`SELECT name, jsonb_array_length(steps) AS steps FROM approval_routes WHERE organization_id = $1 ORDER BY priority, name`);
    const people = await q<{ role: string; count: number }>(`SELECT role, count(*)::int AS count FROM memberships WHERE organization_id = $1 GROUP BY role ORDER BY role`);
    const approvedPlaybooks = snapshot.playbooks.filter((p) => p.approved).length;
    const reviewedDrills = snapshot.drills.filter((d) => d.reviewed).length;
    const approvedBlocks = snapshot.textBlocks.filter((b) => b.approved).length;
    return {
      kanaele: channels.map((c) => `Kanal: ${c.name} (${PLATFORM_LABELS[c.platform] ?? c.platform})`),
      'themen-serien': [...(topics.length ? [`Themen: ${topics.map((t) => t.name).join(', ')}`] : []), ...series.map((s) => `Serie: ${s.name}`)],
      redaktionsprozess: routes.map((r) => `Freigaberoute: ${r.name} (${r.steps} ${r.steps === 1 ? 'Stufe' : 'Stufen'})`),
      community: approvedBlocks ? [`${approvedBlocks} freigegebene Textbausteine`] : [],
      krisenvorsorge: [
        ...(approvedPlaybooks ? [`${approvedPlaybooks} freigegebene Krisen-Playbooks`] : []),
        ...(reviewedDrills ? [`${reviewedDrills} ausgewertete Krisenübungen`] : []),
      ],
      netzwerk: people.map((p) => `${p.count} × ${isOrganizationRole(p.role) ? ROLE_LABELS_DE[p.role] : p.role} in Amtsplan`),
    };
  }
}
