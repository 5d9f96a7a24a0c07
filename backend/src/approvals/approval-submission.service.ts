import { Injectable } from '@nestjs/common';
import type { ApprovalRequestView, FieldError, PostFindingView, SubmitPostRequest } from '@amtsplan/contracts';
import {
  type ApprovalRequestState,
  chooseRoute,
  currentStepIndex,
  inElectionBlackout,
  NO_ROUTE_MESSAGE,
  openApprovalRequest,
  type OrganizationRole,
  planningDeadline,
  POST_STATUS_LABELS,
  postStatusMachine,
  roleAllows,
  voidApprovalRequest,
  withdrawApprovalRequest,
} from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { MembershipRepository } from '../members/membership.repository';
import { PostEntity } from '../posts/post.entity';
import { PostRepository } from '../posts/post.repository';
import { planningOf } from '../posts/post-view';
import { TopicRepository } from '../topics/topic.repository';
import { ApprovalContentReader } from './approval-content-reader';
import { withDecidingPeople } from './approval-opening';
import { ApprovalNotices } from './approval-notices';
import { ApprovalProblems } from './approval-problems';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalRouteRepository, toDomainRoute } from './approval-route.repository';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { requestState, storedSteps } from './approval-state';
import { ApprovalViews, policyOf } from './approval-views';
import { PostWorkflowStatus } from './post-workflow-status';

/**
 * Submitting a post for approval and taking it back. A submission runs the hard checks,
 * picks the route (chooseRoute), binds the request to the SHA-256 of the canonical content
 * and moves the post into approval; all in the caller's transaction, with the post's row
 * locked first (see ApprovalRequestRepository).
 */
@Injectable()
export class ApprovalSubmissionService {
  constructor(
    private readonly posts: PostRepository,
    private readonly topics: TopicRepository,
    private readonly memberships: MembershipRepository,
    private readonly routes: ApprovalRouteRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly reader: ApprovalContentReader,
    private readonly workflow: PostWorkflowStatus,
    private readonly views: ApprovalViews,
    private readonly audit: AuditLog,
    private readonly notices: ApprovalNotices,
    private readonly reminders: ApprovalReminderJobs,
  ) {}

  async submit(postId: string, request: SubmitPostRequest): Promise<ApprovalRequestView> {
    await this.requests.lockPost(postId);
    const post = await this.ownPost(postId);
    if (post.version !== request.version) throw ProblemException.staleVersion();
    if (!postStatusMachine.canTransition(post.status, 'in_approval')) {
      throw ProblemException.unprocessable(`Ein Beitrag im Status „${POST_STATUS_LABELS[post.status]}“ kann nicht zur Freigabe eingereicht werden.`);
    }
    const variants = (await this.posts.variantsOf([post.id])).get(post.id) ?? [];
    this.refuseHardFindings(post, variants.map((v) => v.channelId));

    const bound = await this.reader.of(post);
    const settings = await this.settings.current();
    const policy = policyOf(settings);
    const planning = planningOf(post);
    const topic = post.topicId ? await this.topics.find(post.topicId) : null;
    const route = chooseRoute((await this.routes.list()).map(toDomainRoute), {
      channelIds: variants.map((v) => v.channelId),
      sensitiveTopic: topic?.sensitive === true,
      tags: post.tags,
      inElectionBlackout: inElectionBlackout(planning.kind === 'time' ? new Date(planning.at) : planning.kind === 'day' ? planning.date : null, settings.electionBlackoutPeriods, post.timeZone),
    });
    if (!route) throw ApprovalProblems.notSubmittable(NO_ROUTE_MESSAGE, [{ path: 'route', message: NO_ROUTE_MESSAGE }]);

    const { userId, role } = RequestScope.organization();
    const now = new Date();
    const membersByRole = await this.deciders();
    const opened = openApprovalRequest({
      route: withDecidingPeople(route, membersByRole),
      contentHash: bound.hash,
      authorUserId: post.authorUserId,
      submittedByUserId: userId,
      submitterRole: role,
      contentEditorUserIds: await this.requests.contentEditors(post.id),
      membersByRole,
      submittedAt: now,
      plannedAt: planningDeadline(planning, post.timeZone),
      policy,
    });
    if (!opened.ok) {
      throw ApprovalProblems.notSubmittable(
        `Die Freigaberoute „${route.name}“ kann für diesen Beitrag nicht durchlaufen werden.`,
        opened.problems.map((message) => ({ path: 'route', message })),
      );
    }

    await this.replaceStaleApproval(post.id, post.workingTitle, now);
    const state = opened.state;
    const requestId = await this.requests.create({
      subjectType: 'post',
      postId: post.id,
      textBlockVersionId: null,
      playbookVersionId: null,
      inboxReplyId: null,
      routeId: route.id,
      routeSnapshot: route,
      status: state.status,
      contentHash: bound.hash,
      canonicalContent: bound.canonical,
      authorUserId: state.authorUserId,
      submittedByUserId: state.submittedByUserId,
      contentEditorUserIds: [...state.contentEditorUserIds],
      submittedAt: now,
      plannedAt: state.plannedAt,
      steps: storedSteps(state.steps),
      closedAt: null,
      voidReasons: [],
    });
    await this.workflow.move(post, 'in_approval', { requestId });
    await this.audit.recordInOrganization({
      action: 'approval.submitted',
      objectType: 'approval_request',
      objectId: requestId,
      details: { postId: post.id, workingTitle: post.workingTitle, routeId: route.id, routeName: route.name, contentHash: bound.hash },
    });
    const noticed = { requestId, workingTitle: post.workingTitle, state };
    await this.notices.requested(noticed, policy, now);
    const { organizationId, tx } = RequestScope.organization();
    this.reminders.planAfterCommit(tx, { organizationId, requestId, state });
    return this.views.request(await this.requests.get(requestId));
  }

