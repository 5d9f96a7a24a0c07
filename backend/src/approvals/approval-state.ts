import type { ApprovalRequestState, ApprovalStepDecision, ApprovalStepProgress } from '@amtsplan/domain';
import type { ApprovalDecisionEntity } from './approval-decision.entity';
import type { ApprovalRequestEntity, StoredStepProgress } from './approval-request.entity';

/**
 * The domain's view of a stored request: its steps with the decisions of approval_decisions
 * (the only place decisions are kept) in the order they were made.
 */
export function requestState(request: ApprovalRequestEntity, decisions: readonly ApprovalDecisionEntity[]): ApprovalRequestState {
  const ordered = [...decisions].sort((a, b) => a.decidedAt.getTime() - b.decidedAt.getTime());
  const steps: ApprovalStepProgress[] = request.steps.map((step, index) => ({
    name: step.name,
    mode: step.mode,
    approverUserIds: step.approverUserIds,
    deputyUserId: step.deputyUserId,
    dueAt: new Date(step.dueAt),
    status: step.status,
    decisions: ordered.filter((d) => d.stepIndex === index).map(stepDecision),
  }));
  return {
    routeId: request.routeSnapshot.id,
    status: request.status,
    contentHash: request.contentHash,
    authorUserId: request.authorUserId,
    submittedByUserId: request.submittedByUserId,
    contentEditorUserIds: request.contentEditorUserIds,
    submittedAt: request.submittedAt,
    plannedAt: request.plannedAt,
    steps,
    closedAt: request.closedAt,
    voidReasons: request.voidReasons.map((reason) => reason.message),
  };
}

function stepDecision(decision: ApprovalDecisionEntity): ApprovalStepDecision {
  return {
    userId: decision.userId,
    kind: decision.kind,
    at: decision.decidedAt,
    comment: decision.comment,
    asDeputy: decision.asDeputy,
    selfApproval: decision.selfApproval,
  };
}

/** Steps as stored: without their decisions, instants as ISO strings. */
export function storedSteps(steps: readonly ApprovalStepProgress[]): StoredStepProgress[] {
  return steps.map((step) => ({
    name: step.name,
    mode: step.mode,
    approverUserIds: [...step.approverUserIds],
    deputyUserId: step.deputyUserId,
    dueAt: step.dueAt.toISOString(),
    status: step.status,
  }));
}
