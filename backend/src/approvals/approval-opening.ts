import { Injectable } from '@nestjs/common';
import { type ApprovalRoute, chooseRoute, NO_ROUTE_MESSAGE, openApprovalRequest, type OrganizationRole, type PostRouteFacts, roleAllows } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { RequestScope } from '../database/request-scope';
import { MembershipRepository } from '../members/membership.repository';
import { ApprovalNotices } from './approval-notices';
import { ApprovalProblems } from './approval-problems';
import { ApprovalReminderJobs } from './approval-reminder-jobs';
import { ApprovalRequestRepository } from './approval-request.repository';
import { ApprovalRouteRepository, toDomainRoute } from './approval-route.repository';
import { ApprovalSettingsRepository } from './approval-settings.repository';
import { storedSteps } from './approval-state';
import type { ApprovalSubjectType } from './approval-subject';
import { policyOf } from './approval-views';

/** A subject other than a post, ready to be submitted: its content bound by hash. */
export interface SubjectSubmission {
  readonly type: Exclude<ApprovalSubjectType, 'post'>;
  readonly subjectId: string;
  readonly title: string;
  readonly contentHash: string;
  readonly canonicalContent: string;
  readonly authorUserId: string;
  /** Everyone who wrote the content (four-eyes). */
  readonly contentEditorUserIds: readonly string[];
  /** What the organization's route conditions look at; a subject without channels or topic gives none. */
  readonly routeFacts: PostRouteFacts;
  /** Extra details for the `approval.submitted` audit event. */
  readonly auditDetails: Record<string, unknown>;
}

/**
 * Opens an approval request for a subject other than a post through the organization's own
 * Freigaberouten: the same route choice, four-eyes rules, notifications and reminder jobs as a
 * post's submission (ApprovalSubmissionService), in the caller's transaction.
 */
@Injectable()
export class ApprovalOpening {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly routes: ApprovalRouteRepository,
    private readonly settings: ApprovalSettingsRepository,
    private readonly requests: ApprovalRequestRepository,
    private readonly audit: AuditLog,
    private readonly notices: ApprovalNotices,
    private readonly reminders: ApprovalReminderJobs,
  ) {}

  /** The id of the new request; 422 with the route's problems when it cannot be run. */
  async open(subject: SubjectSubmission): Promise<string> {
    const route = chooseRoute((await this.routes.list()).map(toDomainRoute), subject.routeFacts);
    if (!route) throw ApprovalProblems.notSubmittable(NO_ROUTE_MESSAGE, [{ path: 'route', message: NO_ROUTE_MESSAGE }]);
    const policy = policyOf(await this.settings.current());
    const { userId, role, organizationId, tx } = RequestScope.organization();
    const now = new Date();
    const membersByRole = await this.deciders();
    const opened = openApprovalRequest({
      route: withDecidingPeople(route, membersByRole),
      contentHash: subject.contentHash,
      authorUserId: subject.authorUserId,
      submittedByUserId: userId,
      submitterRole: role,
      contentEditorUserIds: [...subject.contentEditorUserIds],
      membersByRole,
      submittedAt: now,
      plannedAt: null,
      policy,
    });
    if (!opened.ok) {
      throw ApprovalProblems.notSubmittable(
        `Die Freigaberoute „${route.name}“ kann hierfür nicht durchlaufen werden.`,
        opened.problems.map((message) => ({ path: 'route', message })),
      );
    }
    const state = opened.state;
    const requestId = await this.requests.create({
      subjectType: subject.type,
      postId: null,
      textBlockVersionId: subject.type === 'text_block' ? subject.subjectId : null,
      playbookVersionId: subject.type === 'playbook' ? subject.subjectId : null,
      inboxReplyId: subject.type === 'inbox_reply' ? subject.subjectId : null,
      routeId: route.id,
      routeSnapshot: route,
      status: state.status,
      contentHash: subject.contentHash,
      canonicalContent: subject.canonicalContent,
      authorUserId: state.authorUserId,
      submittedByUserId: state.submittedByUserId,
      contentEditorUserIds: [...state.contentEditorUserIds],
      submittedAt: now,
      plannedAt: null,
      steps: storedSteps(state.steps),
      closedAt: null,
      voidReasons: [],
    });
    await this.audit.recordInOrganization({
      action: 'approval.submitted',
      objectType: 'approval_request',
      objectId: requestId,
      details: { subjectType: subject.type, subjectId: subject.subjectId, ...subject.auditDetails, routeId: route.id, routeName: route.name, contentHash: subject.contentHash },
    });
    await this.notices.requested({ requestId, workingTitle: subject.title, state }, policy, now);
    this.reminders.planAfterCommit(tx, { organizationId, requestId, state });
    return requestId;
  }

  /** Members per role, for the roles that may decide; role steps take their people from here. */
  async deciders(): Promise<Partial<Record<OrganizationRole, string[]>>> {
    const byRole: Partial<Record<OrganizationRole, string[]>> = {};
    for (const member of await this.memberships.list()) {
      if (roleAllows(member.role, 'approvals.decide')) (byRole[member.role] ??= []).push(member.userId);
    }
    return byRole;
  }
}

/**
 * The route with only people who may decide today: someone named in a step who left the
 * organization or lost the right to decide is not waited for (openApprovalRequest then says
 * so, should nobody remain).
 */
export function withDecidingPeople(route: ApprovalRoute, membersByRole: Partial<Record<OrganizationRole, string[]>>): ApprovalRoute {
  const deciders = new Set(Object.values(membersByRole).flat());
  return {
    ...route,
    steps: route.steps.map((step) => ({
      ...step,
      approvers: step.approvers.kind === 'users' ? { kind: 'users', userIds: step.approvers.userIds.filter((id) => deciders.has(id)) } : step.approvers,
      deputyUserId: step.deputyUserId && deciders.has(step.deputyUserId) ? step.deputyUserId : null,
    })),
  };
}
