import { Injectable } from '@nestjs/common';
import type {
  ChangeLevelRequest,
  ChecklistStepRequest,
  ContactAlertedRequest,
  DeclareIncidentRequest,
  EndIncidentRequest,
  IncidentReviewRequest,
  IncidentSummaryView,
  IncidentView,
  StatementUsedRequest,
  TimelineNoteRequest,
} from '@amtsplan/contracts';
import {
  crisisLevelLabel,
  DEFAULT_SHITSTORM_SCALE,
  endRefusal,
  INCIDENT_REFUSAL_MESSAGES,
  type IncidentRefusal,
  type IncidentStatus,
  isOpenIncident,
  levelChangeRefusal,
  type PlaybookContent,
  playbookLevel,
  reviewRefusal,
} from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { StaleVersionError } from '../database/stale-version.error';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { OrganizationEntity } from '../organizations/organization.entity';
import { CrisisAlerts, mergeAlerts } from './crisis-alerts';
import { CrisisDetectionsService } from './crisis-detections.service';
import { drillWave } from './drill-wave';
import type { IncidentEntity } from './incident.entity';
import { type IncidentChanges, IncidentRepository } from './incident.repository';
import { toIncidentSummary, toIncidentView } from './incident-views';
import { PlaybookRepository } from './playbook.repository';

/** The default scale without steps or contacts: what an ad hoc crisis works with. */
export const AD_HOC_CONTENT: PlaybookContent = {
  name: 'Ad-hoc-Krisenfall',
  scenario: '',
  contacts: [],
  levels: DEFAULT_SHITSTORM_SCALE.map((l) => ({ ...l, checklist: [], contactIds: [], holdingStatementIds: [], dos: [], donts: [], stopRecommended: l.level >= 3 })),
};

/**
 * Krisenmodus: „Krise ausrufen“ (from a playbook or ad hoc, as an Übung too), level changes,
 * checklist, contacts, notes and statements — each an automatic timeline entry and an audit
 * event in the same transaction — then the end and the after-action review.
 */
@Injectable()
export class IncidentsService {
  constructor(
    private readonly incidents: IncidentRepository,
    private readonly playbooks: PlaybookRepository,
    private readonly memberships: MembershipRepository,
    private readonly alerts: CrisisAlerts,
    private readonly audit: AuditLog,
    private readonly detections: CrisisDetectionsService,
  ) {}

  async list(): Promise<IncidentSummaryView[]> {
    return (await this.incidents.list()).map(toIncidentSummary);
  }

  async get(id: string): Promise<IncidentView> {
    const incident = await this.found(id);
    const timeline = await this.incidents.timeline(id);
    const names = await this.incidents.names(timeline.map((e) => e.actorUserId));
    return toIncidentView(incident, timeline, names, await this.organizationStop());
  }

  async declare(request: DeclareIncidentRequest): Promise<IncidentView> {
    const { userId } = RequestScope.organization();
    let content = AD_HOC_CONTENT;
    let versionNumber: number | null = null;
    if (request.playbookId) {
      const stored = await this.playbooks.find(request.playbookId);
      if (!stored) throw ProblemException.validation([{ path: 'playbookId', message: 'Dieses Playbook gibt es nicht.' }]);
      content = stored.current.content;
      versionNumber = stored.current.number;
    }
    const ownerUserId = request.ownerUserId ?? userId;
    if (!(await this.memberships.list()).some((m) => m.userId === ownerUserId)) {
      throw ProblemException.validation([{ path: 'ownerUserId', message: 'Diese Person gehört nicht zur Behörde.' }]);
    }
    const drill = request.drill ?? false;
    const level = request.level;
    const id = await this.incidents.insert({
      title: request.title,
      reason: request.reason,
      level,
      status: 'declared',
      drill,
      drillStop: false,
      drillWave: drill ? drillWave(level) : [],
      playbookId: request.playbookId ?? null,
      playbookVersionNumber: versionNumber,
      content,
      ownerUserId,
      declaredByUserId: userId,
      declaredAt: new Date(),
      checklist: [],
      contactsAlerted: [],
    });
    const label = crisisLevelLabel(level, content.levels);
    await this.incidents.addEntry(id, 'declared', `${drill ? 'Übung gestartet' : 'Krise ausgerufen'}: ${label}. Anlass: ${request.reason}`, { level, playbookId: request.playbookId ?? null, versionNumber });
    const incident = await this.found(id);
    await this.alertAndRecord(incident, content, level);
    // A real crisis answers the open „Möglicher Shitstorm“ alerts; a drill leaves them open.
    if (!drill) await this.detections.declared(id);
    await this.audit.recordInOrganization({ action: 'incident.declared', objectType: 'incident', objectId: id, details: { title: request.title, level, drill, playbookId: request.playbookId ?? null, versionNumber, detectionId: request.detectionId ?? null } });
    return this.get(id);
  }

