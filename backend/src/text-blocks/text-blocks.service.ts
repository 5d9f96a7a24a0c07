import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { CreateTextBlockRequest, RecordTextBlockUseRequest, TextBlockHit, TextBlockListQuery, TextBlockView, UpdateTextBlockRequest } from '@amtsplan/contracts';
import { editCreatesNewVersion, roleAllows, textBlockProblems, voidApprovalRequest } from '@amtsplan/domain';
import { ApprovalNotices } from '../approvals/approval-notices';
import { ApprovalReminderJobs } from '../approvals/approval-reminder-jobs';
import { ApprovalRequestRepository } from '../approvals/approval-request.repository';
import { requestState } from '../approvals/approval-state';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { TextBlockReminderJobs } from './text-block-reminder-jobs';
import { TextBlockSearch } from './text-block-search';
import type { TextBlockVersionEntity } from './text-block-version.entity';
import type { TextBlockEntity } from './text-block.entity';
import { TextBlockRepository } from './text-block.repository';
import { organizationTimeZone, organizationToday } from '../organizations/organization-time-zone';
import { textBlockHit } from './text-block-hit';
import { TextBlockViews } from './text-block-views';

/** The text of a block as the API takes it; checked against the organization's placeholders and categories. */
interface BlockText {
  readonly title: string;
  readonly body: { sie: string | null; du: string | null };
  readonly categoryId: string;
  readonly platforms: string[];
}

/**
 * Text blocks: create, change, search and record their use. Text changes of a version that was
 * submitted go into a new version (the approved one stays in use until the new one is approved);
 * a version still in approval is voided by a newer one, so only one version is ever decided on.
 */
@Injectable()
export class TextBlocksService {
  constructor(
    private readonly repository: TextBlockRepository,
    private readonly search: TextBlockSearch,
    private readonly views: TextBlockViews,
    private readonly memberships: MembershipRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly notices: ApprovalNotices,
    private readonly approvalReminders: ApprovalReminderJobs,
    private readonly reminders: TextBlockReminderJobs,
    private readonly audit: AuditLog,
  ) {}

  async list(query: TextBlockListQuery): Promise<TextBlockHit[]> {
    const today = await organizationToday();
    const hits = (await this.search.search(query, today)).map((row) => textBlockHit(row, today));
    return query.status ? hits.filter((h) => h.status === query.status) : hits;
  }

  async get(id: string): Promise<TextBlockView> {
    const block = await this.repository.find(id);
    if (!block) throw ProblemException.notFound();
    return this.views.block(block);
  }

  async create(request: CreateTextBlockRequest & { platforms: string[]; tags: string[] }, options: { audit?: boolean } = {}): Promise<TextBlockView> {
    const { userId } = RequestScope.organization();
    const ownerUserId = request.ownerUserId ?? userId;
    await this.checkBlock({ ...request, body: { sie: request.body.sie ?? null, du: request.body.du ?? null } }, request.shortCode, ownerUserId, request.validFrom ?? null, request.validUntil ?? null, null);
    // The block names its first version from the start: one write, version 1.
    const firstVersionId = randomUUID();
    const id = await this.repository.create({
      shortCode: request.shortCode,
      ownerUserId,
      tags: request.tags,
      validFrom: request.validFrom ?? null,
      validUntil: request.validUntil ?? null,
      reviewOn: request.reviewOn ?? null,
      latestVersionId: firstVersionId,
      approvedVersionId: null,
      createdByUserId: userId,
    });
    await this.repository.createVersion({
      textBlockId: id,
      number: 1,
      title: request.title,
      bodySie: request.body.sie ?? null,
      bodyDu: request.body.du ?? null,
      categoryId: request.categoryId,
      platforms: request.platforms,
      status: 'draft',
      submitted: false,
      authorUserId: userId,
      editorUserIds: [userId],
    }, firstVersionId);
    if (options.audit !== false) {
      await this.audit.recordInOrganization({ action: 'text_block.created', objectType: 'text_block', objectId: id, details: { shortCode: request.shortCode, title: request.title } });
    }
    const block = await this.getEntity(id);
    this.reminders.planAfterCommit(block, await organizationTimeZone());
    return this.views.block(block);
  }

  async update(id: string, request: UpdateTextBlockRequest): Promise<TextBlockView> {
    await this.repository.lock(id);
    const block = await this.getEntity(id);
    if (block.version !== request.version) throw ProblemException.staleVersion();
    const latest = await this.latestOf(block);
    const text: BlockText = {
      title: request.title ?? latest.title,
      body: request.body ? { sie: request.body.sie ?? null, du: request.body.du ?? null } : { sie: latest.bodySie, du: latest.bodyDu },
      categoryId: request.categoryId ?? latest.categoryId,
      platforms: request.platforms ?? latest.platforms,
    };
    const shortCode = request.shortCode ?? block.shortCode;
    const ownerUserId = request.ownerUserId ?? block.ownerUserId;
    const validFrom = request.validFrom !== undefined ? request.validFrom : block.validFrom;
    const validUntil = request.validUntil !== undefined ? request.validUntil : block.validUntil;
    await this.checkBlock(text, shortCode, ownerUserId, validFrom, validUntil, block.id);

    const textChanged =
      text.title !== latest.title || text.body.sie !== latest.bodySie || text.body.du !== latest.bodyDu || text.categoryId !== latest.categoryId || [...text.platforms].sort().join() !== [...latest.platforms].sort().join();
    const changedFields = Object.keys(request).filter((k) => k !== 'version');
    let latestVersionId = latest.id;
    if (textChanged) latestVersionId = await this.writeText(block, latest, text);
    await this.repository.update(block.id, block.version, {
      shortCode,
      ownerUserId,
      tags: request.tags ?? block.tags,
      validFrom,
      validUntil,
      reviewOn: request.reviewOn !== undefined ? request.reviewOn : block.reviewOn,
      latestVersionId,
    });
    await this.audit.recordInOrganization({ action: 'text_block.updated', objectType: 'text_block', objectId: block.id, details: { shortCode, changedFields, textChanged } });
    const updated = await this.getEntity(id);
    this.reminders.planAfterCommit(updated, await organizationTimeZone());
    return this.views.block(updated);
  }

