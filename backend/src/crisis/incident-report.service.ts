import { Injectable } from '@nestjs/common';
import { crisisLevelLabel, INCIDENT_STATUS_LABELS } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { OrganizationEntity } from '../organizations/organization.entity';
import { IncidentRepository } from './incident.repository';
import { IncidentsService } from './incidents.service';
import { renderIncidentReportPdf } from './incident-report-pdf';

const DECISION_KINDS = new Set(['level_changed', 'stop_activated', 'stop_lifted', 'post_paused', 'post_resumed', 'ended']);

/** The incident report as a PDF download; each export is audited, because it leaves the system. */
@Injectable()
export class IncidentReportService {
  constructor(
    private readonly incidentsService: IncidentsService,
    private readonly incidents: IncidentRepository,
    private readonly audit: AuditLog,
  ) {}

  async export(id: string, now = new Date()): Promise<{ fileName: string; content: Buffer }> {
    const incident = await this.incidentsService.found(id);
    const timeline = await this.incidents.timeline(id);
    const { organizationId, userId } = RequestScope.organization();
    const names = await this.incidents.names([userId, incident.ownerUserId, ...timeline.map((e) => e.actorUserId)]);
    const org = await RequestScope.manager().findOneOrFail(OrganizationEntity, { where: { id: organizationId }, select: { id: true, name: true, timeZone: true } });
    const stepTitle = (level: number, stepId: string) => incident.content.levels.find((l) => l.level === level)?.checklist.find((s) => s.id === stepId)?.title ?? stepId;
    const content = await renderIncidentReportPdf({
      organizationName: org.name,
      timeZone: org.timeZone,
      title: incident.title,
      drill: incident.drill,
      status: INCIDENT_STATUS_LABELS[incident.status],
      level: crisisLevelLabel(incident.level, incident.content.levels),
      reason: incident.reason,
      playbook: incident.playbookId ? `${incident.content.name} (Version ${incident.playbookVersionNumber})` : 'ohne Playbook (ad hoc)',
      owner: incident.ownerUserId ? (names.get(incident.ownerUserId) ?? 'Unbekannte Person') : '–',
      declaredAt: incident.declaredAt,
      endedAt: incident.endedAt,
      generatedAt: now,
      generatedBy: names.get(userId) ?? 'Unbekannte Person',
      timeline: timeline.map((e) => ({ at: e.at, text: e.text, by: e.actorUserId ? (names.get(e.actorUserId) ?? 'Unbekannte Person') : null })),
      decisions: timeline.filter((e) => DECISION_KINDS.has(e.kind)).map((e) => e.text),
      statements: timeline.filter((e) => e.kind === 'statement_used').map((e) => e.text),
      checklist: incident.checklist.map((c) => `${stepTitle(c.level, c.stepId)} (Stufe ${c.level})`),
      review: incident.review
        ? { ...incident.review, followUps: incident.review.followUps.map((f) => `${f.title}${f.owner ? ` – ${f.owner}` : ''}${f.dueOn ? `, bis ${f.dueOn}` : ''}${f.done ? ' (erledigt)' : ''}`) }
        : null,
    });
    await this.audit.recordInOrganization({ action: 'incident.report_exported', objectType: 'incident', objectId: id, details: { entries: timeline.length } });
    return { fileName: `krisenbericht-${now.toISOString().slice(0, 10)}-${id.slice(0, 8)}.pdf`, content };
  }
}
