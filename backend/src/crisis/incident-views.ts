import type { IncidentSummaryView, IncidentView } from '@amtsplan/contracts';
import type { IncidentEntity, IncidentTimelineEntryEntity } from './incident.entity';

export function toIncidentSummary(incident: IncidentEntity): IncidentSummaryView {
  return {
    id: incident.id,
    title: incident.title,
    level: incident.level,
    status: incident.status,
    drill: incident.drill,
    declaredAt: incident.declaredAt.toISOString(),
    endedAt: incident.endedAt?.toISOString() ?? null,
  };
}

export function toIncidentView(incident: IncidentEntity, timeline: readonly IncidentTimelineEntryEntity[], names: ReadonlyMap<string, string>, organizationStop: boolean): IncidentView {
  return {
    ...toIncidentSummary(incident),
    reason: incident.reason,
    playbookId: incident.playbookId,
    playbookVersionNumber: incident.playbookVersionNumber,
    content: incident.content as IncidentView['content'],
    ownerUserId: incident.ownerUserId,
    checklist: incident.checklist.map((c) => ({ ...c })),
    contactsAlerted: incident.contactsAlerted.map((c) => ({ ...c })),
    stopActive: incident.drill ? incident.drillStop : organizationStop,
    review: incident.review,
    drillWave: incident.drillWave.map((w) => ({ ...w })),
    timeline: timeline.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      kind: entry.kind,
      text: entry.text,
      actorUserId: entry.actorUserId,
      actorName: entry.actorUserId ? (names.get(entry.actorUserId) ?? 'Unbekannte Person') : null,
    })),
    version: incident.version,
  };
}
