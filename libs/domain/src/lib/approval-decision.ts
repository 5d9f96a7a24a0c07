import {
  APPROVAL_DECISION_KINDS,
  APPROVAL_REQUEST_STATUS_LABELS,
  type ApprovalDecisionKind,
  type ApprovalPolicy,
  type ApprovalRequestState,
  type ApprovalStepDecision,
  type ApprovalStepProgress,
  contentAuthors,
  currentStepIndex,
} from './approval-request';

export interface ApprovalDecisionInput {
  readonly kind: ApprovalDecisionKind;
  /** The step the approver saw; a step that is no longer (or not yet) open is refused. */
  readonly stepIndex: number;
  /** The hash of the content the approver saw. */
  readonly contentHash: string;
  /** Required for `request_changes`. */
  readonly comment?: string | null;
  readonly at: Date;
}

export interface ApprovalActor {
  readonly userId: string;
}

export type DecisionRefusalCode =
  | 'request-closed'
  | 'content-changed'
  | 'step-not-open'
  | 'unknown-decision'
  | 'comment-required'
  | 'not-an-approver'
  | 'deputy-too-early'
  | 'four-eyes'
  | 'decided-other-step'
  | 'already-decided';

export type DecisionRefusal = { readonly ok: false; readonly code: DecisionRefusalCode; readonly reason: string };

export type DecideResult =
  | {
      readonly ok: true;
      readonly state: ApprovalRequestState;
      readonly decision: ApprovalStepDecision;
      /** The step is complete (approved, or ended the request). */
      readonly stepCompleted: boolean;
      /** An author decided under `allowSelfApproval`: the caller must write an audit event. */
      readonly selfApproval: boolean;
    }
  | DecisionRefusal;

const refuse = (code: DecisionRefusalCode, reason: string): DecisionRefusal => ({ ok: false, code, reason });

type Eligibility = { readonly ok: true; readonly asDeputy: boolean; readonly selfApproval: boolean } | DecisionRefusal;

/**
 * Who may decide step `stepIndex`:
 * - a person the step names; its deputy only once the step is overdue (`at` ≥ its due
 *   time, which is also when the escalate_deputy reminder fires);
 * - never an author (author, content editor, submitter) — unless the organization allows
 *   self-approval, and then flagged so it is audited;
 * - nobody who has decided another step of the request (also under self-approval), and
 *   nobody twice in the same step.
 */
function eligibility(state: ApprovalRequestState, stepIndex: number, userId: string, policy: ApprovalPolicy, at: Date): Eligibility {
  const step = state.steps[stepIndex];
  const isApprover = step.approverUserIds.includes(userId);
  const asDeputy = !isApprover && step.deputyUserId === userId;
  if (!isApprover && !asDeputy) return refuse('not-an-approver', 'Sie gehören nicht zu den Freigebenden dieses Schritts.');
  if (asDeputy && at.getTime() < step.dueAt.getTime()) {
    return refuse('deputy-too-early', 'Als Vertretung können Sie erst entscheiden, wenn die Frist dieses Schritts abgelaufen ist.');
  }
  const isAuthor = contentAuthors(state).has(userId);
  if (isAuthor && !policy.allowSelfApproval) {
    return refuse('four-eyes', 'Vier-Augen-Prinzip: Wer den Beitrag verfasst, bearbeitet oder eingereicht hat, kann über seine Freigabe nicht entscheiden.');
  }
  if (state.steps.some((other, i) => i !== stepIndex && other.decisions.some((d) => d.userId === userId))) {
    return refuse('decided-other-step', 'Sie haben bereits einen anderen Schritt dieser Freigabe entschieden; jeder Schritt braucht eine andere Person.');
  }
  if (step.decisions.some((d) => d.userId === userId)) return refuse('already-decided', 'Sie haben diesen Schritt bereits entschieden.');
  return { ok: true, asDeputy, selfApproval: isAuthor };
}

/**
 * Who must approve an `all` step: every person it names, except authors while
 * self-approval is off (they may not decide, so they cannot be waited for).
 */
export function requiredApprovers(state: ApprovalRequestState, stepIndex: number, policy: ApprovalPolicy): string[] {
  const authors = contentAuthors(state);
  return state.steps[stepIndex].approverUserIds.filter((id) => policy.allowSelfApproval || !authors.has(id));
}

