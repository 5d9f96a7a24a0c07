import { Injectable } from '@nestjs/common';
import type { ApprovalRequestView, DecisionRequest, PostStatus } from '@amtsplan/contracts';
import { type ApprovalDecisionKind, type ApprovalPolicy, type ApprovalRequestStatus, currentStepIndex, decide } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostRepository } from '../posts/post.repository';
import { PublishScheduling } from '../publishing/publish-scheduling';
import { ApprovalNotices, NoticedRequest } from './approval-notices';
import { ApprovalProblems } from './approval-problems';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import type { ApprovalRequestEntity } from './approval-request.entity';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { requestState, storedSteps } from './approval-state';
import { ApprovalSubjects, subjectIdOf } from './approval-subject';
import { ApprovalViews, policyOf } from './approval-views';
import { PostWorkflowStatus } from './post-workflow-status';

/**
 * Where the post goes when a request ends by a decision. A rejected post goes back to draft:
 * it is not to be published as it is, and "Änderungen erbeten" would promise a way forward
 * that the approver did not offer.
 */
const POST_STATUS_AFTER: Partial<Record<ApprovalRequestStatus, PostStatus>> = {
  approved: 'approved',
  changes_requested: 'changes_requested',
  rejected: 'draft',
};

/** Decisions on approval steps (decide in libs/domain), one at a time per request. */
@Injectable()
export class ApprovalDecisionsService {
  constructor(
    private readonly requests: ApprovalRequestRepository,
    private readonly posts: PostRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly workflow: PostWorkflowStatus,
    private readonly views: ApprovalViews,
    private readonly audit: AuditLog,
    private readonly scheduling: PublishScheduling,
    private readonly notices: ApprovalNotices,
    private readonly reminders: ApprovalReminderJobs,
    private readonly subjects: ApprovalSubjects,
  ) {}

  async decide(requestId: string, body: Required<DecisionRequest>): Promise<ApprovalRequestView> {
    const found = await this.requests.find(requestId);
    if (!found) throw ProblemException.notFound();
    // Subject first, request second: the order an edit of the post (or text block) takes them too.
    if (found.postId) await this.requests.lockPost(found.postId);
    else await this.subjects.of(found.subjectType).lock(subjectIdOf(found));
    const request = await this.requests.get(requestId, { lock: true });
    const state = requestState(request, (await this.requests.decisionsOf([request.id])).get(request.id) ?? []);
    const policy = policyOf(await this.settings.current());
    const { userId } = RequestScope.organization();
    const now = new Date();
    const result = decide(state, { kind: body.decision, stepIndex: body.stepIndex, contentHash: body.contentHash, comment: body.comment, at: now }, { userId }, policy);
    if (!result.ok) throw ApprovalProblems.refusedDecision(result);

    const { decision } = result;
    await this.requests.addDecision({
      requestId: request.id,
      stepIndex: body.stepIndex,
      userId,
      kind: decision.kind,
      comment: decision.comment,
      asDeputy: decision.asDeputy,
      selfApproval: decision.selfApproval,
      contentHash: request.contentHash,
      decidedAt: now,
    });
    await this.requests.update(request.id, request.version, { status: result.state.status, steps: storedSteps(result.state.steps), closedAt: result.state.closedAt });
    const step = state.steps[body.stepIndex];
    const subject = request.postId ? { postId: request.postId } : { subjectType: request.subjectType, subjectId: subjectIdOf(request) };
    const common = { ...subject, stepIndex: body.stepIndex, stepName: step.name, contentHash: request.contentHash };
    await this.audit.recordInOrganization({
      action: 'approval.decided',
      objectType: 'approval_request',
      objectId: request.id,
      details: { ...common, decision: decision.kind, comment: decision.comment, asDeputy: decision.asDeputy, requestStatus: result.state.status },
    });
    if (result.selfApproval) {
      await this.audit.recordInOrganization({ action: 'approval.self_approved', objectType: 'approval_request', objectId: request.id, details: { ...common, decision: decision.kind } });
    }
    await this.followUp({ requestId: request.id, workingTitle: await this.title(request), state: result.state }, body.stepIndex, decision, policy, now);
    if (!request.postId) {
      if (result.state.status !== request.status) await this.subjects.of(request.subjectType).requestMoved(subjectIdOf(request), request.id, result.state.status);
      return this.views.request(await this.requests.get(request.id));
    }
    const next = POST_STATUS_AFTER[result.state.status];
    if (next) {
      const post = await this.posts.find(request.postId);
      if (post) await this.workflow.move(post, next, { requestId: request.id });
      // Approved with an exact time: on to "Geplant", and its publishing job after commit.
      if (post && next === 'approved') await this.scheduling.afterApproval(post.id, request.id);
    }
    return this.views.request(await this.requests.get(request.id));
  }

  /**
   * Who hears of the decision, and which reminder jobs follow: a request that ended tells its
   * author and submitter; a step completed while the request goes on asks the next step's
   * approvers and gets that step's reminders. A step still waiting for more approvers (mode
   * "all") keeps its jobs, which remind only those who have not decided.
   */
  private async followUp(request: NoticedRequest, stepIndex: number, decision: { kind: ApprovalDecisionKind; comment: string | null }, policy: ApprovalPolicy, now: Date): Promise<void> {
    const open = currentStepIndex(request.state);
    if (open === stepIndex) return;
    const { organizationId, tx } = RequestScope.organization();
    this.reminders.cancelAfterCommit(tx, request.requestId, [stepIndex]);
    if (open === null) {
      await this.notices.decided(request, { ...decision, stepName: request.state.steps[stepIndex].name });
      return;
    }
    await this.notices.requested(request, policy, now);
    this.reminders.planAfterCommit(tx, { organizationId, requestId: request.requestId, state: request.state });
  }

  private async title(request: { postId: string | null; subjectType: ApprovalRequestEntity['subjectType']; textBlockVersionId: string | null; playbookVersionId: string | null; inboxReplyId: string | null }): Promise<string> {
    if (request.postId) return (await this.posts.find(request.postId))?.workingTitle ?? 'Beitrag';
    const id = subjectIdOf(request);
    return (await this.subjects.of(request.subjectType).summaries([id])).get(id)?.title ?? 'Freigabe';
  }
}
