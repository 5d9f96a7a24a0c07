import { type ApprovalMode, type ApprovalRoute, stepConflicts } from './approval-routes';
import { dueAt, type ReminderKind } from './approval-schedule';
import { ROLE_LABELS_DE, type OrganizationRole } from './roles';
import { defineStateMachine } from './state-machine';

/**
 * An approval request (Freigabeanfrage): one submission of one post version, bound to the
 * content hash of exactly what will be published, walking the steps of its route in order.
 */
export const APPROVAL_REQUEST_STATUSES = ['pending', 'approved', 'changes_requested', 'rejected', 'voided', 'withdrawn'] as const;
export type ApprovalRequestStatus = (typeof APPROVAL_REQUEST_STATUSES)[number];

export const APPROVAL_REQUEST_STATUS_LABELS: { readonly [S in ApprovalRequestStatus]: string } = {
  pending: 'In Freigabe',
  approved: 'Freigegeben',
  changes_requested: 'Änderungen erbeten',
  rejected: 'Abgelehnt',
  voided: 'Ungültig (Inhalt geändert)',
  withdrawn: 'Zurückgezogen',
};

/**
 * - `voided`: the hashed content changed (edit, new image, alt text, planned time); from
 *   pending and also from approved — an approval never outlives its content.
 * - `withdrawn`: the author or the Redaktion takes the submission back before a decision
 *   (e.g. to submit again after the route changed).
 * - Every other end is final; a new submission opens a new request.
 */
export const approvalRequestMachine = defineStateMachine<ApprovalRequestStatus>('approval-request', {
  pending: ['approved', 'changes_requested', 'rejected', 'voided', 'withdrawn'],
  approved: ['voided'],
  changes_requested: [],
  rejected: [],
  voided: [],
  withdrawn: [],
});

export const APPROVAL_STEP_STATUSES = ['waiting', 'open', 'approved', 'skipped', 'changes_requested', 'rejected'] as const;
export type ApprovalStepStatus = (typeof APPROVAL_STEP_STATUSES)[number];

export const APPROVAL_STEP_STATUS_LABELS: { readonly [S in ApprovalStepStatus]: string } = {
  waiting: 'Noch nicht an der Reihe',
  open: 'Offen',
  approved: 'Freigegeben',
  skipped: 'Übersprungen',
  changes_requested: 'Änderungen erbeten',
  rejected: 'Abgelehnt',
};

export const APPROVAL_DECISION_KINDS = ['approve', 'request_changes', 'reject'] as const;
export type ApprovalDecisionKind = (typeof APPROVAL_DECISION_KINDS)[number];

/** Button texts. */
export const APPROVAL_DECISION_LABELS: { readonly [K in ApprovalDecisionKind]: string } = {
  approve: 'Freigeben',
  request_changes: 'Änderungen erbitten',
  reject: 'Ablehnen',
};

/** How a recorded decision reads in the Freigabeprotokoll. */
export const APPROVAL_DECISION_DONE_LABELS: { readonly [K in ApprovalDecisionKind]: string } = {
  approve: 'Freigegeben',
  request_changes: 'Änderungen erbeten',
  reject: 'Abgelehnt',
};

export interface ApprovalStepDecision {
  readonly userId: string;
  readonly kind: ApprovalDecisionKind;
  readonly at: Date;
  readonly comment: string | null;
  /** Decided as the step's deputy after the step became overdue. */
  readonly asDeputy: boolean;
  /** Decided by an author under `allowSelfApproval`; the caller writes an audit event. */
  readonly selfApproval: boolean;
}

export interface ApprovalStepProgress {
  readonly name: string;
  readonly mode: ApprovalMode;
  /** The people the step names, resolved at submission (role members or listed people). */
  readonly approverUserIds: readonly string[];
  readonly deputyUserId: string | null;
  readonly dueAt: Date;
  readonly status: ApprovalStepStatus;
  readonly decisions: readonly ApprovalStepDecision[];
}

export interface ApprovalRequestState {
  readonly routeId: string;
  readonly status: ApprovalRequestStatus;
  readonly contentHash: string;
  readonly authorUserId: string;
  readonly submittedByUserId: string;
  /** Everyone who changed the hashed content of this version. */
  readonly contentEditorUserIds: readonly string[];
  readonly submittedAt: Date;
  readonly plannedAt: Date | null;
  readonly steps: readonly ApprovalStepProgress[];
  readonly closedAt: Date | null;
  /** Why the request was voided (approvalContentChanges messages). */
  readonly voidReasons: readonly string[];
}

/** The organization setting that decides whether authors may approve their own posts. */
export interface ApprovalPolicy {
  readonly allowSelfApproval: boolean;
}

/**
 * The people four-eyes keeps away from every step of the request: the author, everyone
 * who edited the hashed content, and the person who submitted it (submitting vouches for
 * the content like writing it does).
 */
export function contentAuthors(state: Pick<ApprovalRequestState, 'authorUserId' | 'submittedByUserId' | 'contentEditorUserIds'>): Set<string> {
  return new Set([state.authorUserId, state.submittedByUserId, ...state.contentEditorUserIds]);
}

export interface OpenApprovalRequestInput {
  readonly route: ApprovalRoute;
  readonly contentHash: string;
  readonly authorUserId: string;
  readonly submittedByUserId: string;
  readonly submitterRole: OrganizationRole;
  readonly contentEditorUserIds: readonly string[];
  /** Members per role at submission; role steps take their people from here. */
  readonly membersByRole: Partial<Record<OrganizationRole, readonly string[]>>;
  readonly submittedAt: Date;
  readonly plannedAt: Date | null;
  readonly policy: ApprovalPolicy;
}

