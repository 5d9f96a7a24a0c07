import { decide, defaultApprovalRoute, openApprovalRequest } from '@amtsplan/domain';
import type { ApprovalDecisionEntity } from './approval-decision.entity';
import type { ApprovalRequestEntity } from './approval-request.entity';
import { requestState, storedSteps } from './approval-state';

describe('stored approval requests', () => {
  const submittedAt = new Date('2026-05-04T08:00:00Z');
  const opened = openApprovalRequest({
    route: defaultApprovalRoute('route-1'),
    contentHash: 'h'.repeat(64),
    authorUserId: 'fachbereich',
    submittedByUserId: 'fachbereich',
    submitterRole: 'contributor',
    contentEditorUserIds: ['fachbereich'],
    membersByRole: { editor: ['redaktion'], approver: ['leitung'] },
    submittedAt,
    plannedAt: new Date('2026-05-08T10:00:00Z'),
    policy: { allowSelfApproval: false },
  });
  if (!opened.ok) throw new Error(opened.problems.join('; '));

  const entity = (state = opened.state): ApprovalRequestEntity =>
    ({
      id: 'request-1',
      routeSnapshot: defaultApprovalRoute('route-1'),
      status: state.status,
      contentHash: state.contentHash,
      authorUserId: state.authorUserId,
      submittedByUserId: state.submittedByUserId,
      contentEditorUserIds: [...state.contentEditorUserIds],
      submittedAt: state.submittedAt,
      plannedAt: state.plannedAt,
      steps: storedSteps(state.steps),
      closedAt: state.closedAt,
      voidReasons: [],
    }) as unknown as ApprovalRequestEntity;

  const row = (stepIndex: number, userId: string, decidedAt: string): ApprovalDecisionEntity =>
    ({ stepIndex, userId, kind: 'approve', comment: null, asDeputy: false, selfApproval: false, decidedAt: new Date(decidedAt) }) as ApprovalDecisionEntity;

  it('gives back the state it was stored from, with due times as instants', () => {
    expect(requestState(entity(), [])).toEqual(opened.state);
    expect(entity().steps.map((s) => s.dueAt)).toEqual(['2026-05-05T08:00:00.000Z', '2026-05-07T22:00:00.000Z']);
  });

  it('puts each stored decision into its step, oldest first, whatever order the rows come in', () => {
    const first = decide(opened.state, { kind: 'approve', stepIndex: 0, contentHash: opened.state.contentHash, at: new Date('2026-05-04T09:00:00Z') }, { userId: 'redaktion' }, { allowSelfApproval: false });
    if (!first.ok) throw new Error(first.reason);
    const state = requestState(entity(first.state), [row(1, 'leitung', '2026-05-04T11:00:00Z'), row(0, 'redaktion', '2026-05-04T09:00:00Z')]);
    expect(state.steps.map((s) => [s.status, s.decisions.map((d) => d.userId)])).toEqual([
      ['approved', ['redaktion']],
      ['open', ['leitung']],
    ]);
  });
});
