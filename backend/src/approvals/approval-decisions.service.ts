import { Injectable } from '@nestjs/common';
import type { ApprovalRequestView, DecisionRequest, PostStatus } from '@amtsplan/contracts';
import { type ApprovalRequestStatus, decide } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { PostRepository } from '../posts/post.repository';
import { PublishScheduling } from '../publishing/publish-scheduling';
import { ApprovalProblems } from './approval-problems';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { requestState, storedSteps } from './approval-state';
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
  ) {}

  async decide(requestId: string, body: Required<DecisionRequest>): Promise<ApprovalRequestView> {
    const found = await this.requests.find(requestId);
    if (!found) throw ProblemException.notFound();
    // Post first, request second: the order an edit of the post takes them too.
    await this.requests.lockPost(found.postId);
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
    const common = { postId: request.postId, stepIndex: body.stepIndex, stepName: step.name, contentHash: request.contentHash };
    await this.audit.recordInOrganization({
      action: 'approval.decided',
      objectType: 'approval_request',
      objectId: request.id,
      details: { ...common, decision: decision.kind, comment: decision.comment, asDeputy: decision.asDeputy, requestStatus: result.state.status },
    });
    if (result.selfApproval) {
      await this.audit.recordInOrganization({ action: 'approval.self_approved', objectType: 'approval_request', objectId: request.id, details: { ...common, decision: decision.kind } });
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
}
