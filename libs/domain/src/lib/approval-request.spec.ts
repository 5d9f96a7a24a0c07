import { type ApprovalRoute, type ApprovalStep, defaultApprovalRoute } from './approval-routes';
import {
  APPROVAL_DECISION_DONE_LABELS,
  APPROVAL_DECISION_KINDS,
  APPROVAL_DECISION_LABELS,
  APPROVAL_REQUEST_STATUS_LABELS,
  APPROVAL_REQUEST_STATUSES,
  APPROVAL_STEP_STATUS_LABELS,
  APPROVAL_STEP_STATUSES,
  approvalRequestMachine,
  type ApprovalRequestState,
  contentAuthors,
  currentStepIndex,
  isApprovedFor,
  openApprovalRequest,
  type OpenApprovalRequestInput,
  reminderApplies,
  voidApprovalRequest,
  withdrawApprovalRequest,
} from './approval-request';
import { TransitionError } from './state-machine';

const submittedAt = new Date('2026-05-04T08:00:00Z');
const plannedAt = new Date('2026-05-07T08:00:00Z');

const input = (over: Partial<OpenApprovalRequestInput> = {}): OpenApprovalRequestInput => ({
  route: defaultApprovalRoute('default'),
  contentHash: 'hash-1',
  authorUserId: 'u-fachbereich',
  submittedByUserId: 'u-fachbereich',
  submitterRole: 'contributor',
  contentEditorUserIds: ['u-fachbereich'],
  membersByRole: { editor: ['u-redaktion-2', 'u-redaktion'], approver: ['u-leitung'], admin: ['u-admin'] },
  submittedAt,
  plannedAt,
  policy: { allowSelfApproval: false },
  ...over,
});

function open(over: Partial<OpenApprovalRequestInput> = {}): ApprovalRequestState {
  const result = openApprovalRequest(input(over));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.state;
}

function problems(over: Partial<OpenApprovalRequestInput>): readonly string[] {
  const result = openApprovalRequest(input(over));
  return result.ok ? [] : result.problems;
}

const step = (over: Partial<ApprovalStep> = {}): ApprovalStep => ({
  name: 'Leitung',
  approvers: { kind: 'users', userIds: ['u-leitung'] },
  mode: 'any',
  due: { kind: 'after_submission', hours: 24 },
  ...over,
});
const routeOf = (...steps: ApprovalStep[]): ApprovalRoute => ({ id: 'r', name: 'R', priority: 1, isDefault: false, conditions: { tags: ['x'] }, steps });

describe('approval request lifecycle', () => {
  it('has German labels for every status, step status and decision', () => {
    expect(Object.keys(APPROVAL_REQUEST_STATUS_LABELS)).toEqual([...APPROVAL_REQUEST_STATUSES]);
    expect(Object.keys(APPROVAL_STEP_STATUS_LABELS)).toEqual([...APPROVAL_STEP_STATUSES]);
    expect(Object.keys(APPROVAL_DECISION_LABELS)).toEqual([...APPROVAL_DECISION_KINDS]);
    expect(Object.keys(APPROVAL_DECISION_DONE_LABELS)).toEqual([...APPROVAL_DECISION_KINDS]);
    expect(APPROVAL_REQUEST_STATUS_LABELS.withdrawn).toBe('Zurückgezogen');
    expect(APPROVAL_DECISION_LABELS.request_changes).toBe('Änderungen erbitten');
  });

  it('ends every request from pending, and voids an approval when the content changes', () => {
    expect(approvalRequestMachine.nextStates('pending')).toEqual(['approved', 'changes_requested', 'rejected', 'voided', 'withdrawn']);
    expect(approvalRequestMachine.nextStates('approved')).toEqual(['voided']);
    for (const status of ['changes_requested', 'rejected', 'voided', 'withdrawn'] as const) expect(approvalRequestMachine.isFinal(status)).toBe(true);
    expect(approvalRequestMachine.canTransition('approved', 'pending')).toBe(false);
  });
});

