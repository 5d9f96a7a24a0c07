import { Injectable } from '@nestjs/common';
import type { CreatePlaybookRequest, PlaybookContentInput, PlaybookTemplateView, PlaybookView, UpdatePlaybookRequest } from '@amtsplan/contracts';
import { validatePlaybook, type PlaybookContent } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { StaleVersionError } from '../database/stale-version.error';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { PlaybookApproval } from './playbook-approval';
import { PlaybookReviewReminderJobs } from './playbook-review-reminder-jobs';
import { PLAYBOOK_TEMPLATES, playbookTemplate } from './playbook-templates';
import { PlaybookRepository, type StoredPlaybook } from './playbook.repository';
import { toPlaybookView, toTemplateView } from './playbook-views';

/**
 * Crisis playbooks: copied from a template or written from scratch, edited in versions. Editing
 * a version that was submitted starts a new draft version, so a signed playbook is never changed
 * underneath its sign-off; a request still running on the old version is voided. The sign-off
 * goes through the organization's Freigabe (PlaybookApproval); see docs/crisis.md.
 */
@Injectable()
export class PlaybooksService {
  constructor(
    private readonly playbooks: PlaybookRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditLog,
    private readonly approval: PlaybookApproval,
    private readonly reviewReminders: PlaybookReviewReminderJobs,
  ) {}

  templates(): PlaybookTemplateView[] {
    return PLAYBOOK_TEMPLATES.map(toTemplateView);
  }

  async list(): Promise<PlaybookView[]> {
    const stored = await this.playbooks.list();
    const requests = await this.playbooks.latestRequests(stored.map((s) => s.current.id));
    return stored.map((s) => toPlaybookView(s, requests.get(s.current.id) ?? null));
  }

  async get(id: string): Promise<PlaybookView> {
    const stored = await this.found(id);
    const requests = await this.playbooks.latestRequests([stored.current.id]);
    return toPlaybookView(stored, requests.get(stored.current.id) ?? null);
  }

  async create(request: CreatePlaybookRequest): Promise<PlaybookView> {
    const content = request.content as PlaybookContent;
    await this.refuseInvalid(content, request.ownerUserId ?? null);
    const id = await this.playbooks.create({ content, templateKey: null, ownerUserId: request.ownerUserId ?? null, nextReviewOn: request.nextReviewOn ?? null });
    await this.audit.recordInOrganization({ action: 'playbook.created', objectType: 'playbook', objectId: id, details: { name: content.name } });
    await this.reviewReminders.planAfterCommit(id);
    return this.get(id);
  }

  async copyTemplate(templateKey: string): Promise<PlaybookView> {
    const template = playbookTemplate(templateKey);
    if (!template) throw ProblemException.validation([{ path: 'templateKey', message: 'Diese Vorlage gibt es nicht.' }]);
    const { userId } = RequestScope.organization();
    const id = await this.playbooks.create({ content: template.content, templateKey, ownerUserId: userId, nextReviewOn: null });
    await this.audit.recordInOrganization({ action: 'playbook.copied', objectType: 'playbook', objectId: id, details: { templateKey, name: template.content.name } });
    return this.get(id);
  }

  async update(id: string, request: UpdatePlaybookRequest): Promise<PlaybookView> {
    await this.playbooks.lock(id);
    const stored = await this.found(id);
    if (stored.playbook.version !== request.version) throw new StaleVersionError('playbook', stored.playbook.version);
    const changes: Parameters<PlaybookRepository['update']>[2] = {
      ...(request.ownerUserId !== undefined ? { ownerUserId: request.ownerUserId } : {}),
      ...(request.lastReviewedOn !== undefined ? { lastReviewedOn: request.lastReviewedOn } : {}),
      ...(request.nextReviewOn !== undefined ? { nextReviewOn: request.nextReviewOn, reviewRemindedFor: null } : {}),
    };
    let newVersionNumber: number | null = null;
    if (request.content) {
      const content = request.content as PlaybookContent;
      await this.refuseInvalid(content, request.ownerUserId ?? stored.playbook.ownerUserId);
      if (stored.current.status === 'draft' && !stored.current.submitted) {
        await this.playbooks.replaceDraftContent(stored.current.id, content);
      } else {
        if (stored.current.status === 'in_approval') await this.approval.voidPending(stored.current);
        newVersionNumber = stored.current.number + 1;
        changes.currentVersionId = await this.playbooks.addVersion(id, newVersionNumber, content);
      }
    } else if (request.ownerUserId) {
      await this.refuseInvalid(stored.current.content, request.ownerUserId);
    }
    if (!(await this.playbooks.update(id, request.version, changes))) throw ProblemException.notFound();
    if (request.nextReviewOn !== undefined || request.ownerUserId !== undefined) await this.reviewReminders.planAfterCommit(id);
    await this.audit.recordInOrganization({
      action: 'playbook.updated',
      objectType: 'playbook',
      objectId: id,
      details: { name: request.content?.name ?? stored.current.content.name, fields: [...Object.keys(changes), ...(request.content ? ['content'] : [])], newVersionNumber },
    });
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    const stored = await this.found(id);
    await this.playbooks.remove(id);
    await this.audit.recordInOrganization({ action: 'playbook.deleted', objectType: 'playbook', objectId: id, details: { name: stored.current.content.name } });
  }

  private async found(id: string): Promise<StoredPlaybook> {
    const stored = await this.playbooks.find(id);
    if (!stored) throw ProblemException.notFound();
    return stored;
  }

  private async refuseInvalid(content: PlaybookContent | PlaybookContentInput, ownerUserId: string | null): Promise<void> {
    const problems = validatePlaybook(content as PlaybookContent).map((p) => ({ path: `content.${p.path}`, message: p.message }));
    const members = new Set((await this.memberships.list()).map((m) => m.userId));
    if (ownerUserId && !members.has(ownerUserId)) problems.push({ path: 'ownerUserId', message: 'Diese Person gehört nicht zur Behörde.' });
    content.contacts.forEach((c, i) => {
      if (c.userId && !members.has(c.userId)) problems.push({ path: `content.contacts.${i}.userId`, message: 'Diese Person gehört nicht zur Behörde.' });
    });
    if (problems.length) throw ProblemException.validation(problems);
  }
}
