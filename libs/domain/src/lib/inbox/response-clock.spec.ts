import { DEFAULT_OFFICE_HOURS, officeTimeBetween, responseClock, responseDueAt, responseReminderAt, type ResponseClockSettings } from './response-clock';

const HOUR = 3_600_000;
const nrw = (targetHours: number): ResponseClockSettings => ({
  officeHours: DEFAULT_OFFICE_HOURS,
  timeZone: 'Europe/Berlin',
  bundesland: 'NW',
  targetHours,
});

describe('response clock (office hours Mo–Fr 08:00–16:00, Europe/Berlin)', () => {
  it('skips the weekend: Friday evening with 24 h is due on Wednesday at the end of office hours', () => {
    expect(responseDueAt(new Date('2026-12-04T17:00:00Z'), nrw(24)).toISOString()).toBe('2026-12-09T15:00:00.000Z');
  });

  it('skips Christmas and the weekend after it', () => {
    // Thursday 24 Dec 15:00: one hour left that day; 25 Dec (holiday), 26/27 (weekend) do not count.
    expect(responseDueAt(new Date('2026-12-24T14:00:00Z'), nrw(8)).toISOString()).toBe('2026-12-28T14:00:00.000Z');
  });

  it('skips Good Friday, the weekend and Easter Monday, across the change to summer time', () => {
    // Thursday 25 March 2027 12:00 CET; due Tuesday 30 March 12:00 CEST.
    expect(responseDueAt(new Date('2027-03-25T11:00:00Z'), nrw(8)).toISOString()).toBe('2027-03-30T10:00:00.000Z');
  });

  it('uses the holidays of the organization’s Land (Fronleichnam in NRW, not in Berlin)', () => {
    const received = new Date('2027-05-26T13:00:00Z'); // Wednesday 15:00 CEST
    expect(responseDueAt(received, nrw(2)).toISOString()).toBe('2027-05-28T07:00:00.000Z');
    expect(responseDueAt(received, { ...nrw(2), bundesland: 'BE' }).toISOString()).toBe('2027-05-27T07:00:00.000Z');
  });

  it('starts counting at office start for an item that arrived at night', () => {
    expect(responseDueAt(new Date('2026-12-08T02:00:00Z'), nrw(1)).toISOString()).toBe('2026-12-08T08:00:00.000Z');
  });

  it('reminds after three quarters of the target', () => {
    // 18 office hours after Friday evening: Monday 8, Tuesday 8, Wednesday 2 → Wednesday 10:00.
    expect(responseReminderAt(new Date('2026-12-04T17:00:00Z'), nrw(24)).toISOString()).toBe('2026-12-09T09:00:00.000Z');
  });

  it('measures office time only', () => {
    const from = new Date('2026-12-24T14:00:00Z');
    const to = new Date('2026-12-28T09:00:00Z'); // Monday 10:00
    expect(officeTimeBetween(from, to, nrw(24))).toBe(3 * HOUR);
    expect(officeTimeBetween(to, from, nrw(24))).toBe(0);
  });

  it('tells whether the target was met, is close or breached', () => {
    const received = new Date('2026-12-07T08:00:00Z'); // Monday 09:00
    const settings = nrw(4);
    expect(responseClock(received, null, new Date('2026-12-07T09:00:00Z'), settings).state).toBe('running');
    expect(responseClock(received, null, new Date('2026-12-07T11:30:00Z'), settings).state).toBe('due_soon');
    const breached = responseClock(received, null, new Date('2026-12-07T13:00:00Z'), settings);
    expect(breached.state).toBe('breached');
    expect(breached.remainingOfficeMs).toBe(-HOUR);
    expect(responseClock(received, new Date('2026-12-07T10:00:00Z'), new Date('2026-12-09T10:00:00Z'), settings)).toMatchObject({
      state: 'met',
      elapsedOfficeMs: 2 * HOUR,
    });
  });

  it('refuses settings without office time', () => {
    expect(() => responseDueAt(new Date(), { ...nrw(8), officeHours: { weekdays: [], start: '08:00', end: '16:00' } })).toThrow(RangeError);
    expect(() => responseDueAt(new Date(), nrw(0))).toThrow(RangeError);
  });
});