  /** Inserting the block into a reply: counts the use of an approved version. */
  async recordUse(id: string, request: RecordTextBlockUseRequest): Promise<TextBlockView> {
    await this.repository.lock(id);
    const block = await this.getEntity(id);
    if (block.approvedVersionId !== request.versionId) {
      throw ProblemException.unprocessable('Nur die freigegebene Fassung eines Textbausteins kann verwendet werden.');
    }
    const now = new Date();
    await this.repository.touch(id, { usageCount: block.usageCount + 1, lastUsedAt: now });
    await this.audit.recordInOrganization({ action: 'text_block.used', objectType: 'text_block', objectId: id, details: { shortCode: block.shortCode, versionId: request.versionId } });
    return this.views.block(await this.getEntity(id));
  }

  /** Writes the text: into a never-submitted draft in place, else into a new version. */
  private async writeText(block: TextBlockEntity, latest: TextBlockVersionEntity, text: BlockText): Promise<string> {
    const { userId } = RequestScope.organization();
    const values = { title: text.title, bodySie: text.body.sie, bodyDu: text.body.du, categoryId: text.categoryId, platforms: text.platforms };
    if (!editCreatesNewVersion({ number: latest.number, status: latest.status }, latest.submitted)) {
      await this.repository.updateVersion(latest.id, { ...values, editorUserIds: [...new Set([...latest.editorUserIds, userId])] });
      return latest.id;
    }
    if (latest.status === 'in_approval') await this.voidPending(block, latest);
    const versionId = await this.repository.createVersion({
      textBlockId: block.id,
      number: latest.number + 1,
      ...values,
      status: 'draft',
      submitted: false,
      authorUserId: userId,
      editorUserIds: [userId],
    });
    await this.audit.recordInOrganization({ action: 'text_block.version_created', objectType: 'text_block', objectId: block.id, details: { shortCode: block.shortCode, number: latest.number + 1, versionId } });
    return versionId;
  }

  /** A newer version replaces the one in approval: its request is voided and the people asked are told. */
  private async voidPending(block: TextBlockEntity, version: TextBlockVersionEntity): Promise<void> {
    const live = await this.requests.liveForTextBlockVersion(version.id, { lock: true });
    if (!live || live.status !== 'pending') return;
    const message = `Eine neuere Fassung von „${version.title}“ wurde angelegt; diese Freigabe gilt nicht mehr.`;
    const before = requestState(live, (await this.requests.decisionsOf([live.id])).get(live.id) ?? []);
    const now = new Date();
    const state = voidApprovalRequest(before, [message], now);
    await this.requests.update(live.id, live.version, { status: state.status, closedAt: now, voidReasons: [{ kind: 'resubmitted', message }] });
    await this.repository.updateVersion(version.id, { status: 'draft' });
    await this.audit.recordInOrganization({
      action: 'approval.voided',
      objectType: 'approval_request',
      objectId: live.id,
      details: { subjectType: 'text_block', subjectId: version.id, textBlockId: block.id, reasons: [message], approvedContentHash: live.contentHash },
    });
    await this.notices.ended({ requestId: live.id, workingTitle: version.title, state: before }, 'voided', [message]);
    const open = before.steps.findIndex((s) => s.status === 'open');
    if (open >= 0) this.approvalReminders.cancelAfterCommit(RequestScope.organization().tx, live.id, [open]);
  }

  private async checkBlock(text: BlockText, shortCode: string, ownerUserId: string, validFrom: string | null, validUntil: string | null, ownId: string | null): Promise<void> {
    const settings = await this.repository.settings();
    const problems = textBlockProblems({ title: text.title, shortCode, body: text.body, platforms: text.platforms, validFrom, validUntil }, settings.placeholders);
    const categories = await this.repository.categories();
    if (!categories.some((c) => c.id === text.categoryId)) problems.push({ path: 'categoryId', message: 'Diese Kategorie gibt es in Ihrer Behörde nicht.' });
    const owner = (await this.memberships.list()).find((m) => m.userId === ownerUserId);
    if (!owner || !roleAllows(owner.role, 'textBlocks.write')) problems.push({ path: 'ownerUserId', message: 'Verantwortlich kann nur sein, wer Textbausteine schreiben darf.' });
    const taken = await this.repository.findByShortCode(shortCode);
    if (taken && taken.id !== ownId) problems.push({ path: 'shortCode', message: `Das Kürzel „${shortCode}“ ist schon vergeben.` });
    if (problems.length) throw ProblemException.validation(problems);
  }

  private async getEntity(id: string): Promise<TextBlockEntity> {
    const block = await this.repository.find(id);
    if (!block) throw ProblemException.notFound();
    return block;
  }

  private async latestOf(block: TextBlockEntity): Promise<TextBlockVersionEntity> {
    const latest = block.latestVersionId ? await this.repository.version(block.latestVersionId, { lock: true }) : null;
    if (!latest) throw ProblemException.notFound();
    return latest;
  }
}
