import {
  ADMIN_ESCALATION_AFTER_HOURS,
  BEFORE_PLANNED_FALLBACK_HOURS,
  dueAt,
  planningDeadline,
  REMINDER_KIND_LABELS,
  REMINDER_KINDS,
  reminderJobId,
  reminderSchedule,
} from './approval-schedule';
import { utcToZonedLocal, zonedLocalToUtc } from './time-zone';

const BERLIN = 'Europe/Berlin';
const local = (wall: string) => zonedLocalToUtc(wall, BERLIN);
const wall = (instant: Date) => utcToZonedLocal(instant, BERLIN);
const H = 60 * 60 * 1000;
const after = (hours: number) => ({ due: { kind: 'after_submission' as const, hours } });
const before = (hours: number) => ({ due: { kind: 'before_planned' as const, hours } });

describe('dueAt', () => {
  const submitted = new Date('2026-05-04T08:00:00Z');

  it('counts hours after submission', () => {
    expect(dueAt(after(24), submitted, null).toISOString()).toBe('2026-05-05T08:00:00.000Z');
    expect(dueAt(after(24), submitted, new Date('2026-05-04T12:00:00Z')).toISOString()).toBe('2026-05-05T08:00:00.000Z');
  });

  it('counts hours back from the planned time', () => {
    expect(dueAt(before(12), submitted, new Date('2026-05-07T10:00:00Z')).toISOString()).toBe('2026-05-06T22:00:00.000Z');
  });

  it('falls back to a fixed time after submission for a post without planned time', () => {
    expect(BEFORE_PLANNED_FALLBACK_HOURS).toBe(48);
    expect(dueAt(before(12), submitted, null).toISOString()).toBe('2026-05-06T08:00:00.000Z');
    expect(dueAt(before(300), submitted, null).toISOString()).toBe('2026-05-06T08:00:00.000Z');
  });

  it('never lies before the submission (late submission: overdue at once)', () => {
    const planned = new Date('2026-05-04T14:00:00Z');
    expect(dueAt(before(12), submitted, planned)).toEqual(submitted);
    expect(dueAt(before(6), submitted, planned)).toEqual(submitted);
    expect(dueAt(before(5), submitted, planned).toISOString()).toBe('2026-05-04T09:00:00.000Z');
  });

  it('refuses invalid instants', () => {
    expect(() => dueAt(after(1), new Date('x'), null)).toThrow(RangeError);
    expect(() => dueAt(before(1), submitted, new Date('x'))).toThrow(RangeError);
  });

  describe('across the change of summer and winter time (absolute hours)', () => {
    it('autumn 2026-10-25: 12 h before 12:00 is 01:00 on the wall clock (11 wall hours)', () => {
      const planned = local('2026-10-25T12:00');
      const due = dueAt(before(12), local('2026-10-20T09:00'), planned);
      expect(planned.getTime() - due.getTime()).toBe(12 * H);
      expect(due.toISOString()).toBe('2026-10-24T23:00:00.000Z');
      expect(wall(due)).toBe('2026-10-25T01:00');
    });

    it('autumn 2026-10-25: 24 h after 12:00 on the day before is 11:00 on the wall clock', () => {
      const due = dueAt(after(24), local('2026-10-24T12:00'), null);
      expect(wall(due)).toBe('2026-10-25T11:00');
      expect(due.getTime() - local('2026-10-24T12:00').getTime()).toBe(24 * H);
    });

    it('spring 2027-03-28: 12 h before 12:00 is 23:00 the evening before (13 wall hours)', () => {
      const planned = local('2027-03-28T12:00');
      const due = dueAt(before(12), local('2027-03-20T09:00'), planned);
      expect(due.toISOString()).toBe('2027-03-27T22:00:00.000Z');
      expect(wall(due)).toBe('2027-03-27T23:00');
    });

    it('spring 2027-03-28: 24 h after 12:00 on the day before is 13:00 on the wall clock', () => {
      expect(wall(dueAt(after(24), local('2027-03-27T12:00'), null))).toBe('2027-03-28T13:00');
    });

    it('a rule spanning the night of the change: 3 h before 03:30 is 23:30 (spring) or 01:30 (autumn)', () => {
      // Spring: the hour 02:00–03:00 does not exist, so 3 real hours span 4 wall hours.
      expect(wall(dueAt(before(3), local('2027-03-20T09:00'), local('2027-03-28T03:30')))).toBe('2027-03-27T23:30');
      // Autumn: the hour 02:00–03:00 happens twice, so 3 real hours span 2 wall hours.
      expect(wall(dueAt(before(3), local('2026-10-20T09:00'), local('2026-10-25T03:30')))).toBe('2026-10-25T01:30');
    });
  });
});

