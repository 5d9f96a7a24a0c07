import type { PlanEntryView, PostView } from '@amtsplan/contracts';
import type { PostFields } from './post-fields';
import { changesBetween, fieldsOfPost, fieldsSeenInEntry, planningDraftOf, planningOf } from './post-fields';
import { compareWithStored, reapplyMine } from './stale-comparison';
import { planEntry } from '../plan-entry.fixture';

const base: PostFields = {
  workingTitle: 'Sperrmüll',
  text: 'Termine im Dezember',
  variants: [{ channelId: 'c1', text: null }],
  planning: { kind: 'day', date: '2026-12-01' },
  topicId: null,
  tags: [],
  responsibleUserId: null,
  checklist: [{ label: 'Bildrechte geklärt', done: false }],
  seriesId: null,
};

describe('stale version comparison', () => {
  const mine: PostFields = { ...base, text: 'Termine im Dezember und Januar', tags: ['abfall'] };
  const stored: PostFields = { ...base, workingTitle: 'Sperrmüll-Termine', tags: ['müll'] };

  it('lists the fields where mine and the stored post differ, with who changed them', () => {
    const rows = compareWithStored(base, mine, stored);

    expect(rows.map((row) => [row.field, row.changedByMe, row.changedByOthers])).toEqual([
      ['workingTitle', false, true],
      ['text', true, false],
      ['tags', true, true],
    ]);
    expect(rows[1]).toMatchObject({ mine: 'Termine im Dezember und Januar', stored: 'Termine im Dezember' });
  });

  it('re-applies only my changes onto the stored version', () => {
    expect(reapplyMine(base, mine, stored, 7)).toEqual({ version: 7, text: 'Termine im Dezember und Januar', tags: ['abfall'] });
  });

  it('sends nothing but the version when the other person made the same change', () => {
    expect(reapplyMine(base, mine, mine, 8)).toEqual({ version: 8 });
  });
});

describe('post fields', () => {
  it('sends only changed fields with the version read', () => {
    expect(changesBetween(base, { ...base, topicId: 't1' }, 4)).toEqual({ version: 4, topicId: 't1' });
  });

  it('treats the same instant written with another offset as unchanged', () => {
    const saved = { ...base, planning: { kind: 'time' as const, at: '2026-12-01T09:00:00.000Z' } };
    const edited = { ...base, planning: { kind: 'time' as const, at: '2026-12-01T10:00:00+01:00' } };
    expect(changesBetween(saved, edited, 2)).toEqual({ version: 2 });
  });

  it('edits a time as date and wall-clock time in the authority zone', () => {
    const draft = planningDraftOf({ kind: 'time', at: '2026-12-01T09:00:00.000Z' }, 'Europe/Berlin');
    expect(draft).toEqual({ kind: 'time', date: '2026-12-01', time: '10:00' });
    expect(planningOf({ ...draft, time: '11:15' }, 'Europe/Berlin')).toEqual({ kind: 'time', at: '2026-12-01T10:15:00.000Z' });
    expect(planningOf({ kind: 'time', date: '2026-12-01', time: '' }, 'Europe/Berlin')).toBeNull();
    expect(planningOf({ kind: 'unplanned', date: '2026-12-01', time: '' }, 'Europe/Berlin')).toEqual({ kind: 'unplanned' });
  });
});

describe('a re-plan from the calendar after someone saved first', () => {
  const entry: PlanEntryView = planEntry({ workingTitle: 'Sperrmüll', planning: { kind: 'day', date: '2026-12-01' }, topicId: null });
  const stored = {
    id: 'p1',
    workingTitle: 'Sperrmüll-Termine',
    text: 'Neu formuliert',
    variants: [
      { channelId: 'c1', text: 'Eigener Text' },
      { channelId: 'c2', text: null },
    ],
    planning: { kind: 'day', date: '2026-12-01' },
    topicId: 't1',
    tags: ['müll'],
    responsibleUserId: null,
    checklist: [],
    seriesId: null,
    version: 4,
  } as unknown as PostView;

  it('compares with what the entry showed: the other person changed title, channels and topic, I the day', () => {
    const seen = fieldsSeenInEntry(entry, stored);
    const mine = { ...seen, planning: { kind: 'day' as const, date: '2026-12-03' } };
    const rows = compareWithStored(seen, mine, fieldsOfPost(stored));

    expect(rows.map((row) => [row.field, row.changedByMe, row.changedByOthers])).toEqual([
      ['workingTitle', false, true],
      ['variants', false, true],
      ['planning', true, false],
      ['topicId', false, true],
    ]);
    expect(reapplyMine(seen, mine, fieldsOfPost(stored), 4)).toEqual({ version: 4, planning: { kind: 'day', date: '2026-12-03' } });
  });

  it('takes what an entry does not carry as stored, so it never counts as my change', () => {
    const seen = fieldsSeenInEntry(entry, stored);
    expect(seen).toMatchObject({ text: 'Neu formuliert', tags: ['müll'], variants: [{ channelId: 'c1', text: 'Eigener Text' }] });
  });
});
