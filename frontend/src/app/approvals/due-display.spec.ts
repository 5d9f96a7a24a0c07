import { dueUrgency } from './due-display';

describe('dueUrgency', () => {
  const now = new Date('2026-12-07T10:00:00Z');

  it('is overdue at and after the due time, or when the server says so', () => {
    expect(dueUrgency('2026-12-07T10:00:00Z', now)).toBe('overdue');
    expect(dueUrgency('2026-12-07T09:00:00Z', now)).toBe('overdue');
    expect(dueUrgency('2026-12-08T10:00:00Z', now, true)).toBe('overdue');
  });

  it('is soon within four hours and later after that', () => {
    expect(dueUrgency('2026-12-07T14:00:00Z', now)).toBe('soon');
    expect(dueUrgency('2026-12-07T14:00:01Z', now)).toBe('later');
  });
});
