import { daysAt, daysShown, mondayOnOrBefore, rangeInAnyZone, sameDays } from './shown-days';

describe('the days a view shows', () => {
  it('finds the Monday of a week', () => {
    expect(mondayOnOrBefore('2026-12-01')).toBe('2026-11-30');
    expect(mondayOnOrBefore('2026-11-30')).toBe('2026-11-30');
    expect(mondayOnOrBefore('2026-11-29')).toBe('2026-11-23');
  });

  it('shows a month as six weeks from the Monday on or before the 1st', () => {
    expect(daysShown('monat', '2026-12-17')).toEqual({ from: '2026-11-30', to: '2027-01-11' });
    // February 2027 starts on a Monday: its first week is its own.
    expect(daysShown('monat', '2027-02-01')).toEqual({ from: '2027-02-01', to: '2027-03-15' });
    expect(daysShown('monat', '2026-03-31')).toEqual({ from: '2026-02-23', to: '2026-04-06' });
  });

  it('shows a week from its Monday', () => {
    expect(daysShown('woche', '2026-12-31')).toEqual({ from: '2026-12-28', to: '2027-01-04' });
    expect(daysShown('woche', '2026-12-27')).toEqual({ from: '2026-12-21', to: '2026-12-28' });
  });

  it('lists the calendar month', () => {
    expect(daysShown('liste', '2026-12-17')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(daysShown('liste', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
  });

  it('plans four weeks from the given day', () => {
    expect(daysShown('planung', '2026-12-17')).toEqual({ from: '2026-12-17', to: '2027-01-14' });
  });

  it('starts from the day in the URL, or today, and plans always from today', () => {
    expect(daysAt({ view: 'woche', date: '2026-12-31' }, '2026-11-22')).toEqual({ from: '2026-12-28', to: '2027-01-04' });
    expect(daysAt({ view: 'monat', date: null }, '2026-11-22')).toEqual({ from: '2026-10-26', to: '2026-12-07' });
    expect(daysAt({ view: 'planung', date: '2026-12-31' }, '2026-11-22')).toEqual({ from: '2026-11-22', to: '2026-12-20' });
  });

  it('compares ranges by their days', () => {
    expect(sameDays({ from: '2026-11-30', to: '2027-01-11' }, daysShown('monat', '2026-12-01'))).toBe(true);
    expect(sameDays({ from: '2026-11-30', to: '2027-01-11' }, null)).toBe(false);
    expect(sameDays(null, null)).toBe(true);
  });

  it('asks for instants that hold the days in every zone', () => {
    const range = rangeInAnyZone({ from: '2026-11-30', to: '2027-01-11' });
    expect(range).toEqual({ from: '2026-11-29T10:00:00.000Z', to: '2027-01-11T12:00:00.000Z' });
    // Midnight at the start of the first day and at the end of the last, in Berlin and in Honolulu.
    for (const start of ['2026-11-29T23:00:00Z', '2026-11-30T10:00:00Z']) expect(Date.parse(range.from)).toBeLessThanOrEqual(Date.parse(start));
    for (const end of ['2027-01-10T23:00:00Z', '2027-01-11T10:00:00Z']) expect(Date.parse(range.to)).toBeGreaterThanOrEqual(Date.parse(end));
  });
});
