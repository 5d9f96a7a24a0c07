import { vtimezone } from './vtimezone';

describe('VTIMEZONE from Intl', () => {
  it('lists the offset changes of Berlin in the range, with local DTSTART in the offset before the change', () => {
    const block = vtimezone('Europe/Berlin', new Date('2026-08-01T00:00:00Z'), new Date('2027-08-01T00:00:00Z'));
    expect(block.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260801T020000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20270328T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
    ]);
  });

  it('has one standard observance for a zone without daylight saving time', () => {
    const block = vtimezone('Asia/Kolkata', new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(block).toBe(['BEGIN:VTIMEZONE', 'TZID:Asia/Kolkata', 'BEGIN:STANDARD', 'DTSTART:20260101T053000', 'TZOFFSETFROM:+0530', 'TZOFFSETTO:+0530', 'END:STANDARD', 'END:VTIMEZONE'].join('\r\n'));
  });
});