  async changeLevel(id: string, request: ChangeLevelRequest): Promise<IncidentView> {
    const incident = await this.fresh(id, request.version);
    this.refuse(levelChangeRefusal(incident.status, incident.level, request.level));
    await this.save(incident, { level: request.level });
    const from = crisisLevelLabel(incident.level, incident.content.levels);
    const to = crisisLevelLabel(request.level, incident.content.levels);
    await this.incidents.addEntry(id, 'level_changed', `Stufe geändert: ${from} → ${to}${request.reason ? `. Grund: ${request.reason}` : ''}`, { from: incident.level, to: request.level });
    await this.alertAndRecord(await this.found(id), incident.content, request.level);
    await this.audit.recordInOrganization({ action: 'incident.level_changed', objectType: 'incident', objectId: id, details: { from: incident.level, to: request.level, reason: request.reason } });
    return this.get(id);
  }

  async checklistStep(id: string, request: ChecklistStepRequest): Promise<IncidentView> {
    const incident = await this.fresh(id, request.version);
    this.refuse(isOpenIncident(incident.status) ? null : 'closed');
    const step = incident.content.levels.find((l) => l.level === request.level)?.checklist.find((s) => s.id === request.stepId);
    if (!step) throw ProblemException.validation([{ path: 'stepId', message: 'Diesen Schritt gibt es auf dieser Stufe nicht.' }]);
    const { userId } = RequestScope.organization();
    const others = incident.checklist.filter((c) => !(c.level === request.level && c.stepId === request.stepId));
    const checklist = request.done ? [...others, { level: request.level, stepId: request.stepId, doneAt: new Date().toISOString(), doneByUserId: userId }] : others;
    if (checklist.length === incident.checklist.length && request.done === incident.checklist.some((c) => c.level === request.level && c.stepId === request.stepId)) return this.get(id);
    await this.save(incident, { checklist });
    await this.incidents.addEntry(id, 'checklist_step', `${request.done ? 'Erledigt' : 'Wieder offen'}: ${step.title}`, { level: request.level, stepId: request.stepId, done: request.done });
    await this.audit.recordInOrganization({ action: 'incident.checklist_step_changed', objectType: 'incident', objectId: id, details: { level: request.level, stepId: request.stepId, done: request.done } });
    return this.get(id);
  }

  async contactAlerted(id: string, request: ContactAlertedRequest): Promise<IncidentView> {
    const incident = await this.fresh(id, request.version);
    this.refuse(isOpenIncident(incident.status) ? null : 'closed');
    const contact = incident.content.contacts.find((c) => c.id === request.contactId);
    if (!contact) throw ProblemException.validation([{ path: 'contactId', message: 'Diesen Kontakt gibt es im Playbook nicht.' }]);
    const { userId } = RequestScope.organization();
    const contactsAlerted = mergeAlerts(incident.contactsAlerted, [{ contactId: contact.id, alertedAt: new Date().toISOString(), byUserId: userId, automatic: false }]);
    await this.save(incident, { contactsAlerted });
    await this.incidents.addEntry(id, 'contact_alerted', `Alarmiert: ${contact.name} (${contact.function})`, { contactId: contact.id });
    await this.audit.recordInOrganization({ action: 'incident.contact_alerted', objectType: 'incident', objectId: id, details: { contactId: contact.id } });
    return this.get(id);
  }

  async note(id: string, request: TimelineNoteRequest): Promise<IncidentView> {
    const incident = await this.found(id);
    if (incident.status === 'reviewed') this.refuse('closed');
    await this.incidents.addEntry(id, 'note', request.text);
    await this.audit.recordInOrganization({ action: 'incident.note_added', objectType: 'incident', objectId: id, details: { length: request.text.length } });
    return this.get(id);
  }

