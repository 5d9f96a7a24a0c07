import { addCalendarDays, calendarWeekday, isCalendarDate, isWeekend } from './calendar-date';

describe('calendar dates', () => {
  it('recognises real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-1')).toBe(false);
  });

  it('adds days across months, years and DST changes without drifting', () => {
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addCalendarDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('knows weekdays and weekends', () => {
    expect(calendarWeekday('2026-10-25')).toBe(0);
    expect(isWeekend('2026-10-24')).toBe(true);
    expect(isWeekend('2026-10-26')).toBe(false);
    expect(() => isWeekend('gestern')).toThrow(RangeError);
  });
});
