import { PLANNING_HORIZON_DAYS, planningGaps } from './planning-gaps';

describe('planningGaps', () => {
  it('looks four weeks ahead by default and counts posts per day', () => {
    const result = planningGaps({ from: '2026-10-26', plannedDates: ['2026-10-27', '2026-10-27', '2026-11-02'] });
    expect(result.perDay).toHaveLength(PLANNING_HORIZON_DAYS);
    expect(result.perDay[0]).toEqual({ date: '2026-10-26', count: 0, isWeekend: false, isHoliday: false });
    expect(result.perDay[1].count).toBe(2);
    expect(result.perDay[27].date).toBe('2026-11-22');
    expect(result.gaps).toHaveLength(26);
    expect(result.gaps).not.toContain('2026-10-27');
  });

  it('does not call weekends and holidays gaps when the office skips them', () => {
    const input = { from: '2026-10-30', days: 5, plannedDates: ['2026-11-03'], holidays: ['2026-11-02'] };
    expect(planningGaps(input).gaps).toEqual(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02']);
    expect(planningGaps({ ...input, skipWeekends: true }).gaps).toEqual(['2026-10-30']);
    expect(planningGaps({ ...input, skipWeekends: true, skipHolidays: false }).gaps).toEqual(['2026-10-30', '2026-11-02']);
    expect(planningGaps({ ...input, skipHolidays: true }).gaps).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
  });

  it('marks weekends and holidays even when planned', () => {
    const { perDay, gaps } = planningGaps({ from: '2026-12-24', days: 3, plannedDates: ['2026-12-26'], holidays: ['2026-12-25', '2026-12-26'] });
    expect(perDay.map((d) => [d.date, d.count, d.isWeekend, d.isHoliday])).toEqual([
      ['2026-12-24', 0, false, false],
      ['2026-12-25', 0, false, true],
      ['2026-12-26', 1, true, true],
    ]);
    expect(gaps).toEqual(['2026-12-24', '2026-12-25']);
  });

  it('ignores planned dates outside the window but refuses malformed ones', () => {
    expect(planningGaps({ from: '2026-01-01', days: 1, plannedDates: ['2025-12-31'] }).gaps).toEqual(['2026-01-01']);
    expect(() => planningGaps({ from: '2026-01-01', plannedDates: ['2026-01-01T10:00:00Z'] })).toThrow(RangeError);
    expect(() => planningGaps({ from: '01.01.2026', plannedDates: [] })).toThrow(RangeError);
    expect(() => planningGaps({ from: '2026-01-01', days: 0, plannedDates: [] })).toThrow(RangeError);
  });
});
