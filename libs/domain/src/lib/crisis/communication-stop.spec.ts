import { resolveLiftDecisions } from './communication-stop';

const NOW = new Date('2026-12-07T12:00:00Z');
const LATER = new Date('2026-12-07T15:00:00Z');

describe('resolveLiftDecisions', () => {
  it('applies the bulk decision to every post without its own', () => {
    const { resolved, problems } = resolveLiftDecisions(['a', 'b', 'c'], [{ postId: 'b', decision: 'replan', plannedAt: LATER }], { decision: 'leave_paused' }, NOW);
    expect(problems).toEqual([]);
    expect(resolved).toEqual([
      { postId: 'a', decision: 'leave_paused', plannedAt: null },
      { postId: 'b', decision: 'replan', plannedAt: LATER },
      { postId: 'c', decision: 'leave_paused', plannedAt: null },
    ]);
  });

  it('needs a decision for every paused post when there is no bulk decision', () => {
    const { problems } = resolveLiftDecisions(['a', 'b'], [{ postId: 'a', decision: 'publish_now' }], null, NOW);
    expect(problems).toEqual([{ path: 'decisions', message: 'Für jeden pausierten Beitrag ist eine Entscheidung nötig.' }]);
  });

  it('needs a future time to re-plan', () => {
    const { problems } = resolveLiftDecisions(['a', 'b'], [{ postId: 'a', decision: 'replan', plannedAt: NOW }], { decision: 'replan' }, NOW);
    expect(problems.map((p) => p.path)).toEqual(['decisions.0.plannedAt', 'bulk.plannedAt']);
  });

  it('refuses decisions for posts that are not paused and duplicates', () => {
    const { problems } = resolveLiftDecisions(
      ['a'],
      [
        { postId: 'a', decision: 'publish_now' },
        { postId: 'a', decision: 'leave_paused' },
        { postId: 'x', decision: 'publish_now' },
      ],
      null,
      NOW,
    );
    expect(problems.map((p) => p.path)).toEqual(['decisions.1.postId', 'decisions.2.postId']);
  });

  it('lifts with nothing to decide when no post was paused', () => {
    expect(resolveLiftDecisions([], [], null, NOW)).toEqual({ resolved: [], problems: [] });
  });
});
