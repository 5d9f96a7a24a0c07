import type { ApprovalRequestState, ApprovalStepProgress } from './approval-request';
import { openStepReminders, stepOpenedAt } from './approval-reminders';

const submittedAt = new Date('2026-05-04T08:00:00Z');
const step = (overrides: Partial<ApprovalStepProgress>): ApprovalStepProgress => ({
  name: 'Schritt',
  mode: 'any',
  approverUserIds: ['a'],
  deputyUserId: null,
  dueAt: new Date('2026-05-05T08:00:00Z'),
  status: 'waiting',
  decisions: [],
  ...overrides,
});
const state = (steps: ApprovalStepProgress[], overrides: Partial<ApprovalRequestState> = {}): ApprovalRequestState => ({
  routeId: 'r',
  status: 'pending',
  contentHash: 'h',
  authorUserId: 'author',
  submittedByUserId: 'author',
  contentEditorUserIds: [],
  submittedAt,
  plannedAt: null,
  steps,
  closedAt: null,
  voidReasons: [],
  ...overrides,
});
const iso = (events: ReadonlyArray<{ kind: string; at: Date }>) => events.map((e) => [e.kind, e.at.toISOString()]);

describe('openStepReminders', () => {
  it('plans the first step from its stored due time: reminder 4 h before, deputy at due, admins 8 h later', () => {
    const reminders = openStepReminders(state([step({ status: 'open', deputyUserId: 'd' })]));
    expect(reminders?.stepIndex).toBe(0);
    expect(iso(reminders!.events)).toEqual([
      ['remind', '2026-05-05T04:00:00.000Z'],
      ['escalate_deputy', '2026-05-05T08:00:00.000Z'],
      ['escalate_admin', '2026-05-05T16:00:00.000Z'],
    ]);
  });

  it('escalates to the admins at the due time when the step has no deputy', () => {
    expect(iso(openStepReminders(state([step({ status: 'open' })]))!.events)).toEqual([
      ['remind', '2026-05-05T04:00:00.000Z'],
      ['escalate_admin', '2026-05-05T08:00:00.000Z'],
    ]);
  });

  it('leaves out a reminder that falls before a later step opened, but keeps its escalations', () => {
    const decidedAt = new Date('2026-05-05T06:00:00Z');
    const approved = step({ status: 'approved', decisions: [{ userId: 'x', kind: 'approve', at: decidedAt, comment: null, asDeputy: false, selfApproval: false }] });
    const requested = state([approved, step({ status: 'open' })]);
    expect(stepOpenedAt(requested, 1)).toEqual(decidedAt);
    expect(iso(openStepReminders(requested)!.events)).toEqual([['escalate_admin', '2026-05-05T08:00:00.000Z']]);
    expect(openStepReminders(requested)!.stepIndex).toBe(1);
  });

  it('has nothing to plan for a request that is decided, voided or withdrawn', () => {
    for (const status of ['approved', 'rejected', 'changes_requested', 'voided', 'withdrawn'] as const) {
      expect(openStepReminders(state([step({ status: 'approved' })], { status }))).toBeNull();
    }
  });
});
