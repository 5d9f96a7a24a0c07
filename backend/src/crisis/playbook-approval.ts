import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ApprovalRequestView, SubmitPlaybookRequest } from '@amtsplan/contracts';
import { type ApprovalRequestStatus, canonicalPlaybookContent, playbookVersionStatusOf, validatePlaybook, voidApprovalRequest } from '@amtsplan/domain';
import { ApprovalNotices } from '../approvals/approval-notices';
import { ApprovalOpening } from '../approvals/approval-opening';
import { ApprovalProblems } from '../approvals/approval-problems';
import { ApprovalReminderJobs } from '../approvals/approval-reminder-jobs';
import { ApprovalRequestRepository } from '../approvals/approval-request.repository';
import { requestState } from '../approvals/approval-state';
import { type ApprovalSubjectKind, type ApprovalSubjectSummary, ApprovalSubjects } from '../approvals/approval-subject';
import { ApprovalViews } from '../approvals/approval-views';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { StaleVersionError } from '../database/stale-version.error';
import { ProblemException } from '../http/problem.exception';
import type { PlaybookVersionEntity } from './playbook.entity';
import { PlaybookRepository } from './playbook.repository';

/**
 * Crisis playbook versions as a subject of the organization's Freigabe (decision 0015): the
 * leadership signs off the crisis plan through the same routes, four-eyes rules, reminders and
 * inbox as posts. Submitting binds the request to the version's content hash; the version's
 * status only follows its request (playbookVersionStatusOf), so "freigegeben" needs an approved
 * request. A content edit while a request runs writes a new version and voids that request.
 */
@Injectable()
export class PlaybookApproval implements ApprovalSubjectKind, OnModuleInit {
  readonly type = 'playbook' as const;

  constructor(
    private readonly playbooks: PlaybookRepository,
    private readonly subjects: ApprovalSubjects,
    private readonly opening: ApprovalOpening,
    private readonly requests: ApprovalRequestRepository,
    private readonly views: ApprovalViews,
    private readonly notices: ApprovalNotices,
    private readonly reminders: ApprovalReminderJobs,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    if (!this.subjects.has(this.type)) this.subjects.register(this);
  }

  /** Submits the playbook's current version; 422 when it is not a draft or not complete. */
  async submit(playbookId: string, request: SubmitPlaybookRequest): Promise<ApprovalRequestView> {
    await this.playbooks.lock(playbookId);
    const stored = await this.playbooks.find(playbookId);
    if (!stored) throw ProblemException.notFound();
    if (stored.playbook.version !== request.version) throw new StaleVersionError('playbook', stored.playbook.version);
    const version = stored.current;
    if (version.status !== 'draft') {
      throw ProblemException.unprocessable(version.status === 'approved' ? 'Diese Fassung ist bereits freigegeben.' : 'Diese Fassung ist bereits in Freigabe.');
    }
    if (version.submitted) throw ProblemException.unprocessable('Über diese Fassung wurde schon entschieden. Bitte das Playbook ändern; das legt eine neue Fassung an.');
    const problems = validatePlaybook(version.content);
    if (problems.length) throw ApprovalProblems.notSubmittable('Das Playbook ist noch nicht vollständig.', problems.map((p) => ({ path: `content.${p.path}`, message: p.message })));
    const requestId = await this.opening.open({
      type: 'playbook',
      subjectId: version.id,
      title: version.content.name,
      contentHash: version.contentHash,
      canonicalContent: canonicalPlaybookContent(version.content),
      authorUserId: version.createdByUserId ?? RequestScope.organization().userId,
      contentEditorUserIds: editorsOf(version),
      routeFacts: { channelIds: [], sensitiveTopic: false, tags: [], inElectionBlackout: false },
      auditDetails: { playbookId, versionNumber: version.number, name: version.content.name },
    });
    const opened = await this.requests.get(requestId);
    await this.playbooks.updateVersion(version.id, { status: playbookVersionStatusOf(opened.status), submitted: true });
    if (!(await this.playbooks.update(playbookId, request.version, {}))) throw ProblemException.notFound();
    await this.audit.recordInOrganization({
      action: 'playbook.submitted',
      objectType: 'playbook',
      objectId: playbookId,
      details: { name: version.content.name, versionNumber: version.number, requestId, contentHash: version.contentHash },
    });
    return this.views.request(opened);
  }

  /**
   * A newer version replaces the one in approval: its request is voided, the people asked are
   * told, and the old version goes back to Entwurf. Called by the edit in its transaction.
   */
  async voidPending(version: PlaybookVersionEntity): Promise<void> {
    const live = await this.requests.liveForPlaybookVersion(version.id, { lock: true });
    if (!live || live.status !== 'pending') return;
    const message = `Eine neuere Fassung des Playbooks „${version.content.name}“ wurde angelegt; diese Freigabe gilt nicht mehr.`;
    const before = requestState(live, (await this.requests.decisionsOf([live.id])).get(live.id) ?? []);
    const now = new Date();
    const state = voidApprovalRequest(before, [message], now);
    await this.requests.update(live.id, live.version, { status: state.status, closedAt: now, voidReasons: [{ kind: 'resubmitted', message }] });
    await this.playbooks.updateVersion(version.id, { status: playbookVersionStatusOf(state.status) });
    await this.audit.recordInOrganization({
      action: 'approval.voided',
      objectType: 'approval_request',
      objectId: live.id,
      details: { subjectType: 'playbook', subjectId: version.id, playbookId: version.playbookId, reasons: [message], approvedContentHash: live.contentHash },
    });
    await this.notices.ended({ requestId: live.id, workingTitle: version.content.name, state: before }, 'voided', [message]);
    const open = before.steps.findIndex((s) => s.status === 'open');
    if (open >= 0) this.reminders.cancelAfterCommit(RequestScope.organization().tx, live.id, [open]);
  }

  async lock(versionId: string): Promise<void> {
    const [version] = await this.playbooks.versions([versionId]);
    if (version) await this.playbooks.lock(version.playbookId);
  }

  async summaries(versionIds: readonly string[]): Promise<Map<string, ApprovalSubjectSummary>> {
    const { organizationId } = RequestScope.organization();
    return new Map(
      (await this.playbooks.versions(versionIds)).map((v) => [
        v.id,
        { title: v.content.name, link: `/o/${organizationId}/krisen-playbooks/playbooks/${v.playbookId}`, parentId: v.playbookId, versionNumber: v.number },
      ]),
    );
  }

  async requestMoved(versionId: string, _requestId: string, status: ApprovalRequestStatus): Promise<void> {
    const [version] = await this.playbooks.versions([versionId]);
    if (!version) return;
    await this.playbooks.updateVersion(versionId, { status: playbookVersionStatusOf(status) });
    await this.playbooks.touch(version.playbookId);
  }
}

/** Who wrote the version: its creator and everyone who changed the draft since. */
export function editorsOf(version: Pick<PlaybookVersionEntity, 'createdByUserId' | 'editorUserIds'>): string[] {
  return [...new Set([...(version.createdByUserId ? [version.createdByUserId] : []), ...version.editorUserIds])];
}