export type OpenApprovalRequestResult =
  | { readonly ok: true; readonly state: ApprovalRequestState }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Starts a request. Role steps are resolved to the members holding the role now; steps
 * skipped for the submitter's role are marked `skipped`. Refused, with German reasons,
 * when a step would have nobody allowed to decide it, when two steps need the same single
 * person, or when every step would be skipped (someone other than the authors must approve).
 */
export function openApprovalRequest(input: OpenApprovalRequestInput): OpenApprovalRequestResult {
  const authors = contentAuthors(input);
  const allowed = (userId: string) => input.policy.allowSelfApproval || !authors.has(userId);
  const problems: string[] = [];
  const steps: ApprovalStepProgress[] = input.route.steps.map((step, index) => {
    const named = step.approvers.kind === 'role' ? (input.membersByRole[step.approvers.role] ?? []) : step.approvers.userIds;
    const approverUserIds = [...new Set(named)].sort();
    const deputyUserId = step.deputyUserId ?? null;
    const skipped = (step.skipWhenSubmittedBy ?? []).includes(input.submitterRole);
    const label = `Schritt ${index + 1} „${step.name}“`;
    if (!skipped && !approverUserIds.some(allowed) && !(deputyUserId && allowed(deputyUserId))) {
      const why =
        approverUserIds.length === 0
          ? step.approvers.kind === 'role'
            ? `die Rolle „${ROLE_LABELS_DE[step.approvers.role]}“ hat keine Mitglieder`
            : 'es ist niemand benannt'
          : 'benannt sind nur Personen, die den Beitrag verfasst, bearbeitet oder eingereicht haben (Vier-Augen-Prinzip)';
      problems.push(`${label}: Niemand darf entscheiden – ${why}.`);
    }
    return {
      name: step.name,
      mode: step.mode,
      approverUserIds,
      deputyUserId,
      dueAt: dueAt(step, input.submittedAt, input.plannedAt),
      status: skipped ? 'skipped' : 'waiting',
      decisions: [],
    };
  });

  const active = steps.map((step, index) => ({ step, index })).filter(({ step }) => step.status !== 'skipped');
  if (active.length === 0 && steps.length > 0) {
    problems.push('Alle Schritte der Freigaberoute würden übersprungen; mindestens eine weitere Person muss freigeben.');
  }
  if (steps.length === 0) problems.push('Die Freigaberoute hat keine Schritte.');
  const people = active.map(({ step }) => ({ mode: step.mode, people: step.approverUserIds.filter(allowed) }));
  for (const [i, j] of stepConflicts(people)) {
    const [a, b] = [active[i], active[j]];
    if (a.step.deputyUserId || b.step.deputyUserId) continue;
    problems.push(
      `Schritt ${b.index + 1} „${b.step.name}“ kann nicht entschieden werden: Er braucht dieselbe Person wie Schritt ${a.index + 1}, und jede Person darf nur einen Schritt entscheiden.`,
    );
  }
  if (problems.length > 0) return { ok: false, problems };

  const first = active[0].index;
  return {
    ok: true,
    state: {
      routeId: input.route.id,
      status: 'pending',
      contentHash: input.contentHash,
      authorUserId: input.authorUserId,
      submittedByUserId: input.submittedByUserId,
      contentEditorUserIds: [...new Set(input.contentEditorUserIds)].sort(),
      submittedAt: input.submittedAt,
      plannedAt: input.plannedAt,
      steps: steps.map((step, index) => (index === first ? { ...step, status: 'open' } : step)),
      closedAt: null,
      voidReasons: [],
    },
  };
}

/** Index of the step waiting for decisions, or null when the request is not pending. */
export function currentStepIndex(state: ApprovalRequestState): number | null {
  if (state.status !== 'pending') return null;
  const index = state.steps.findIndex((step) => step.status === 'open');
  return index === -1 ? null : index;
}

/** The content changed: the request (or its approval) no longer holds. Throws from a final status. */
export function voidApprovalRequest(state: ApprovalRequestState, reasons: readonly string[], at: Date): ApprovalRequestState {
  approvalRequestMachine.assertTransition(state.status, 'voided');
  return { ...state, status: 'voided', closedAt: at, voidReasons: [...reasons] };
}

/** Taken back before a decision. Throws unless pending. */
export function withdrawApprovalRequest(state: ApprovalRequestState, at: Date): ApprovalRequestState {
  approvalRequestMachine.assertTransition(state.status, 'withdrawn');
  return { ...state, status: 'withdrawn', closedAt: at };
}

/**
 * Whether `contentHash` was approved through the whole route: the publisher's test
 * (DESIGN.md invariant 1). Every step approved or skipped, at least one approved.
 */
export function isApprovedFor(state: ApprovalRequestState, contentHash: string): boolean {
  return (
    state.status === 'approved' &&
    state.contentHash === contentHash &&
    state.steps.every((step) => step.status === 'approved' || step.status === 'skipped') &&
    state.steps.some((step) => step.status === 'approved')
  );
}

/** Whether a reminder job still has something to do when it fires. */
export function reminderApplies(state: ApprovalRequestState, stepIndex: number, kind: ReminderKind): boolean {
  if (currentStepIndex(state) !== stepIndex) return false;
  return kind !== 'escalate_deputy' || state.steps[stepIndex].deputyUserId !== null;
}