  /** A holding statement (a text block, referenced by id until Textbausteine exist) was used. */
  async statementUsed(id: string, request: StatementUsedRequest): Promise<IncidentView> {
    const incident = await this.found(id);
    this.refuse(isOpenIncident(incident.status) ? null : 'closed');
    const text = `Haltungsstatement verwendet (Textbaustein ${request.textBlockId})${request.note ? `: ${request.note}` : ''}`;
    await this.incidents.addEntry(id, 'statement_used', text, { textBlockId: request.textBlockId });
    await this.audit.recordInOrganization({ action: 'incident.statement_used', objectType: 'incident', objectId: id, details: { textBlockId: request.textBlockId } });
    return this.get(id);
  }

  async end(id: string, request: EndIncidentRequest): Promise<IncidentView> {
    const incident = await this.fresh(id, request.version);
    const stop = incident.drill ? incident.drillStop : await this.organizationStop();
    this.refuse(endRefusal(incident.status, stop));
    await this.incidents.update(id, incident.version, { status: 'ended', endedAt: new Date() });
    await this.incidents.addEntry(id, 'ended', incident.drill ? 'Übung beendet.' : 'Krisenfall beendet.');
    await this.audit.recordInOrganization({ action: 'incident.ended', objectType: 'incident', objectId: id, details: { level: incident.level, drill: incident.drill } });
    return this.get(id);
  }

  async review(id: string, request: IncidentReviewRequest): Promise<IncidentView> {
    const incident = await this.fresh(id, request.version);
    this.refuse(reviewRefusal(incident.status));
    await this.incidents.update(id, incident.version, { status: 'reviewed', review: request.review, reviewedAt: new Date() });
    await this.incidents.addEntry(id, 'reviewed', `Review abgeschlossen, ${request.review.followUps.length} Folgeaufgabe(n).`);
    await this.audit.recordInOrganization({ action: 'incident.reviewed', objectType: 'incident', objectId: id, details: { followUps: request.review.followUps.length } });
    return this.get(id);
  }

  /** Saves and moves a declared incident to active: the first work on it. */
  async save(incident: IncidentEntity, changes: IncidentChanges): Promise<void> {
    const status: IncidentStatus | undefined = incident.status === 'declared' ? 'active' : undefined;
    await this.incidents.update(incident.id, incident.version, { ...changes, ...(status ? { status } : {}) });
  }

  async fresh(id: string, version: number): Promise<IncidentEntity> {
    const incident = await this.found(id);
    if (incident.version !== version) throw new StaleVersionError('incident', incident.version);
    return incident;
  }

  async found(id: string): Promise<IncidentEntity> {
    const incident = await this.incidents.find(id);
    if (!incident) throw ProblemException.notFound();
    return incident;
  }

  async organizationStop(): Promise<boolean> {
    const { organizationId } = RequestScope.organization();
    const org = await RequestScope.manager().findOneOrFail(OrganizationEntity, { where: { id: organizationId }, select: { id: true, communicationStop: true } });
    return org.communicationStop;
  }

  refuse(refusal: IncidentRefusal | null): void {
    if (refusal) throw ProblemException.unprocessable(INCIDENT_REFUSAL_MESSAGES[refusal]);
  }

  private async alertAndRecord(incident: IncidentEntity, content: PlaybookContent, level: number): Promise<void> {
    const defined = playbookLevel(content, level);
    if (!defined) return;
    const alerted = await this.alerts.alertLevel(incident, content, level, incident.contactsAlerted);
    const fresh = alerted.filter((a) => a.automatic && !incident.contactsAlerted.some((b) => b === a));
    if (fresh.length) {
      await this.incidents.update(incident.id, incident.version, { contactsAlerted: alerted });
      const names = fresh.map((a) => content.contacts.find((c) => c.id === a.contactId)?.name ?? a.contactId);
      await this.incidents.addEntry(incident.id, 'contact_alerted', `Automatisch alarmiert (in Amtsplan und per E-Mail): ${names.join(', ')}`, { contactIds: fresh.map((a) => a.contactId) }, 'system');
    } else if (incident.drill && defined.contactIds.length) {
      await this.incidents.addEntry(incident.id, 'contact_alerted', `Übung: Alarmierung von ${defined.contactIds.length} Kontakt(en) nur simuliert.`, {}, 'system');
    }
  }
}
