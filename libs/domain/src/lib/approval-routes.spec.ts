import {
  APPROVAL_MODE_LABELS,
  APPROVAL_MODES,
  type ApprovalRoute,
  chooseRoute,
  defaultApprovalRoute,
  describeDueRule,
  matchedConditions,
  normalizeTag,
  type PostRouteFacts,
  ROUTE_CONDITION_KINDS,
  ROUTE_CONDITION_LABELS,
  routeConditionKinds,
  stepConflicts,
} from './approval-routes';

const leitung = defaultApprovalRoute('default').steps[1];

function route(id: string, priority: number, conditions: ApprovalRoute['conditions'], isDefault = false): ApprovalRoute {
  return { id, name: id, priority, isDefault, conditions, steps: [leitung] };
}

const facts = (over: Partial<PostRouteFacts> = {}): PostRouteFacts => ({
  channelIds: ['ch-mastodon'],
  sensitiveTopic: false,
  tags: [],
  inElectionBlackout: false,
  ...over,
});

const fallback = route('default', 0, {}, true);
const crisis = route('crisis', 10, { tags: ['Krisenkommunikation'] });
const jobs = route('jobs', 20, { tags: ['Stellenanzeige'], channelIds: ['ch-linkedin'] });
const sensitive = route('sensitive', 10, { sensitiveTopic: true, tags: ['Krisenkommunikation'] });
const election = route('election', 5, { electionBlackout: true });
const instagram = route('instagram', 30, { channelIds: ['ch-instagram', 'ch-facebook'] });
const all = [fallback, crisis, jobs, sensitive, election, instagram];

describe('matchedConditions', () => {
  it('needs every set condition (and), one entry of a list (or)', () => {
    expect(matchedConditions(jobs, facts({ tags: ['Stellenanzeige'], channelIds: ['ch-linkedin', 'ch-x'] }))).toEqual(['channel', 'tag']);
    expect(matchedConditions(jobs, facts({ tags: ['Stellenanzeige'] }))).toBeNull();
    expect(matchedConditions(jobs, facts({ channelIds: ['ch-linkedin'] }))).toBeNull();
    expect(matchedConditions(instagram, facts({ channelIds: ['ch-facebook'] }))).toEqual(['channel']);
  });

  it('compares tags without case, surrounding spaces or normalisation form', () => {
    expect(matchedConditions(crisis, facts({ tags: ['  krisenKOMMUNIKATION '] }))).toEqual(['tag']);
    const nfd = 'Bürgerbeteiligung'.normalize('NFD');
    expect(matchedConditions(route('r', 1, { tags: [nfd] }), facts({ tags: ['bürgerbeteiligung'] }))).toEqual(['tag']);
    expect(normalizeTag(' Ä ')).toBe('ä');
  });

  it('treats false flags as no condition, and a route without conditions as matching all', () => {
    const r = route('r', 1, { sensitiveTopic: false, electionBlackout: false, tags: [], channelIds: [] });
    expect(routeConditionKinds(r.conditions)).toEqual([]);
    expect(matchedConditions(r, facts())).toEqual([]);
    expect(matchedConditions(election, facts())).toBeNull();
    expect(matchedConditions(election, facts({ inElectionBlackout: true }))).toEqual(['electionBlackout']);
    expect(matchedConditions(sensitive, facts({ sensitiveTopic: true }))).toBeNull();
  });
});

