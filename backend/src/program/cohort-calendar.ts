import { type CohortMeetingSlot, type CurriculumWeek, RUN_TIME_ZONE } from '@amtsplan/domain';
import { escape, foldLines } from 'ical-generator';
import { vtimezone } from '../plan-exchange/vtimezone';

export interface CohortCalendarDocument {
  readonly cohortId: string;
  readonly cohortName: string;
  readonly meetings: readonly CohortMeetingSlot[];
  /** The curriculum's weeks, for the title and agenda of each meeting. */
  readonly weeks: readonly CurriculumWeek[];
  /** Host name of the installation, so UIDs are unique across installations. */
  readonly uidDomain: string;
  readonly now: Date;
}

const text = (value: string) => escape(value, false);
/** 'YYYY-MM-DDTHH:mm' → '20270304T100000' */
const wallClock = (local: string) => `${local.replace(/[-:]/g, '')}00`;
const utcStamp = (instant: Date) => `${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
const DAY_MS = 86_400_000;

/**
 * The cohort's remaining weekly meetings as iCalendar (RFC 5545), on German wall-clock time with
 * a VTIMEZONE, so 10:00 stays 10:00 across the change to summer time. Each meeting carries the
 * week's title and agenda; nothing about the cohort's members (the file leaves the installation
 * into personal calendars). Written like the plan's feed (`calendar-feed-document.ts`): only
 * escaping and line folding come from ical-generator.
 */
export function renderCohortCalendar(document: CohortCalendarDocument): string {
  const name = groupName(document.cohortName);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Amtsplan//Lernprogramm//DE', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `NAME:${text(name)}`, `X-WR-CALNAME:${text(name)}`, `X-WR-TIMEZONE:${RUN_TIME_ZONE}`];
  const first = document.meetings[0];
  const last = document.meetings[document.meetings.length - 1];
  if (first && last) lines.push(vtimezone(RUN_TIME_ZONE, new Date(first.start.getTime() - DAY_MS), new Date(last.end.getTime() + DAY_MS)));
  for (const meeting of document.meetings) {
    const week = document.weeks.find((candidate) => candidate.week === meeting.week);
    const title = week ? `Woche ${meeting.week}: ${week.title}` : `Woche ${meeting.week}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:program-meeting-${document.cohortId}-w${meeting.week}@${document.uidDomain}`,
      `DTSTAMP:${utcStamp(document.now)}`,
      `DTSTART;TZID=${RUN_TIME_ZONE}:${wallClock(meeting.localStart)}`,
      `DTEND;TZID=${RUN_TIME_ZONE}:${wallClock(meeting.localEnd)}`,
      `SUMMARY:${text(`${name} – ${title}`)}`,
      `DESCRIPTION:${text(agendaText(week))}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${foldLines(lines.join('\r\n'))}\r\n`;
}

/** "Peer-Gruppe Nord" as named, "Nord" as "Peer-Gruppe Nord": the word once, not twice. */
function groupName(cohortName: string): string {
  return /^peer-gruppe\b/i.test(cohortName.trim()) ? cohortName.trim() : `Peer-Gruppe ${cohortName.trim()}`;
}

/** The meeting's agenda in short: "10 Min. Blitzlicht", one item a line. */
export function agendaText(week: CurriculumWeek | undefined): string {
  if (!week) return 'Treffen der Peer-Gruppe (90 Minuten).';
  return ['Agenda:', ...week.agenda.map((item) => `${item.minutes} Min. ${item.title}`)].join('\n');
}

/** A file name without anything a header or file system could trip over. */
export function cohortCalendarFileName(cohortName: string): string {
  const slug = groupName(cohortName)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'peer-gruppe'}.ics`;
}