describe('openApprovalRequest', () => {
  it('resolves role steps to the members now, sorted and without duplicates', () => {
    const state = open({ membersByRole: { editor: ['b', 'a', 'b'], approver: ['u-leitung'] } });
    expect(state.steps.map((s) => s.approverUserIds)).toEqual([['a', 'b'], ['u-leitung']]);
    expect(state.steps.map((s) => s.status)).toEqual(['open', 'waiting']);
    expect(state).toMatchObject({ status: 'pending', contentHash: 'hash-1', routeId: 'default', closedAt: null, voidReasons: [] });
    expect(currentStepIndex(state)).toBe(0);
  });

  it('takes due times from the rules', () => {
    const state = open();
    expect(state.steps.map((s) => s.dueAt.toISOString())).toEqual(['2026-05-05T08:00:00.000Z', '2026-05-06T20:00:00.000Z']);
  });

  it('skips the Redaktion step of the seeded route when the Redaktion submits', () => {
    const state = open({ authorUserId: 'u-redaktion', submittedByUserId: 'u-redaktion', submitterRole: 'editor', contentEditorUserIds: [] });
    expect(state.steps.map((s) => s.status)).toEqual(['skipped', 'open']);
    expect(currentStepIndex(state)).toBe(1);
  });

  it('refuses a step nobody may decide, saying why', () => {
    expect(problems({ membersByRole: { editor: ['u-redaktion'] } })).toEqual([
      'Schritt 2 „Leitung“: Niemand darf entscheiden – die Rolle „Leitung (Freigabe)“ hat keine Mitglieder.',
    ]);
    expect(problems({ route: routeOf(step({ approvers: { kind: 'users', userIds: [] } })) })).toEqual([
      'Schritt 1 „Leitung“: Niemand darf entscheiden – es ist niemand benannt.',
    ]);
    expect(problems({ route: routeOf(step({ approvers: { kind: 'users', userIds: ['u-fachbereich'] } })) })).toEqual([
      'Schritt 1 „Leitung“: Niemand darf entscheiden – benannt sind nur Personen, die den Beitrag verfasst, bearbeitet oder eingereicht haben (Vier-Augen-Prinzip).',
    ]);
  });

  it('counts submitter and content editors as authors', () => {
    const only = (id: string) => routeOf(step({ approvers: { kind: 'users', userIds: [id] } }));
    expect(problems({ route: only('u-editor'), contentEditorUserIds: ['u-fachbereich', 'u-editor'] })).toHaveLength(1);
    expect(problems({ route: only('u-submitter'), submittedByUserId: 'u-submitter' })).toHaveLength(1);
    expect(contentAuthors({ authorUserId: 'a', submittedByUserId: 's', contentEditorUserIds: ['e', 'a'] })).toEqual(new Set(['a', 's', 'e']));
  });

  it('accepts an author-only step under self-approval, or with a deputy who is no author', () => {
    const authorOnly = routeOf(step({ approvers: { kind: 'users', userIds: ['u-fachbereich'] } }));
    expect(problems({ route: authorOnly, policy: { allowSelfApproval: true } })).toEqual([]);
    const withDeputy = routeOf(step({ approvers: { kind: 'users', userIds: ['u-fachbereich'] }, deputyUserId: 'u-vertretung' }));
    expect(problems({ route: withDeputy })).toEqual([]);
    const authorDeputy = routeOf(step({ approvers: { kind: 'users', userIds: [] }, deputyUserId: 'u-fachbereich' }));
    expect(problems({ route: authorDeputy })).toHaveLength(1);
  });

  it('refuses when every step would be skipped, or there are none', () => {
    const route = routeOf(step({ skipWhenSubmittedBy: ['editor'] }));
    expect(problems({ route, submitterRole: 'editor' })).toEqual([
      'Alle Schritte der Freigaberoute würden übersprungen; mindestens eine weitere Person muss freigeben.',
    ]);
    expect(problems({ route: routeOf() })).toEqual(['Die Freigaberoute hat keine Schritte.']);
  });

  it('refuses steps that need the same single person after resolving roles, unless a deputy can help', () => {
    const twice = routeOf(step({ name: 'Amtsleitung', approvers: { kind: 'role', role: 'approver' } }), step({ name: 'Dezernat' }));
    expect(problems({ route: twice })).toEqual([
      'Schritt 2 „Dezernat“ kann nicht entschieden werden: Er braucht dieselbe Person wie Schritt 1, und jede Person darf nur einen Schritt entscheiden.',
    ]);
    expect(problems({ route: routeOf(twice.steps[0], step({ name: 'Dezernat', deputyUserId: 'u-dezernat-vertretung' })) })).toEqual([]);
    expect(problems({ route: twice, membersByRole: { approver: ['u-leitung', 'u-leitung-2'] } })).toEqual([]);
  });

  it('leaves authors out when looking for such conflicts', () => {
    const route = routeOf(step({ approvers: { kind: 'users', userIds: ['u-fachbereich', 'a'] } }), step({ approvers: { kind: 'users', userIds: ['a'] } }));
    expect(problems({ route })).toHaveLength(1);
    expect(problems({ route, policy: { allowSelfApproval: true } })).toEqual([]);
  });
});

