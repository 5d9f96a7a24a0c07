import type { PlanEntryView } from '@amtsplan/contracts';
import { planningDays } from './planning-days';

function planned(id: string, planning: PlanEntryView['planning']): PlanEntryView {
  return {
    id,
    workingTitle: id,
    planning,
    status: 'draft',
    channelIds: [],
    topicId: null,
    seriesId: null,
    responsibleUserId: null,
    authorUserId: 'u1',
    findingSeverity: null,
    version: 1,
  };
}

describe('planning days', () => {
  it('counts posts per local day, marks gaps, weekends and holidays, lists open slots', () => {
    const { days, gapCount } = planningDays({
      from: '2026-12-21',
      days: 7,
      entries: [
        planned('a', { kind: 'day', date: '2026-12-21' }),
        // 23:30 UTC on the 21st is already the 22nd in Berlin.
        planned('b', { kind: 'time', at: '2026-12-21T23:30:00.000Z' }),
        planned('c', { kind: 'unplanned' }),
      ],
      openSlots: [
        { seriesId: 's', at: '2026-12-23T09:00:00.000Z', postId: null },
        { seriesId: 's', at: '2026-12-24T09:00:00.000Z', postId: 'x' },
      ],
      holidays: [{ date: '2026-12-25', name: '1. Weihnachtstag' }],
      timeZone: 'Europe/Berlin',
    });

    expect(days.map((d) => [d.date, d.count, d.isGap])).toEqual([
      ['2026-12-21', 1, false],
      ['2026-12-22', 1, false],
      ['2026-12-23', 0, true],
      ['2026-12-24', 0, true],
      ['2026-12-25', 0, false],
      ['2026-12-26', 0, false],
      ['2026-12-27', 0, false],
    ]);
    expect(gapCount).toBe(2);
    expect(days[4].holiday).toBe('1. Weihnachtstag');
    expect(days[5].isWeekend).toBe(true);
    expect(days[2].openSlots).toHaveLength(1);
    expect(days[3].openSlots).toHaveLength(0);
  });
});
