import type { ApprovalRouteView } from '@amtsplan/contracts';
import { NEW_STEP, createRouteRequest, fillRouteForm, routeForm, routeFormValue, updateRouteRequest } from './route-form';

const crisis: ApprovalRouteView = {
  id: 'r1',
  name: 'Krise',
  priority: 10,
  isDefault: false,
  conditions: { tags: ['krise'], sensitiveTopic: true },
  steps: [
    {
      name: 'Stab',
      approvers: { kind: 'users', userIds: ['u1', 'u2'] },
      mode: 'all',
      deputyUserId: 'u3',
      due: { kind: 'before_planned', hours: 2 },
      skipWhenSubmittedBy: ['admin'],
    },
  ],
  version: 4,
  createdAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-01T00:00:00Z',
};

describe('route form mapping', () => {
  it('round-trips a route through the form into an update bound to its version', () => {
    const form = routeForm();
    fillRouteForm(form, routeFormValue(crisis));
    expect(form.controls.steps.length).toBe(1);
    const request = updateRouteRequest(crisis, form.getRawValue());
    expect(request).toEqual({
      version: 4,
      name: 'Krise',
      priority: 10,
      conditions: { sensitiveTopic: true, tags: ['krise'] },
      steps: crisis.steps,
    });
  });

  it('leaves unset conditions out, splits tags and drops a leading #', () => {
    const request = createRouteRequest({
      name: '  Wahl ',
      priority: 5,
      conditions: { channelIds: [], sensitiveTopic: false, tags: '#Wahl, Bürgerentscheid, ,Wahl', electionBlackout: true },
      steps: [{ ...NEW_STEP, approverKind: 'role', role: 'approver', userIds: ['ignored'] }],
    });
    expect(request.name).toBe('Wahl');
    expect(request.conditions).toEqual({ tags: ['Wahl', 'Bürgerentscheid'], electionBlackout: true });
    expect(request.steps[0].approvers).toEqual({ kind: 'role', role: 'approver' });
    expect(request.steps[0].due).toEqual({ kind: 'after_submission', hours: 24 });
  });

  it('sends no conditions or priority for the default route', () => {
    const seeded = { ...crisis, isDefault: true, conditions: {} };
    const request = updateRouteRequest(seeded, { ...routeFormValue(seeded), conditions: { ...routeFormValue(seeded).conditions, tags: 'x' }, priority: 1 });
    expect(request).not.toHaveProperty('conditions');
    expect(request).not.toHaveProperty('priority');
  });

  it('empties the form to one new step for a new route', () => {
    const form = routeForm();
    fillRouteForm(form, routeFormValue(crisis));
    fillRouteForm(form, null);
    expect(form.getRawValue().name).toBe('');
    expect(form.getRawValue().steps).toEqual([{ ...NEW_STEP }]);
  });
});
