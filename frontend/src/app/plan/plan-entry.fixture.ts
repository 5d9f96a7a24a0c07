import type { PlanEntryView } from '@amtsplan/contracts';

/** A plan entry for specs: a draft on one channel with a topic, planned for a time; override what a spec is about. */
export function planEntry(overrides: Partial<PlanEntryView> = {}): PlanEntryView {
  return {
    id: 'p1',
    workingTitle: 'Tag der offenen Tür',
    planning: { kind: 'time', at: '2026-11-24T09:00:00.000Z' },
    status: 'draft',
    channelIds: ['c1'],
    topicId: 't1',
    seriesId: null,
    responsibleUserId: null,
    authorUserId: 'u1',
    findingSeverity: null,
    version: 3,
    ...overrides,
  };
}
