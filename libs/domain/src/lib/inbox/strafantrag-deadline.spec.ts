import { daysUntilStrafantragDeadline, strafantragDeadline } from './strafantrag-deadline';

describe('Strafantrag deadline', () => {
  it('ends on the same day number three months later', () => {
    expect(strafantragDeadline('2026-03-15')).toBe('2026-06-15');
    expect(strafantragDeadline('2026-11-02')).toBe('2027-02-02');
  });

  it('ends on the last day of a shorter month', () => {
    expect(strafantragDeadline('2026-11-30')).toBe('2027-02-28');
    expect(strafantragDeadline('2027-11-30')).toBe('2028-02-29');
  });

  it('counts the days left', () => {
    expect(daysUntilStrafantragDeadline('2026-03-15', '2026-06-14')).toBe(1);
    expect(daysUntilStrafantragDeadline('2026-03-15', '2026-06-16')).toBe(-1);
  });

  it('refuses a non-date', () => {
    expect(() => strafantragDeadline('2026-02-30')).toThrow(RangeError);
  });
});
