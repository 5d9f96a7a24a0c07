import { type ApprovalRoute, type ApprovalStep, defaultApprovalRoute } from './approval-routes';
import { MAX_APPROVAL_STEPS, MAX_DUE_HOURS, validateApprovalRoute, validateApprovalRoutes } from './approval-route-validation';

const step = (over: Partial<ApprovalStep> = {}): ApprovalStep => ({
  name: 'Leitung',
  approvers: { kind: 'users', userIds: ['u-leitung'] },
  mode: 'any',
  deputyUserId: null,
  due: { kind: 'after_submission', hours: 24 },
  ...over,
});

const route = (over: Partial<ApprovalRoute> = {}): ApprovalRoute => ({
  id: 'r1',
  name: 'Krisenkommunikation',
  priority: 10,
  isDefault: false,
  conditions: { tags: ['Krisenkommunikation'] },
  steps: [step()],
  ...over,
});

const paths = (r: ApprovalRoute) => validateApprovalRoute(r).map((p) => p.path);
const messages = (r: ApprovalRoute) => validateApprovalRoute(r).map((p) => p.message);

describe('validateApprovalRoute', () => {
  it('accepts the seeded default route and a well-formed conditional route', () => {
    expect(validateApprovalRoute(defaultApprovalRoute('d'))).toEqual([]);
    expect(validateApprovalRoute(route())).toEqual([]);
  });

  it('needs a name and a valid priority', () => {
    expect(validateApprovalRoute(route({ name: '  ' }))).toEqual([{ path: 'name', message: 'Bitte einen Namen für die Freigaberoute angeben.' }]);
    expect(paths(route({ name: 'x'.repeat(101) }))).toEqual(['name']);
    expect(paths(route({ priority: 1.5 }))).toEqual(['priority']);
    expect(paths(route({ priority: -1 }))).toEqual(['priority']);
    expect(paths(route({ priority: 10_000 }))).toEqual(['priority']);
  });

  it('needs at least one and at most ten steps', () => {
    expect(validateApprovalRoute(route({ steps: [] }))).toEqual([{ path: 'steps', message: 'Eine Freigaberoute braucht mindestens einen Schritt.' }]);
    const many = Array.from({ length: MAX_APPROVAL_STEPS + 1 }, (_, i) => step({ approvers: { kind: 'users', userIds: [`u${i}`] } }));
    expect(messages(route({ steps: many }))).toEqual(['Höchstens 10 Schritte.']);
  });

  it('refuses unknown roles and modes', () => {
    const bad = step({ approvers: { kind: 'role', role: 'buergermeister' as never }, mode: 'some' as never });
    expect(validateApprovalRoute(route({ steps: [bad] }))).toEqual([
      { path: 'steps.0.mode', message: 'Bitte „eine Person genügt“ oder „alle“ wählen.' },
      { path: 'steps.0.approvers.role', message: 'Unbekannte Rolle: buergermeister.' },
    ]);
    expect(paths(route({ steps: [step({ approvers: undefined as never })] }))).toEqual(['steps.0.approvers']);
  });

  it('refuses steps that name nobody, with a message for "all"', () => {
    expect(messages(route({ steps: [step({ mode: 'all', approvers: { kind: 'users', userIds: [] } })] }))).toEqual([
      '„Alle müssen freigeben“ braucht mindestens eine benannte Person.',
    ]);
    expect(messages(route({ steps: [step({ approvers: { kind: 'users', userIds: [] } })] }))).toEqual(['Bitte mindestens eine Person benennen.']);
  });

  it('refuses empty and duplicate people', () => {
    expect(messages(route({ steps: [step({ approvers: { kind: 'users', userIds: ['a', ' '] } })] }))).toEqual(['Eine benannte Person ist leer.']);
    expect(messages(route({ steps: [step({ approvers: { kind: 'users', userIds: ['a', 'a'] } })] }))).toEqual(['Eine Person ist doppelt benannt.']);
  });

  it('refuses a deputy who is one of the approvers, or empty', () => {
    const bad = step({ approvers: { kind: 'users', userIds: ['a', 'b'] }, deputyUserId: 'b' });
    expect(validateApprovalRoute(route({ steps: [bad] }))).toEqual([
      { path: 'steps.0.deputyUserId', message: 'Die Vertretung darf nicht selbst zu den Freigebenden dieses Schritts gehören.' },
    ]);
    expect(paths(route({ steps: [step({ deputyUserId: '' })] }))).toEqual(['steps.0.deputyUserId']);
    expect(validateApprovalRoute(route({ steps: [step({ deputyUserId: 'c' })] }))).toEqual([]);
    const roleStep = step({ approvers: { kind: 'role', role: 'approver' }, deputyUserId: 'c' });
    expect(validateApprovalRoute(route({ steps: [roleStep] }))).toEqual([]);
  });

  it('refuses hours out of range and unknown due kinds', () => {
    for (const hours of [0, -1, 1.5, MAX_DUE_HOURS + 1, Number.NaN]) {
      expect(paths(route({ steps: [step({ due: { kind: 'before_planned', hours } })] }))).toEqual(['steps.0.due.hours']);
    }
    for (const hours of [1, MAX_DUE_HOURS]) {
      expect(validateApprovalRoute(route({ steps: [step({ due: { kind: 'before_planned', hours } })] }))).toEqual([]);
    }
    expect(paths(route({ steps: [step({ due: { kind: 'someday', hours: 3 } as never })] }))).toEqual(['steps.0.due.kind']);
  });

  it('refuses step names that are empty or too long', () => {
    expect(paths(route({ steps: [step({ name: '' })] }))).toEqual(['steps.0.name']);
    expect(paths(route({ steps: [step({ name: 'x'.repeat(61) })] }))).toEqual(['steps.0.name']);
  });

  it('refuses steps only the same person could decide', () => {
    const steps = [step({ approvers: { kind: 'users', userIds: ['a'] } }), step({ approvers: { kind: 'users', userIds: ['a'] } })];
    expect(validateApprovalRoute(route({ steps }))).toEqual([
      {
        path: 'steps.1.approvers',
        message: 'Schritt 2 und Schritt 1 brauchen dieselbe Person; jede Person darf nur einen Schritt einer Freigabe entscheiden.',
      },
    ]);
    const fine = [step({ approvers: { kind: 'users', userIds: ['a', 'b'] } }), step({ approvers: { kind: 'users', userIds: ['a', 'b'] } })];
    expect(validateApprovalRoute(route({ steps: fine }))).toEqual([]);
  });

  it('refuses skip rules with unknown roles or skipping every step', () => {
    expect(paths(route({ steps: [step(), step({ approvers: { kind: 'users', userIds: ['x'] }, skipWhenSubmittedBy: ['chef' as never] })] }))).toEqual([
      'steps.1.skipWhenSubmittedBy',
    ]);
    const skipped = route({ steps: [step({ skipWhenSubmittedBy: ['editor'] })] });
    expect(messages(skipped)).toEqual(['Reicht die Rolle „Redaktion“ ein, würden alle Schritte übersprungen; mindestens ein Schritt muss bleiben.']);
  });

  it('needs conditions on other routes and none on the default route', () => {
    expect(paths(route({ conditions: {} }))).toEqual(['conditions']);
    expect(paths(route({ conditions: { sensitiveTopic: false } }))).toEqual(['conditions']);
    expect(paths({ ...defaultApprovalRoute('d'), conditions: { electionBlackout: true } })).toEqual(['conditions']);
  });

  it('refuses empty, over-long and duplicate tags and channels', () => {
    expect(paths(route({ conditions: { tags: ['Krise', ' krise'] } }))).toEqual(['conditions.tags']);
    expect(paths(route({ conditions: { tags: [''] } }))).toEqual(['conditions.tags']);
    expect(paths(route({ conditions: { tags: ['x'.repeat(61)] } }))).toEqual(['conditions.tags']);
    expect(paths(route({ conditions: { channelIds: ['c1', 'c1'] } }))).toEqual(['conditions.channelIds']);
    expect(paths(route({ conditions: { channelIds: [''] } }))).toEqual(['conditions.channelIds']);
  });

  it('reports several problems at once', () => {
    const bad = route({ name: '', steps: [step({ name: '', due: { kind: 'after_submission', hours: 0 } })], conditions: {} });
    expect(paths(bad)).toEqual(['name', 'conditions', 'steps.0.name', 'steps.0.due.hours']);
  });
});

describe('validateApprovalRoutes', () => {
  const d = defaultApprovalRoute('d');
  it('needs exactly one default route', () => {
    expect(validateApprovalRoutes([d, route()])).toEqual([]);
    expect(validateApprovalRoutes([route()])).toEqual([{ path: '', message: 'Es muss eine Standardroute geben.' }]);
    expect(validateApprovalRoutes([d, { ...d, id: 'd2', name: 'Zweite' }])).toEqual([{ path: '', message: 'Es darf nur eine Standardroute geben.' }]);
  });

  it('refuses duplicate ids and names (ignoring case)', () => {
    expect(validateApprovalRoutes([d, route(), route({ id: 'r2', name: 'krisenkommunikation ' })])).toEqual([
      { path: '2.name', message: 'Der Name „krisenkommunikation“ ist bereits vergeben.' },
    ]);
    expect(validateApprovalRoutes([d, route(), route({ name: 'Andere' })]).map((p) => p.path)).toEqual(['2.id']);
  });
});