describe('chooseRoute', () => {
  it('falls back to the default route when nothing else matches', () => {
    expect(chooseRoute(all, facts())?.id).toBe('default');
  });

  it('takes the lowest priority among matching routes', () => {
    const post = facts({ tags: ['Krisenkommunikation'], inElectionBlackout: true });
    expect(chooseRoute(all, post)?.id).toBe('election');
  });

  it('prefers the more specific route on equal priority', () => {
    const post = facts({ tags: ['Krisenkommunikation'], sensitiveTopic: true });
    expect(chooseRoute(all, post)?.id).toBe('sensitive');
    expect(chooseRoute(all, facts({ tags: ['Krisenkommunikation'] }))?.id).toBe('crisis');
  });

  it('breaks remaining ties by id, whatever the input order', () => {
    const a = route('b-route', 7, { tags: ['x'] });
    const b = route('a-route', 7, { tags: ['X'] });
    expect(chooseRoute([a, b, fallback], facts({ tags: ['x'] }))?.id).toBe('a-route');
    expect(chooseRoute([fallback, b, a], facts({ tags: ['x'] }))?.id).toBe('a-route');
  });

  it('gives the same answer for every order of the routes', () => {
    const post = facts({ tags: ['Krisenkommunikation', 'Stellenanzeige'], channelIds: ['ch-linkedin'], sensitiveTopic: true });
    const expected = chooseRoute(all, post)?.id;
    for (let shift = 0; shift < all.length; shift++) {
      const rotated = [...all.slice(shift), ...all.slice(0, shift)];
      expect(chooseRoute(rotated, post)?.id).toBe(expected);
      expect(chooseRoute([...rotated].reverse(), post)?.id).toBe(expected);
    }
  });

  it('never picks a non-default route without conditions, and the default only as fallback', () => {
    const catchAll = route('catch-all', 0, {});
    expect(chooseRoute([catchAll, fallback], facts())?.id).toBe('default');
    const conditionedDefault = route('default', 0, { tags: ['nie'] }, true);
    expect(chooseRoute([conditionedDefault], facts())?.id).toBe('default');
  });

  it('returns null without a matching route and without a default', () => {
    expect(chooseRoute([crisis], facts())).toBeNull();
    expect(chooseRoute([], facts())).toBeNull();
  });

  it('chooses among several defaults deterministically', () => {
    const d2 = route('another-default', 0, {}, true);
    expect(chooseRoute([fallback, d2], facts())?.id).toBe('another-default');
  });
});

describe('defaultApprovalRoute', () => {
  it('is "Redaktion → Leitung" with the Redaktion step skipped for its own submissions', () => {
    const r = defaultApprovalRoute('r1');
    expect(r).toMatchObject({ id: 'r1', name: 'Redaktion → Leitung', isDefault: true, conditions: {} });
    expect(r.steps.map((s) => [s.name, s.approvers, s.mode])).toEqual([
      ['Redaktion', { kind: 'role', role: 'editor' }, 'any'],
      ['Leitung', { kind: 'role', role: 'approver' }, 'any'],
    ]);
    expect(r.steps[0].skipWhenSubmittedBy).toEqual(['editor', 'admin']);
    expect(r.steps[1].skipWhenSubmittedBy).toBeUndefined();
    expect(r.steps[1].due).toEqual({ kind: 'before_planned', hours: 12 });
  });

  it('returns a fresh object each time', () => {
    expect(defaultApprovalRoute('a')).not.toBe(defaultApprovalRoute('a'));
    expect(defaultApprovalRoute('a').steps).not.toBe(defaultApprovalRoute('a').steps);
  });
});

describe('labels and descriptions', () => {
  it('has German labels for modes and conditions', () => {
    expect(Object.keys(APPROVAL_MODE_LABELS)).toEqual([...APPROVAL_MODES]);
    expect(Object.keys(ROUTE_CONDITION_LABELS)).toEqual([...ROUTE_CONDITION_KINDS]);
    expect(ROUTE_CONDITION_LABELS.electionBlackout).toBe('Vorwahlzeit');
  });

  it('describes due rules', () => {
    expect(describeDueRule({ kind: 'after_submission', hours: 24 })).toBe('24 Stunden nach Einreichung');
    expect(describeDueRule({ kind: 'before_planned', hours: 1 })).toBe('1 Stunde vor dem geplanten Zeitpunkt');
  });
});

describe('stepConflicts', () => {
  it('finds two all-steps sharing a person', () => {
    expect(stepConflicts([{ mode: 'all', people: ['a', 'b'] }, { mode: 'all', people: ['b', 'c'] }])).toEqual([[0, 1]]);
  });

  it('finds an any-step whose people are all needed by an all-step, in either order', () => {
    expect(stepConflicts([{ mode: 'any', people: ['a'] }, { mode: 'all', people: ['a', 'b'] }])).toEqual([[0, 1]]);
    expect(stepConflicts([{ mode: 'all', people: ['a', 'b'] }, { mode: 'any', people: ['b', 'a'] }])).toEqual([[0, 1]]);
  });

  it('finds two steps with the same single person', () => {
    expect(stepConflicts([{ mode: 'any', people: ['a'] }, { mode: 'any', people: ['x'] }, { mode: 'any', people: ['a'] }])).toEqual([[0, 2]]);
  });

  it('accepts steps that distinct people can decide', () => {
    expect(stepConflicts([{ mode: 'any', people: ['a', 'b'] }, { mode: 'any', people: ['a', 'b'] }])).toEqual([]);
    expect(stepConflicts([{ mode: 'any', people: ['a', 'c'] }, { mode: 'all', people: ['a', 'b'] }])).toEqual([]);
    expect(stepConflicts([{ mode: 'all', people: [] }, { mode: 'any', people: [] }])).toEqual([]);
  });
});
