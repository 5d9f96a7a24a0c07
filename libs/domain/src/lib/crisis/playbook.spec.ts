import { canonicalPlaybookContent, playbookLevel, playbookReviewDue, playbookVersionMachine, playbookVersionStatusOf, validatePlaybook, type PlaybookContent } from './playbook';

const content: PlaybookContent = {
  name: 'Kritikwelle',
  scenario: 'Baustelle',
  contacts: [{ id: 'c1', name: 'Pressestelle', function: 'Pressesprecherin', phone: '0123', deputy: 'Herr B.', reachability: 'Mo–Fr', userId: null }],
  levels: [
    {
      level: 1,
      name: 'Leichte Brise',
      ownChannels: 'x',
      otherMedia: 'y',
      triggers: { negativePerHourOnOneChannel: 5, negativeShare: 0.3, channelsAffected: 1 },
      checklist: [{ id: 's1', title: 'Lage sichten', responsible: { kind: 'role', role: 'Redaktion' }, dueWithinMinutes: 30 }],
      contactIds: ['c1'],
      holdingStatementIds: [],
      dos: ['Sachlich bleiben'],
      donts: ['Nicht löschen'],
      stopRecommended: false,
    },
    {
      level: 3,
      name: 'Starker Wind',
      ownChannels: 'x',
      otherMedia: 'y',
      triggers: { negativePerHourOnOneChannel: 30, negativeShare: 0.5, channelsAffected: 2 },
      checklist: [],
      contactIds: [],
      holdingStatementIds: [],
      dos: [],
      donts: [],
      stopRecommended: true,
    },
  ],
};

describe('validatePlaybook', () => {
  it('accepts a complete playbook', () => {
    expect(validatePlaybook(content)).toEqual([]);
  });

  it('names every problem with its path', () => {
    const broken: PlaybookContent = {
      ...content,
      name: ' ',
      contacts: [...content.contacts, { ...content.contacts[0], name: '' }],
      levels: [
        { ...content.levels[0], contactIds: ['nobody'], checklist: [{ ...content.levels[0].checklist[0], dueWithinMinutes: 0 }] },
        { ...content.levels[1], level: 1, triggers: { negativePerHourOnOneChannel: -1, negativeShare: 2, channelsAffected: 0 } },
      ],
    };
    expect(validatePlaybook(broken).map((p) => p.path)).toEqual([
      'name',
      'contacts.1.id',
      'contacts.1.name',
      'levels.0.checklist.0.dueWithinMinutes',
      'levels.0.contactIds.0',
      'levels.1.level',
      'levels.1.triggers.negativePerHourOnOneChannel',
      'levels.1.triggers.negativeShare',
      'levels.1.triggers.channelsAffected',
    ]);
  });
});

describe('canonicalPlaybookContent', () => {
  it('does not depend on key order', () => {
    const reordered = JSON.parse(JSON.stringify({ levels: content.levels, contacts: content.contacts, scenario: content.scenario, name: content.name }));
    expect(canonicalPlaybookContent(reordered)).toBe(canonicalPlaybookContent(content));
    expect(canonicalPlaybookContent({ ...content, name: 'Anders' })).not.toBe(canonicalPlaybookContent(content));
  });
});

describe('playbookLevel', () => {
  it('uses the nearest lower level the playbook defines', () => {
    expect(playbookLevel(content, 2)?.level).toBe(1);
    expect(playbookLevel(content, 6)?.level).toBe(3);
    expect(playbookLevel(content, 0)).toBeNull();
  });
});

describe('playbook versions and reviews', () => {
  it('never changes a signed version', () => {
    expect(playbookVersionMachine.isFinal('approved')).toBe(true);
    expect(playbookVersionMachine.canTransition('in_approval', 'draft')).toBe(true);
  });

  it('follows its approval request: only an approved request signs a version off', () => {
    expect(playbookVersionStatusOf('pending')).toBe('in_approval');
    expect(playbookVersionStatusOf('approved')).toBe('approved');
    for (const status of ['changes_requested', 'rejected', 'withdrawn', 'voided'] as const) expect(playbookVersionStatusOf(status)).toBe('draft');
    expect(playbookVersionStatusOf(null)).toBe('draft');
  });

  it('is due for review on and after the date', () => {
    expect(playbookReviewDue('2026-12-07', '2026-12-07')).toBe(true);
    expect(playbookReviewDue('2026-12-08', '2026-12-07')).toBe(false);
    expect(playbookReviewDue(null, '2026-12-07')).toBe(false);
  });
});
