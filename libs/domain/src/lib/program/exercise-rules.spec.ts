import { EXERCISE_RULES, checkExercise, isExerciseRuleId } from './exercise-rules';
import { type ProgramSnapshot, type SnapshotPost, emptyProgramSnapshot } from './program-snapshot';

const NOW = '2027-03-01T09:00:00Z';
const TODAY = '2027-03-01';
const empty = emptyProgramSnapshot(NOW, TODAY);

function post(overrides: Partial<SnapshotPost>): SnapshotPost {
  return { status: 'draft', plannedAt: null, plannedDate: null, topicId: null, seriesId: null, publishedAt: null, ...overrides };
}

function snapshot(overrides: Partial<ProgramSnapshot>): ProgramSnapshot {
  return { ...empty, ...overrides };
}

describe('exercise rules', () => {
  describe('posts-planned-ahead (8 posts in 28 days over 2 topics)', () => {
    const params = { posts: 8, days: 28, topics: 2 };
    const planned = (count: number, topic = 't1', day = 2) =>
      Array.from({ length: count }, (_, i) => post({ plannedAt: `2027-03-${String(day + i).padStart(2, '0')}T08:00:00Z`, topicId: topic }));

    it('does not hold with nothing planned and says what is missing', () => {
      const check = checkExercise('posts-planned-ahead', params, empty);
      expect(check).toEqual({
        holds: false,
        done: 0,
        target: 8,
        summary: '0 von 8 Beiträgen geplant, 0 Themen',
        missing: ['Noch 8 Beiträge in den nächsten 28 Tagen planen.', 'Beiträge zu 2 Themen planen (bisher 0).'],
      });
    });

    it('counts progress ("5 von 8") and holds once 8 posts over 2 topics are planned', () => {
      const five = checkExercise('posts-planned-ahead', params, snapshot({ posts: planned(5) }));
      expect(five.summary).toBe('5 von 8 Beiträgen geplant, 1 Thema');
      expect(five.missing).toEqual(['Noch 3 Beiträge in den nächsten 28 Tagen planen.', 'Beiträge zu 2 Themen planen (bisher 1).']);
      const eight = checkExercise('posts-planned-ahead', params, snapshot({ posts: [...planned(5), ...planned(3, 't2', 10)] }));
      expect(eight).toMatchObject({ holds: true, done: 8, missing: [] });
    });

    it('needs the second topic even with enough posts', () => {
      const check = checkExercise('posts-planned-ahead', params, snapshot({ posts: planned(9) }));
      expect(check.holds).toBe(false);
      expect(check.done).toBe(8);
      expect(check.missing).toEqual(['Beiträge zu 2 Themen planen (bisher 1).']);
    });

    it('ignores ideas, archived posts, the past and what lies beyond 28 days; counts day-only planning', () => {
      const posts = [
        post({ status: 'idea', plannedAt: '2027-03-02T08:00:00Z', topicId: 't1' }),
        post({ status: 'archived', plannedAt: '2027-03-02T08:00:00Z', topicId: 't1' }),
        post({ plannedAt: '2027-02-28T08:00:00Z', topicId: 't1' }),
        post({ plannedAt: '2027-03-29T09:00:00Z', topicId: 't1' }),
        post({ plannedDate: '2027-03-29', topicId: 't1' }),
        post({ plannedDate: '2027-02-28', topicId: 't1' }),
        post({ plannedDate: '2027-03-28', topicId: 't2' }),
        post({ plannedAt: '2027-03-29T08:59:59Z', topicId: 't1' }),
      ];
      const check = checkExercise('posts-planned-ahead', params, snapshot({ posts }));
      expect(check.summary).toBe('2 von 8 Beiträgen geplant, 2 Themen');
    });
  });

  it('series-with-filled-slots needs a recurring series with enough filled slots', () => {
    expect(checkExercise('series-with-filled-slots', { slots: 2 }, empty).missing).toEqual(['Eine Serie mit Wiederholungsregel anlegen (Einstellungen → Serien).']);
    const one = snapshot({ series: [{ id: 's', hasRecurrence: true, filledSlots: 1 }, { id: 'x', hasRecurrence: false, filledSlots: 5 }] });
    expect(checkExercise('series-with-filled-slots', { slots: 2 }, one)).toMatchObject({ holds: false, done: 1, missing: ['Noch 1 Termin der Serie mit einem Beitrag füllen.'] });
    const two = snapshot({ series: [{ id: 's', hasRecurrence: true, filledSlots: 2 }] });
    expect(checkExercise('series-with-filled-slots', { slots: 2 }, two).holds).toBe(true);
  });

  it('approval-route-used needs a route with enough steps and a request through one', () => {
    const oneStep = snapshot({ approvalRoutes: [{ id: 'r', stepCount: 1 }], approvalRequests: [{ stepCount: 1, status: 'approved' }] });
    expect(checkExercise('approval-route-used', { steps: 2 }, oneStep)).toMatchObject({ holds: false, done: 0 });
    const unused = snapshot({ approvalRoutes: [{ id: 'r', stepCount: 2 }] });
    expect(checkExercise('approval-route-used', { steps: 2 }, unused)).toMatchObject({
      holds: false,
      done: 1,
      missing: ['Einen Beitrag über eine Route mit 2 Stufen zur Freigabe einreichen.'],
    });
    const used = snapshot({ approvalRoutes: [{ id: 'r', stepCount: 2 }], approvalRequests: [{ stepCount: 2, status: 'pending' }] });
    expect(checkExercise('approval-route-used', { steps: 2 }, used)).toMatchObject({ holds: true, done: 2, target: 2 });
  });

  it('text-blocks-approved counts only approved blocks and their categories', () => {
    const blocks = [
      ...['Abfall', 'Abfall', 'Öffnungszeiten', 'Öffnungszeiten'].map((category) => ({ approved: true, category })),
      { approved: false, category: 'Netiquette-Hinweis' },
    ];
    const four = checkExercise('text-blocks-approved', { blocks: 5, categories: 3 }, snapshot({ textBlocks: blocks }));
    expect(four.missing).toEqual(['Noch 1 Textbaustein freigeben lassen.', 'Freigegebene Textbausteine aus 3 Kategorien (bisher 2).']);
    const five = checkExercise('text-blocks-approved', { blocks: 5, categories: 3 }, snapshot({ textBlocks: [...blocks, { approved: true, category: 'Netiquette-Hinweis' }] }));
    expect(five.holds).toBe(true);
  });

  it('contributors-invited counts members and open invitations with the Fachbereich role', () => {
    const people = [
      { role: 'editor', pending: false },
      { role: 'contributor', pending: false },
      { role: 'contributor', pending: true },
    ];
    expect(checkExercise('contributors-invited', { colleagues: 3 }, snapshot({ people }))).toMatchObject({ holds: false, done: 2, summary: '2 von 3 Personen aus Fachbereichen eingeladen' });
    expect(checkExercise('contributors-invited', { colleagues: 3 }, snapshot({ people: [...people, { role: 'contributor', pending: true }] })).holds).toBe(true);
  });

  it('playbook-approved needs an approved playbook with enough contacts', () => {
    expect(checkExercise('playbook-approved', { contacts: 3 }, snapshot({ playbooks: [{ approved: false, contactCount: 5 }] })).holds).toBe(false);
    expect(checkExercise('playbook-approved', { contacts: 3 }, snapshot({ playbooks: [{ approved: true, contactCount: 2 }] })).missing).toEqual([
      'Die Kontaktliste des Playbooks auf 3 Einträge bringen (bisher 2).',
    ]);
    expect(checkExercise('playbook-approved', { contacts: 3 }, snapshot({ playbooks: [{ approved: true, contactCount: 3 }] })).holds).toBe(true);
  });

  it('posts-published counts posts that went out within the last days', () => {
    const posts = [
      post({ status: 'published', publishedAt: '2027-02-27T10:00:00Z' }),
      post({ status: 'published', publishedAt: '2027-01-01T10:00:00Z' }),
      post({ status: 'scheduled', plannedAt: '2027-03-02T10:00:00Z' }),
    ];
    expect(checkExercise('posts-published', { posts: 1, days: 28 }, snapshot({ posts })).holds).toBe(true);
    expect(checkExercise('posts-published', { posts: 2, days: 28 }, snapshot({ posts })).holds).toBe(false);
  });

  it('the simple counting rules hold exactly at their target', () => {
    const cases: [keyof typeof EXERCISE_RULES, Record<string, number>, Partial<ProgramSnapshot>, Partial<ProgramSnapshot>][] = [
      ['topics-defined', { topics: 2 }, { topics: [{ id: 'a' }] }, { topics: [{ id: 'a' }, { id: 'b' }] }],
      ['channels-active', { channels: 1 }, { channels: [{ active: false }] }, { channels: [{ active: true }] }],
      ['inbox-replies-from-text-blocks', { replies: 1 }, { inboxReplies: [{ fromTextBlock: false }] }, { inboxReplies: [{ fromTextBlock: true }] }],
      ['drills-reviewed', { drills: 1 }, { drills: [{ reviewed: false }] }, { drills: [{ reviewed: true }] }],
    ];
    for (const [rule, params, below, at] of cases) {
      expect({ rule, holds: checkExercise(rule, params, snapshot(below)).holds }).toEqual({ rule, holds: false });
      expect({ rule, holds: checkExercise(rule, params, snapshot(at)).holds }).toEqual({ rule, holds: true });
    }
  });

  it('knows its rule ids', () => {
    expect(isExerciseRuleId('posts-planned-ahead')).toBe(true);
    expect(isExerciseRuleId('toString')).toBe(false);
  });
});