  /** Takes a running request back before it is decided; the post returns to draft. */
  async withdraw(postId: string): Promise<ApprovalRequestView> {
    await this.requests.lockPost(postId);
    const post = await this.ownPost(postId);
    const live = await this.requests.live(postId, { lock: true });
    if (!live || live.status !== 'pending') throw ProblemException.unprocessable('Dieser Beitrag ist nicht in Freigabe; es gibt nichts zurückzuziehen.');
    const now = new Date();
    const decisions = (await this.requests.decisionsOf([live.id])).get(live.id) ?? [];
    const before = requestState(live, decisions);
    const state = withdrawApprovalRequest(before, now);
    await this.requests.update(live.id, live.version, { status: state.status, closedAt: now });
    await this.notices.ended({ requestId: live.id, workingTitle: post.workingTitle, state: before }, 'withdrawn', []);
    this.cancelReminders(live.id, before);
    await this.workflow.move(post, 'draft', { requestId: live.id });
    await this.audit.recordInOrganization({
      action: 'approval.withdrawn',
      objectType: 'approval_request',
      objectId: live.id,
      details: { postId, workingTitle: post.workingTitle, contentHash: live.contentHash },
    });
    return this.views.request(await this.requests.get(live.id));
  }

  /** The post's most recent request. */
  async current(postId: string): Promise<ApprovalRequestView> {
    if (!(await this.posts.find(postId))) throw ProblemException.notFound();
    const latest = await this.requests.latest(postId);
    if (!latest) throw ProblemException.notFound('Dieser Beitrag wurde noch nicht zur Freigabe eingereicht.');
    return this.views.request(latest);
  }

  /** Planners submit and withdraw any post; a Fachbereich only the posts it wrote (404 for unknown posts). */
  private async ownPost(postId: string): Promise<PostEntity> {
    const post = await this.posts.find(postId);
    if (!post) throw ProblemException.notFound();
    const { role, userId } = RequestScope.organization();
    if (!roleAllows(role, 'posts.plan') && post.authorUserId !== userId) {
      throw ProblemException.forbidden('Sie können nur eigene Beiträge einreichen oder zurückziehen.');
    }
    return post;
  }

  /** Hard findings (stored with every save) and a post without any channel block the submission. */
  private refuseHardFindings(post: PostEntity, channelIds: readonly string[]): void {
    const errors: FieldError[] = post.findings.filter((f) => f.severity === 'hard').map((f) => ({ path: findingPath(f, channelIds), message: f.message }));
    if (channelIds.length === 0) errors.push({ path: 'variants', message: 'Bitte mindestens einen Kanal wählen, auf dem der Beitrag erscheinen soll.' });
    if (errors.length) throw ApprovalProblems.notSubmittable('Der Beitrag hat Mängel, die eine Freigabe verhindern. Bitte zuerst beheben.', errors);
  }

  /** Members per role, for the roles that may decide; role steps take their people from here. */
  private async deciders(): Promise<Partial<Record<OrganizationRole, string[]>>> {
    const byRole: Partial<Record<OrganizationRole, string[]>> = {};
    for (const member of await this.memberships.list()) {
      if (roleAllows(member.role, 'approvals.decide')) (byRole[member.role] ??= []).push(member.userId);
    }
    return byRole;
  }

  /**
   * An approval still standing from an earlier round (the post was archived and restored) does
   * not carry over to a new submission: the new request replaces it.
   */
  private async replaceStaleApproval(postId: string, workingTitle: string, now: Date): Promise<void> {
    const live = await this.requests.live(postId, { lock: true });
    if (!live) return;
    const message = 'Der Beitrag wurde erneut eingereicht; diese Freigabe gilt nicht mehr.';
    const before = requestState(live, (await this.requests.decisionsOf([live.id])).get(live.id) ?? []);
    const state = voidApprovalRequest(before, [message], now);
    await this.requests.update(live.id, live.version, { status: state.status, closedAt: now, voidReasons: [{ kind: 'resubmitted', message }] });
    await this.audit.recordInOrganization({
      action: 'approval.voided',
      objectType: 'approval_request',
      objectId: live.id,
      details: { postId, requestStatus: live.status, reasons: [message], approvedContentHash: live.contentHash },
    });
    await this.notices.ended({ requestId: live.id, workingTitle, state: before }, 'voided', [message]);
    this.cancelReminders(live.id, before);
  }

  /** The jobs of the step that was open; a request without one (approved) has none left. */
  private cancelReminders(requestId: string, before: ApprovalRequestState): void {
    const open = currentStepIndex(before);
    if (open !== null) this.reminders.cancelAfterCommit(RequestScope.organization().tx, requestId, [open]);
  }
}

/** Where a hard finding sits in the post: its channel's text, or its images. */
function findingPath(finding: PostFindingView, channelIds: readonly string[]): string {
  if (finding.code === 'image-required' || finding.code === 'too-many-images') return 'media';
  const index = finding.channelId ? channelIds.indexOf(finding.channelId) : -1;
  return index >= 0 ? `variants.${index}.text` : 'text';
}
