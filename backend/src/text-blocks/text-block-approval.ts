import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ApprovalRequestView, SubmitTextBlockRequest } from '@amtsplan/contracts';
import { type ApprovalRequestStatus, canonicalTextBlockContent, hasBody, platformsOf, versionStatusOf } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { ApprovalOpening } from '../approvals/approval-opening';
import { ApprovalProblems } from '../approvals/approval-problems';
import { ApprovalRequestRepository } from '../approvals/approval-request.repository';
import { type ApprovalSubjectKind, type ApprovalSubjectSummary, ApprovalSubjects } from '../approvals/approval-subject';
import { ApprovalViews } from '../approvals/approval-views';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { TextBlockRepository } from './text-block.repository';

/**
 * Text block versions as a subject of the organization's Freigabe. Submitting binds the request
 * to the SHA-256 of the version's canonical content (title, body per form of address, category,
 * platforms); the decision moves the version's status, and an approved version becomes the one
 * replies use (`approved_version_id`), replacing the older approved one only now.
 */
@Injectable()
export class TextBlockApproval implements ApprovalSubjectKind, OnModuleInit {
  readonly type = 'text_block' as const;

  constructor(
    private readonly repository: TextBlockRepository,
    private readonly subjects: ApprovalSubjects,
    private readonly opening: ApprovalOpening,
    private readonly requests: ApprovalRequestRepository,
    private readonly views: ApprovalViews,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    if (!this.subjects.has(this.type)) this.subjects.register(this);
  }

  /** Submits the block's latest version; 422 when it is not a draft or has no text. */
  async submit(textBlockId: string, request: SubmitTextBlockRequest): Promise<ApprovalRequestView> {
    await this.repository.lock(textBlockId);
    const block = await this.repository.find(textBlockId);
    if (!block) throw ProblemException.notFound();
    if (block.version !== request.version) throw ProblemException.staleVersion();
    const version = block.latestVersionId ? await this.repository.version(block.latestVersionId, { lock: true }) : null;
    if (!version) throw ProblemException.notFound();
    if (version.status === 'in_approval' || version.status === 'approved') {
      throw ProblemException.unprocessable(version.status === 'approved' ? 'Diese Fassung ist bereits freigegeben.' : 'Diese Fassung ist bereits in Freigabe.');
    }
    if (version.submitted && version.status !== 'draft') {
      throw ProblemException.unprocessable('Diese Fassung wurde schon entschieden. Bitte den Text ändern; das legt eine neue Fassung an.');
    }
    const body = { sie: version.bodySie, du: version.bodyDu };
    if (!hasBody(body)) throw ApprovalProblems.notSubmittable('Der Textbaustein hat noch keinen Text.', [{ path: 'body', message: 'Bitte den Text in der Sie- oder Du-Form schreiben.' }]);
    const category = (await this.repository.categories()).find((c) => c.id === version.categoryId);
    const canonical = canonicalTextBlockContent({ title: version.title, body, category: { id: version.categoryId, name: category?.name ?? '' }, platforms: platformsOf(version.platforms) });
    const hash = createHash('sha256').update(canonical, 'utf8').digest('hex');
    const requestId = await this.opening.open({
      type: 'text_block',
      subjectId: version.id,
      title: version.title,
      contentHash: hash,
      canonicalContent: canonical,
      authorUserId: version.authorUserId,
      contentEditorUserIds: version.editorUserIds,
      routeFacts: { channelIds: [], sensitiveTopic: false, tags: block.tags, inElectionBlackout: false },
      auditDetails: { textBlockId: block.id, shortCode: block.shortCode, versionNumber: version.number, title: version.title },
    });
    const opened = await this.requests.get(requestId);
    await this.repository.updateVersion(version.id, { status: versionStatusOf(opened.status), submitted: true });
    if (opened.status === 'approved') await this.approved(block.id, version.id, version.number);
    else await this.repository.touch(block.id, {});
    await this.audit.recordInOrganization({
      action: 'text_block.submitted',
      objectType: 'text_block',
      objectId: block.id,
      details: { shortCode: block.shortCode, versionNumber: version.number, requestId, contentHash: hash },
    });
    return this.views.request(opened);
  }

  async lock(versionId: string): Promise<void> {
    const version = await this.repository.version(versionId);
    if (version) await this.repository.lock(version.textBlockId);
  }

  async summaries(versionIds: readonly string[]): Promise<Map<string, ApprovalSubjectSummary>> {
    const { organizationId } = RequestScope.organization();
    return new Map(
      (await this.repository.versions(versionIds)).map((v) => [
        v.id,
        { title: v.title, link: `/o/${organizationId}/textbausteine/${v.textBlockId}`, parentId: v.textBlockId, versionNumber: v.number },
      ]),
    );
  }

  async requestMoved(versionId: string, _requestId: string, status: ApprovalRequestStatus): Promise<void> {
    const version = await this.repository.version(versionId, { lock: true });
    if (!version) return;
    await this.repository.updateVersion(versionId, { status: versionStatusOf(status) });
    if (status === 'approved') await this.approved(version.textBlockId, version.id, version.number);
    else await this.repository.touch(version.textBlockId, {});
  }

  /** An approved version replaces the one in use, unless a newer one was approved already. */
  private async approved(textBlockId: string, versionId: string, number: number): Promise<void> {
    const block = await this.repository.find(textBlockId);
    if (!block) return;
    const current = block.approvedVersionId ? await this.repository.version(block.approvedVersionId) : null;
    if (current && current.number > number) return;
    await this.repository.touch(textBlockId, { approvedVersionId: versionId });
  }
}
