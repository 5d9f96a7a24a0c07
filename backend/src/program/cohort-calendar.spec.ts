import { remainingCohortMeetings, type CurriculumWeek } from '@amtsplan/domain';
import { cohortCalendarFileName, renderCohortCalendar } from './cohort-calendar';

const week = (n: number, title: string): CurriculumWeek =>
  ({ week: n, title, agenda: [{ minutes: 30, title: 'Blitzlicht' }, { minutes: 60, title: 'Werkstatt' }] }) as unknown as CurriculumWeek;

function events(ics: string): string[] {
  return ics.split('BEGIN:VEVENT').slice(1);
}

describe('cohort calendar (iCal)', () => {
  // Monday 1 March 2027; summer time begins on Sunday 28 March.
  const meetings = remainingCohortMeetings('2027-03-01', { weekday: 4, time: '10:00', minutes: 90 }, new Date('2027-02-20T00:00:00Z'));
  const weeks = Array.from({ length: 12 }, (_, i) => week(i + 1, `Thema ${i + 1}`));
  const ics = renderCohortCalendar({ cohortId: 'c1', cohortName: 'Nord', meetings, weeks, uidDomain: 'amtsplan.example', now: new Date('2027-02-20T08:00:00Z') });

  it('writes one event per remaining meeting, on German wall-clock time across the change to summer time', () => {
    expect(events(ics)).toHaveLength(12);
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270304T100000\r\nDTEND;TZID=Europe/Berlin:20270304T113000');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270401T100000\r\nDTEND;TZID=Europe/Berlin:20270401T113000');
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20270520T100000');
    // The zone is described in the file: winter and summer time, with the change on 28 March.
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin[\s\S]*BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200/);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it("names the group and the week, describes the week's agenda and gives stable UIDs", () => {
    const [first] = events(ics);
    expect(first).toContain('SUMMARY:Peer-Gruppe Nord – Woche 1: Thema 1');
    expect(first).toContain('DESCRIPTION:Agenda:\\n30 Min. Blitzlicht\\n60 Min. Werkstatt');
    expect(first).toContain('UID:program-meeting-c1-w1@amtsplan.example');
    const named = renderCohortCalendar({ cohortId: 'c1', cohortName: 'Peer-Gruppe Süd', meetings: meetings.slice(0, 1), weeks, uidDomain: 'a.example', now: new Date() });
    expect(named).toContain('SUMMARY:Peer-Gruppe Süd – Woche 1: Thema 1');
  });

  it('is empty after the run, and the file name is plain', () => {
    const after = renderCohortCalendar({ cohortId: 'c1', cohortName: 'Nord', meetings: [], weeks, uidDomain: 'a.example', now: new Date() });
    expect(events(after)).toHaveLength(0);
    expect(cohortCalendarFileName('Peer-Gruppe Süd/Ost "2"')).toBe('peer-gruppe-sud-ost-2.ics');
    expect(cohortCalendarFileName('Nord')).toBe('peer-gruppe-nord.ics');
  });
});
