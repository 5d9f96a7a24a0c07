import { inboxResponseReminders, inboxResponseReminderStillDue } from './response-reminders';
import { DEFAULT_OFFICE_HOURS, responseDueAt, type ResponseClockSettings } from './response-clock';

const settings: ResponseClockSettings = { officeHours: DEFAULT_OFFICE_HOURS, timeZone: 'Europe/Berlin', bundesland: 'NW', targetHours: 8 };
// Monday 2026-03-02, 09:00 in Berlin (08:00 UTC): one office day of 8 hours is due Tuesday 09:00.
const receivedAt = new Date('2026-03-02T08:00:00Z');
const item = { receivedAt, responseDueAt: responseDueAt(receivedAt, settings), firstResponseAt: null, status: 'new' as const };

describe('inboxResponseReminders', () => {
  it('reminds after 75 % of the target in office hours and at the breach', () => {
    expect(item.responseDueAt.toISOString()).toBe('2026-03-03T08:00:00.000Z');
    // 6 office hours after Monday 09:00: Monday 15:00.
    expect(inboxResponseReminders(item, settings)).toEqual([
      { kind: 'due_soon', at: new Date('2026-03-02T14:00:00Z') },
      { kind: 'breached', at: new Date('2026-03-03T08:00:00Z') },
    ]);
  });

  it('skips weekends and holidays: Friday afternoon is reminded on Monday', () => {
    const friday = new Date('2026-03-06T13:00:00Z'); // 14:00 Berlin, two office hours left that day
    const reminders = inboxResponseReminders({ ...item, receivedAt: friday, responseDueAt: responseDueAt(friday, settings) }, settings);
    expect(reminders.map((r) => r.at.toISOString())).toEqual(['2026-03-09T11:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('has nothing to say once the item is answered, closed or hidden', () => {
    expect(inboxResponseReminders({ ...item, firstResponseAt: new Date('2026-03-02T09:00:00Z') }, settings)).toEqual([]);
    for (const status of ['answered', 'closed_without_reply', 'hidden'] as const) expect(inboxResponseReminders({ ...item, status }, settings)).toEqual([]);
    expect(inboxResponseReminders({ ...item, status: 'with_department' }, settings)).toHaveLength(2);
  });

  it('keeps only the breach when the settings changed so that the early reminder would come after it', () => {
    expect(inboxResponseReminders({ ...item, responseDueAt: new Date('2026-03-02T10:00:00Z') }, settings)).toEqual([{ kind: 'breached', at: new Date('2026-03-02T10:00:00Z') }]);
  });
});

describe('inboxResponseReminderStillDue', () => {
  it('is due while the item waits with the same due time, and not after an answer or a moved due time', () => {
    expect(inboxResponseReminderStillDue(item, item.responseDueAt)).toBe(true);
    expect(inboxResponseReminderStillDue({ ...item, status: 'answered' }, item.responseDueAt)).toBe(false);
    expect(inboxResponseReminderStillDue({ ...item, firstResponseAt: new Date() }, item.responseDueAt)).toBe(false);
    expect(inboxResponseReminderStillDue(item, new Date(item.responseDueAt.getTime() + 1))).toBe(false);
  });
});
