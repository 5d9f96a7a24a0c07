import { MAX_SERIES_SLOTS, seriesSlots } from './series-slots';

const BERLIN = 'Europe/Berlin';
const slots = (rrule: string, start: string, from: string, to: string, timeZone = BERLIN) =>
  seriesSlots({ rrule, timeZone, start }, { from: new Date(from), to: new Date(to) }).map((d) => d.toISOString());

describe('seriesSlots', () => {
  it('keeps every Tuesday at 10:00 Berlin time across the autumn change', () => {
    expect(slots('FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0', '2026-10-06T10:00', '2026-10-13T00:00Z', '2026-11-04T00:00Z')).toEqual([
      '2026-10-13T08:00:00.000Z',
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
  });

  it('moves a Sunday 02:30 slot to 03:30 on the spring-forward Sunday 2027-03-28', () => {
    expect(slots('FREQ=WEEKLY;BYDAY=SU', '2027-03-14T02:30', '2027-03-14T00:00Z', '2027-04-05T00:00Z')).toEqual([
      '2027-03-14T01:30:00.000Z',
      '2027-03-21T01:30:00.000Z',
      '2027-03-28T01:30:00.000Z',
      '2027-04-04T00:30:00.000Z',
    ]);
  });

  it('takes the first 02:30 on the fall-back Sunday 2026-10-25, once', () => {
    expect(slots('FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30', '2026-10-18T02:30', '2026-10-17T00:00Z', '2026-11-02T00:00Z')).toEqual([
      '2026-10-18T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-11-01T01:30:00.000Z',
    ]);
  });

  it('keeps Sunday 10:00 on the fall-back Sunday 2027-10-31', () => {
    expect(slots('FREQ=WEEKLY;BYDAY=SU;BYHOUR=10;BYMINUTE=0', '2027-10-03T10:00', '2027-10-24T00:00Z', '2027-11-01T00:00Z')).toEqual([
      '2027-10-24T08:00:00.000Z',
      '2027-10-31T09:00:00.000Z',
    ]);
  });

  it('keeps a daily slot on the wall clock over the spring change', () => {
    expect(slots('FREQ=DAILY', '2027-03-01T10:00', '2027-03-27T00:00Z', '2027-03-30T00:00Z')).toEqual([
      '2027-03-27T09:00:00.000Z',
      '2027-03-28T08:00:00.000Z',
      '2027-03-29T08:00:00.000Z',
    ]);
  });

  it('finds the first Tuesday of each month', () => {
    expect(slots('FREQ=MONTHLY;BYDAY=1TU;BYHOUR=9;BYMINUTE=30', '2026-01-01T09:30', '2026-01-01T00:00Z', '2026-05-01T00:00Z')).toEqual([
      '2026-01-06T08:30:00.000Z',
      '2026-02-03T08:30:00.000Z',
      '2026-03-03T08:30:00.000Z',
      '2026-04-07T07:30:00.000Z',
    ]);
  });

  it('includes a slot at the start of the window and excludes one at its end', () => {
    expect(slots('FREQ=DAILY', '2026-06-01T10:00', '2026-06-01T08:00Z', '2026-06-03T08:00Z')).toEqual([
      '2026-06-01T08:00:00.000Z',
      '2026-06-02T08:00:00.000Z',
    ]);
  });

  it('counts COUNT from the start of the series, not from the window', () => {
    expect(slots('FREQ=WEEKLY;COUNT=3', '2026-01-06T10:00', '2026-01-01T00:00Z', '2026-12-31T00:00Z')).toHaveLength(3);
    expect(slots('FREQ=WEEKLY;COUNT=3', '2026-01-06T10:00', '2026-02-01T00:00Z', '2026-12-31T00:00Z')).toEqual([]);
  });

  it('reads UNTIL on the series wall clock', () => {
    expect(slots('FREQ=DAILY;UNTIL=20260603T100000', '2026-06-01T10:00', '2026-06-01T00:00Z', '2026-06-10T00:00Z')).toHaveLength(3);
  });

  it('follows another zone’s rules when asked', () => {
    expect(slots('FREQ=DAILY', '2026-03-07T09:00', '2026-03-07T00:00Z', '2026-03-09T00:00Z', 'America/New_York')).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
    ]);
  });

  it('refuses invalid rules, starts and zones with a RangeError', () => {
    const window = { from: new Date('2026-01-01T00:00Z'), to: new Date('2026-02-01T00:00Z') };
    expect(() => seriesSlots({ rrule: 'FREQ=HOURLY', timeZone: BERLIN, start: '2026-01-01T10:00' }, window)).toThrow(
      'Serien wiederholen sich höchstens täglich.',
    );
    expect(() => seriesSlots({ rrule: 'FREQ=DAILY', timeZone: BERLIN, start: '2026-02-30T10:00' }, window)).toThrow(RangeError);
    expect(() => seriesSlots({ rrule: 'FREQ=DAILY', timeZone: 'Mond/Basis', start: '2026-01-01T10:00' }, window)).toThrow(RangeError);
  });

  it(`refuses windows with more than ${MAX_SERIES_SLOTS} slots`, () => {
    const everyHour = 'FREQ=DAILY;BYHOUR=' + Array.from({ length: 24 }, (_, h) => h).join(',') + ';BYMINUTE=0';
    expect(slots(everyHour, '2026-01-01T00:00', '2026-01-01T00:00Z', '2026-01-02T00:00Z')).toHaveLength(24);
    expect(() => slots(everyHour, '2026-01-01T00:00', '2026-01-01T00:00Z', '2026-03-01T00:00Z')).toThrow('Mehr als 1000 Termine');
  });
});