describe('void, withdraw and the publisher test', () => {
  const approved: ApprovalRequestState = (() => {
    const state = open();
    return {
      ...state,
      status: 'approved',
      closedAt: plannedAt,
      steps: state.steps.map((s) => ({ ...s, status: 'approved' as const })),
    };
  })();

  it('voids a pending request and an approval, recording why', () => {
    const voided = voidApprovalRequest(open(), ['Text für Kanal Mastodon geändert'], plannedAt);
    expect(voided).toMatchObject({ status: 'voided', closedAt: plannedAt, voidReasons: ['Text für Kanal Mastodon geändert'] });
    expect(voidApprovalRequest(approved, ['Zeitpunkt geändert'], plannedAt).status).toBe('voided');
    expect(() => voidApprovalRequest(voided, [], plannedAt)).toThrow(TransitionError);
  });

  it('withdraws only a pending request', () => {
    expect(withdrawApprovalRequest(open(), plannedAt)).toMatchObject({ status: 'withdrawn', closedAt: plannedAt });
    expect(() => withdrawApprovalRequest(approved, plannedAt)).toThrow(TransitionError);
  });

  it('lets the publisher through only for the approved hash with every step done', () => {
    expect(isApprovedFor(approved, 'hash-1')).toBe(true);
    expect(isApprovedFor(approved, 'hash-2')).toBe(false);
    expect(isApprovedFor(open(), 'hash-1')).toBe(false);
    expect(isApprovedFor({ ...approved, steps: [{ ...approved.steps[0], status: 'skipped' }, approved.steps[1]] }, 'hash-1')).toBe(true);
    expect(isApprovedFor({ ...approved, steps: [approved.steps[0], { ...approved.steps[1], status: 'open' }] }, 'hash-1')).toBe(false);
    expect(isApprovedFor({ ...approved, steps: approved.steps.map((s) => ({ ...s, status: 'skipped' as const })) }, 'hash-1')).toBe(false);
    expect(isApprovedFor(voidApprovalRequest(approved, [], plannedAt), 'hash-1')).toBe(false);
  });

  it('tells a reminder job whether it still applies', () => {
    const state = open({ route: routeOf(step({ deputyUserId: 'd' }), step({ name: 'Zwei', approvers: { kind: 'users', userIds: ['x'] } })) });
    expect(reminderApplies(state, 0, 'remind')).toBe(true);
    expect(reminderApplies(state, 0, 'escalate_deputy')).toBe(true);
    expect(reminderApplies(state, 1, 'remind')).toBe(false);
    const noDeputy = open({ route: routeOf(step()) });
    expect(reminderApplies(noDeputy, 0, 'escalate_deputy')).toBe(false);
    expect(reminderApplies(noDeputy, 0, 'escalate_admin')).toBe(true);
    expect(reminderApplies(voidApprovalRequest(state, [], plannedAt), 0, 'remind')).toBe(false);
    expect(currentStepIndex(approved)).toBeNull();
  });
});