describe('planningDeadline', () => {
  it('is the planned instant, the start of a planned day in the zone, or null', () => {
    expect(planningDeadline({ kind: 'time', at: '2026-05-04T10:00:00+02:00' }, BERLIN)?.toISOString()).toBe('2026-05-04T08:00:00.000Z');
    expect(planningDeadline({ kind: 'day', date: '2026-05-04' }, BERLIN)?.toISOString()).toBe('2026-05-03T22:00:00.000Z');
    expect(planningDeadline({ kind: 'day', date: '2026-12-04' }, BERLIN)?.toISOString()).toBe('2026-12-03T23:00:00.000Z');
    expect(planningDeadline({ kind: 'unplanned' }, BERLIN)).toBeNull();
    expect(() => planningDeadline({ kind: 'time', at: 'bald' }, BERLIN)).toThrow('Kein gültiger Zeitpunkt');
    expect(() => planningDeadline({ kind: 'day', date: '2026-02-30' }, BERLIN)).toThrow(RangeError);
  });
});

describe('reminderSchedule', () => {
  const submitted = new Date('2026-05-04T08:00:00Z');
  const iso = (events: ReturnType<typeof reminderSchedule>) => events.map((e) => [e.kind, e.at.toISOString()]);

  it('reminds 4 h before, escalates to the deputy at the due time and to admins 8 h later', () => {
    expect(ADMIN_ESCALATION_AFTER_HOURS).toBe(8);
    expect(iso(reminderSchedule({ ...after(24), deputyUserId: 'd' }, submitted, null))).toEqual([
      ['remind', '2026-05-05T04:00:00.000Z'],
      ['escalate_deputy', '2026-05-05T08:00:00.000Z'],
      ['escalate_admin', '2026-05-05T16:00:00.000Z'],
    ]);
  });

  it('escalates to admins at the due time when there is no deputy', () => {
    expect(iso(reminderSchedule({ ...after(24), deputyUserId: null }, submitted, null))).toEqual([
      ['remind', '2026-05-05T04:00:00.000Z'],
      ['escalate_admin', '2026-05-05T08:00:00.000Z'],
    ]);
    expect(iso(reminderSchedule(after(24), submitted, null)).map(([kind]) => kind)).toEqual(['remind', 'escalate_admin']);
  });

  it('reminds halfway through a short window', () => {
    expect(iso(reminderSchedule(after(2), submitted, null))[0]).toEqual(['remind', '2026-05-04T09:00:00.000Z']);
  });

  it('escalates to admins no later than a planned time between due time and admin escalation', () => {
    const planned = new Date('2026-05-05T11:00:00Z');
    expect(iso(reminderSchedule({ ...before(3), deputyUserId: 'd' }, submitted, planned))).toEqual([
      ['remind', '2026-05-05T04:00:00.000Z'],
      ['escalate_deputy', '2026-05-05T08:00:00.000Z'],
      ['escalate_admin', '2026-05-05T11:00:00.000Z'],
    ]);
    // A planned time before the due time does not pull the admin escalation before the deputy's.
    const early = new Date('2026-05-04T20:00:00Z');
    expect(iso(reminderSchedule({ ...after(24), deputyUserId: 'd' }, submitted, early))[2]).toEqual(['escalate_admin', '2026-05-05T16:00:00.000Z']);
  });

  it('sends no reminder for a late submission and escalates at once', () => {
    const planned = new Date('2026-05-04T10:00:00Z');
    expect(iso(reminderSchedule({ ...before(12), deputyUserId: 'd' }, submitted, planned))).toEqual([
      ['escalate_deputy', '2026-05-04T08:00:00.000Z'],
      ['escalate_admin', '2026-05-04T10:00:00.000Z'],
    ]);
  });

  it('takes other lead and escalation times, and stays in time order', () => {
    const events = reminderSchedule({ ...after(48), deputyUserId: 'd' }, submitted, null, { reminderLeadHours: 24, adminAfterHours: 2 });
    expect(iso(events)).toEqual([
      ['remind', '2026-05-05T08:00:00.000Z'],
      ['escalate_deputy', '2026-05-06T08:00:00.000Z'],
      ['escalate_admin', '2026-05-06T10:00:00.000Z'],
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i].at.getTime()).toBeGreaterThanOrEqual(events[i - 1].at.getTime());
  });

  it('keeps absolute hours across the autumn change', () => {
    const sub = local('2026-10-24T12:00');
    const events = reminderSchedule({ ...after(24), deputyUserId: 'd' }, sub, null);
    expect(events.map((e) => wall(e.at))).toEqual(['2026-10-25T07:00', '2026-10-25T11:00', '2026-10-25T19:00']);
  });
});

describe('reminderJobId', () => {
  it('is deterministic and free of colons', () => {
    expect(reminderJobId('4f1c', 1, 'escalate_deputy')).toBe('approval-reminder_4f1c_1_escalate_deputy');
    expect(reminderJobId('4f1c', 1, 'remind')).not.toBe(reminderJobId('4f1c', 2, 'remind'));
  });

  it('refuses ids BullMQ would refuse or that are ambiguous', () => {
    expect(() => reminderJobId('a:b', 0, 'remind')).toThrow(RangeError);
    expect(() => reminderJobId('', 0, 'remind')).toThrow(RangeError);
    expect(() => reminderJobId('a', -1, 'remind')).toThrow(RangeError);
    expect(() => reminderJobId('a', 0.5, 'remind')).toThrow(RangeError);
  });

  it('has German labels for every kind', () => {
    expect(Object.keys(REMINDER_KIND_LABELS)).toEqual([...REMINDER_KINDS]);
  });
});
