import { renderCalendarFeed } from './calendar-feed-document';
import type { FeedPost } from './calendar-feed-posts';

const post = (values: Partial<FeedPost>): FeedPost => ({
  id: '11111111-1111-4111-8111-111111111111',
  workingTitle: 'Stadtfest',
  status: 'approved',
  plannedAt: null,
  plannedDate: null,
  topicName: null,
  channelNames: [],
  version: 1,
  updatedAt: new Date('2026-11-01T00:00:00Z'),
  ...values,
});

function render(posts: FeedPost[]): string[] {
  const ics = renderCalendarFeed({
    calendarName: 'Redaktionsplan Stadt Musterstadt',
    timeZone: 'Europe/Berlin',
    posts,
    postUrl: (id) => `https://amtsplan.example/o/org/redaktionsplan?beitrag=${id}`,
    uidDomain: 'amtsplan.example',
    window: { from: new Date('2026-09-01T00:00:00Z'), to: new Date('2027-09-01T00:00:00Z') },
    now: new Date('2026-11-22T07:00:00Z'),
  });
  // Unfold continuation lines (RFC 5545, 3.1) so assertions read whole properties.
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('calendar feed document', () => {
  it('writes an exact time in the organization zone with a VTIMEZONE, and a day as an all-day entry', () => {
    const lines = render([
      post({ plannedAt: new Date('2026-12-05T09:00:00Z'), channelNames: ['Facebook Stadt', 'Instagram Stadt'], topicName: 'Feste', version: 3 }),
      post({ id: '22222222-2222-4222-8222-222222222222', workingTitle: 'Ganztägig', status: 'idea', plannedDate: '2026-12-21' }),
    ]);
    expect(lines).toContain('BEGIN:VTIMEZONE');
    expect(lines).toContain('TZID:Europe/Berlin');
    expect(lines).toContain('DTSTART;TZID=Europe/Berlin:20261205T100000');
    expect(lines).toContain('DTEND;TZID=Europe/Berlin:20261205T101500');
    expect(lines).toContain('UID:post-11111111-1111-4111-8111-111111111111@amtsplan.example');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('SUMMARY:Stadtfest');
    expect(lines).toContain(
      'DESCRIPTION:Status: Freigegeben\\nKanäle: Facebook Stadt\\, Instagram Stadt\\nThema: Feste\\nIm Redaktionsplan öffnen: https://amtsplan.example/o/org/redaktionsplan?beitrag=11111111-1111-4111-8111-111111111111',
    );
    expect(lines).toContain('DTSTART;VALUE=DATE:20261221');
    expect(lines).toContain('DTEND;VALUE=DATE:20261222');
    expect(lines.filter((line) => line.startsWith('DTSTAMP:'))).toEqual(['DTSTAMP:20261122T070000Z', 'DTSTAMP:20261122T070000Z']);
    expect(lines).toContain('LAST-MODIFIED:20261101T000000Z');
    expect(lines.filter((line) => line === 'TRANSP:TRANSPARENT')).toHaveLength(2);
  });

  it('does not depend on the server zone', () => {
    const previous = process.env['TZ'];
    process.env['TZ'] = 'America/New_York';
    try {
      expect(render([post({ plannedAt: new Date('2026-12-05T09:00:00Z') })])).toContain('DTSTART;TZID=Europe/Berlin:20261205T100000');
    } finally {
      process.env['TZ'] = previous;
    }
  });
});