function stepComplete(state: ApprovalRequestState, stepIndex: number, step: ApprovalStepProgress, policy: ApprovalPolicy): boolean {
  const approvals = step.decisions.filter((d) => d.kind === 'approve');
  if (approvals.some((d) => d.asDeputy)) return true; // the deputy stands in for the whole step
  if (step.mode === 'any') return approvals.length > 0;
  const required = requiredApprovers(state, stepIndex, policy);
  return required.length > 0 && required.every((id) => approvals.some((d) => d.userId === id));
}

/**
 * Applies one decision, or refuses it with a German reason. Checks, in this order: the
 * request is pending; the decision is about the request's content hash; the step is the
 * open one; a change request has a comment; the actor may decide (see eligibility).
 *
 * `approve` completes an `any` step at once and an `all` step when every required person
 * approved (or the deputy did); the next step opens, and after the last the request is
 * approved. `request_changes` and `reject` end the request at once, whatever others said.
 */
export function decide(state: ApprovalRequestState, decision: ApprovalDecisionInput, actor: ApprovalActor, policy: ApprovalPolicy): DecideResult {
  if (state.status !== 'pending') {
    return refuse('request-closed', `Über diese Freigabe ist nicht mehr zu entscheiden (${APPROVAL_REQUEST_STATUS_LABELS[state.status]}).`);
  }
  if (decision.contentHash !== state.contentHash) {
    return refuse('content-changed', 'Der Inhalt wurde geändert, seit Sie ihn gesehen haben. Bitte prüfen Sie die aktuelle Fassung.');
  }
  const index = decision.stepIndex;
  if (index !== currentStepIndex(state)) return refuse('step-not-open', 'Dieser Schritt ist nicht an der Reihe.');
  if (!(APPROVAL_DECISION_KINDS as readonly string[]).includes(decision.kind)) {
    return refuse('unknown-decision', 'Bitte freigeben, Änderungen erbitten oder ablehnen.');
  }
  const comment = decision.comment?.trim() || null;
  if (decision.kind === 'request_changes' && !comment) {
    return refuse('comment-required', 'Bitte beschreiben Sie, was geändert werden soll.');
  }
  const allowed = eligibility(state, index, actor.userId, policy, decision.at);
  if (!allowed.ok) return allowed;

  const record: ApprovalStepDecision = {
    userId: actor.userId,
    kind: decision.kind,
    at: decision.at,
    comment,
    asDeputy: allowed.asDeputy,
    selfApproval: allowed.selfApproval,
  };
  const decided = { ...state.steps[index], decisions: [...state.steps[index].decisions, record] };
  const done = { ok: true as const, decision: record, selfApproval: allowed.selfApproval };

  if (decision.kind !== 'approve') {
    const status = decision.kind === 'reject' ? ('rejected' as const) : ('changes_requested' as const);
    const steps = state.steps.map((step, i) => (i === index ? { ...decided, status } : step));
    return { ...done, stepCompleted: true, state: { ...state, steps, status, closedAt: decision.at } };
  }
  if (!stepComplete(state, index, decided, policy)) {
    const steps = state.steps.map((step, i) => (i === index ? decided : step));
    return { ...done, stepCompleted: false, state: { ...state, steps } };
  }
  const next = state.steps.findIndex((step, i) => i > index && step.status === 'waiting');
  const steps = state.steps.map((step, i) => {
    if (i === index) return { ...decided, status: 'approved' as const };
    return i === next ? { ...step, status: 'open' as const } : step;
  });
  const finished = next === -1;
  return {
    ...done,
    stepCompleted: true,
    state: { ...state, steps, status: finished ? 'approved' : 'pending', closedAt: finished ? decision.at : null },
  };
}

/**
 * Who may decide the open step now: for the "Freigaben" inbox ("wartet auf mich") and for
 * whom reminders go to. The deputy appears once the step is overdue.
 */
export function awaitingDecisionFrom(state: ApprovalRequestState, policy: ApprovalPolicy, now: Date): string[] {
  const index = currentStepIndex(state);
  if (index === null) return [];
  const step = state.steps[index];
  const candidates = [...step.approverUserIds, ...(step.deputyUserId ? [step.deputyUserId] : [])];
  return [...new Set(candidates)].filter((userId) => eligibility(state, index, userId, policy, now).ok);
}
