import { addCalendarDays, calendarWeekday, isCalendarDate } from '../calendar-date';
import type { FieldProblem } from '../field-problem';
import { localDateOf, utcToZonedLocal, zonedLocalToUtc } from '../time-zone';
import { PROGRAM_WEEKS } from './curriculum';

/**
 * A run (Durchgang) of the program: it starts on a Monday, and week n opens on that Monday plus
 * n − 1 weeks, at midnight in the run's time zone. A facilitator may open weeks early; nobody can
 * close a week that the calendar has opened (participants may be working in it).
 */
export interface RunSchedule {
  /** The first Monday, 'YYYY-MM-DD'. */
  readonly startsOn: string;
  /** Weeks the facilitator opened early: 0 = none, up to 12. */
  readonly unlockedThroughWeek: number;
}

/** Most authorities taking part sit in Germany; a run counts its weeks on German time. */
export const RUN_TIME_ZONE = 'Europe/Berlin';
export const MAX_AUTHORITIES_PER_COHORT = 5;

/** The week the calendar has reached on `today`: 0 before the start, 13 once all twelve are over. */
export function calendarWeekOfRun(startsOn: string, today: string): number {
  if (today < startsOn) return 0;
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000);
  return Math.min(PROGRAM_WEEKS + 1, Math.floor(days / 7) + 1);
}

/** The highest week a participant may open on `today` (0 = none yet). */
export function openWeeks(schedule: RunSchedule, today: string): number {
  return Math.min(PROGRAM_WEEKS, Math.max(calendarWeekOfRun(schedule.startsOn, today), schedule.unlockedThroughWeek));
}

export function isWeekOpen(schedule: RunSchedule, week: number, today: string): boolean {
  return week >= 1 && week <= openWeeks(schedule, today);
}

/** The Monday on which week `week` opens by the calendar. */
export function weekStartsOn(startsOn: string, week: number): string {
  return addCalendarDays(startsOn, (week - 1) * 7);
}

/** Today's date for a run, from an instant. */
export function runToday(now: Date): string {
  return localDateOf(now, RUN_TIME_ZONE);
}

export function runScheduleProblems(schedule: RunSchedule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCalendarDate(schedule.startsOn)) problems.push({ path: 'startsOn', message: 'Bitte ein gültiges Datum angeben.' });
  else if (calendarWeekday(schedule.startsOn) !== 1) problems.push({ path: 'startsOn', message: 'Ein Durchgang beginnt an einem Montag.' });
  if (!Number.isInteger(schedule.unlockedThroughWeek) || schedule.unlockedThroughWeek < 0 || schedule.unlockedThroughWeek > PROGRAM_WEEKS) {
    problems.push({ path: 'unlockedThroughWeek', message: `Freigeschaltet bis Woche 0 bis ${PROGRAM_WEEKS}.` });
  }
  return problems;
}

/**
 * A facilitator's early unlock may only move forward: taking a week back would hide work a
 * participant has already started.
 */
export function unlockProblem(schedule: RunSchedule, throughWeek: number, today: string): string | null {
  if (!Number.isInteger(throughWeek) || throughWeek < 1 || throughWeek > PROGRAM_WEEKS) return `Woche 1 bis ${PROGRAM_WEEKS} angeben.`;
  if (throughWeek <= openWeeks(schedule, today)) return `Woche ${throughWeek} ist bereits offen.`;
  return null;
}

/** The weekly 90-minute peer meeting of a cohort. */
export interface CohortMeeting {
  /** 1 = Monday … 7 = Sunday (ISO). */
  readonly weekday: number;
  /** Local start time in the run's zone, 'HH:MM'. */
  readonly time: string;
  readonly minutes: number;
}

/** Start of the next meeting that has not ended yet at `now`, within the twelve weeks; null after the run. */
export function nextCohortMeeting(startsOn: string, meeting: CohortMeeting, now: Date): Date | null {
  for (let week = 1; week <= PROGRAM_WEEKS; week++) {
    const day = addCalendarDays(weekStartsOn(startsOn, week), meeting.weekday - 1);
    const start = zonedLocalToUtc(`${day}T${meeting.time}`, RUN_TIME_ZONE);
    if (start.getTime() + meeting.minutes * 60_000 > now.getTime()) return start;
  }
  return null;
}

/** One weekly meeting of a cohort: its week of the run, start and end as instants, and the local wall clock. */
export interface CohortMeetingSlot {
  readonly week: number;
  readonly start: Date;
  readonly end: Date;
  /** Start on German time, 'YYYY-MM-DDTHH:MM' (what a calendar shows with TZID Europe/Berlin). */
  readonly localStart: string;
  /** End on German time, 'YYYY-MM-DDTHH:MM'. */
  readonly localEnd: string;
}

/**
 * The meetings of the run that have not ended at `now` (a meeting in progress is still one),
 * each on German wall-clock time: 10:00 stays 10:00 across the change to summer time.
 */
export function remainingCohortMeetings(startsOn: string, meeting: CohortMeeting, now: Date): CohortMeetingSlot[] {
  const slots: CohortMeetingSlot[] = [];
  for (let week = 1; week <= PROGRAM_WEEKS; week++) {
    const day = addCalendarDays(weekStartsOn(startsOn, week), meeting.weekday - 1);
    const localStart = `${day}T${meeting.time}`;
    const start = zonedLocalToUtc(localStart, RUN_TIME_ZONE);
    const end = new Date(start.getTime() + meeting.minutes * 60_000);
    if (end.getTime() <= now.getTime()) continue;
    slots.push({ week, start, end, localStart, localEnd: utcToZonedLocal(end, RUN_TIME_ZONE) });
  }
  return slots;
}

/** Who may join a cohort: at most five authorities, each once (one participant per authority). */
export function cohortEnrolmentProblem(enrolledOrganizationIds: readonly string[], organizationId: string): string | null {
  if (enrolledOrganizationIds.includes(organizationId)) return 'Diese Behörde ist in der Peer-Gruppe bereits vertreten.';
  if (enrolledOrganizationIds.length >= MAX_AUTHORITIES_PER_COHORT) return `Eine Peer-Gruppe hat höchstens ${MAX_AUTHORITIES_PER_COHORT} Behörden.`;
  return null;
}
