import { addCalendarDays, calendarWeekday } from '../calendar-date';
import { publicHolidays, type Bundesland } from '../public-holidays';
import { localDateOf, zonedLocalToUtc } from '../time-zone';

/**
 * The response-time clock (SLA) of the inbox: the first answer is due within a number of
 * office hours (Dienstzeit) after an item arrives. Office hours are the same span on each
 * office weekday; public holidays of the organization's Bundesland are not office days.
 * Time outside office hours does not count, so a comment on Friday evening with a target of
 * 8 hours is due at the end of Monday's office hours (or Tuesday's, if Monday is a holiday).
 */
export interface OfficeHours {
  /** 1 = Monday … 5 = Friday, 6 = Saturday, 0 = Sunday (as Date#getDay). */
  readonly weekdays: readonly number[];
  /** 'HH:mm' on the organization's wall clock. */
  readonly start: string;
  readonly end: string;
}

export interface ResponseClockSettings {
  readonly officeHours: OfficeHours;
  readonly timeZone: string;
  readonly bundesland: Bundesland;
  /** Office hours until the first answer is due. */
  readonly targetHours: number;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' };
export const DEFAULT_RESPONSE_TARGET_HOURS = 24;
/** The reminder goes out when this share of the target has run (never less than one office hour before the breach). */
export const REMINDER_SHARE = 0.75;

const HOUR_MS = 3_600_000;
/** A target is at most this many calendar days away; guards against settings without office days. */
const MAX_DAYS = 800;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidOfficeHours(hours: OfficeHours): boolean {
  return (
    TIME.test(hours.start) &&
    TIME.test(hours.end) &&
    hours.start < hours.end &&
    hours.weekdays.length > 0 &&
    hours.weekdays.every((day) => Number.isInteger(day) && day >= 0 && day <= 6)
  );
}

const holidayCache = new Map<string, ReadonlySet<string>>();

function isHoliday(date: string, bundesland: Bundesland): boolean {
  const key = `${bundesland}:${date.slice(0, 4)}`;
  let dates = holidayCache.get(key);
  if (!dates) {
    dates = new Set(publicHolidays(bundesland, Number(date.slice(0, 4))).map((holiday) => holiday.date));
    holidayCache.set(key, dates);
  }
  return dates.has(date);
}

export interface OfficeWindow {
  readonly start: number;
  readonly end: number;
}

/** The office window of a calendar day, or null on weekends, closed weekdays and holidays. */
export function officeWindowOn(date: string, settings: Omit<ResponseClockSettings, 'targetHours'>): OfficeWindow | null {
  const { officeHours, timeZone, bundesland } = settings;
  if (!officeHours.weekdays.includes(calendarWeekday(date)) || isHoliday(date, bundesland)) return null;
  return {
    start: zonedLocalToUtc(`${date}T${officeHours.start}`, timeZone).getTime(),
    end: zonedLocalToUtc(`${date}T${officeHours.end}`, timeZone).getTime(),
  };
}

function assertSettings(settings: ResponseClockSettings): void {
  if (!isValidOfficeHours(settings.officeHours)) throw new RangeError('Ungültige Dienstzeiten');
  if (!(settings.targetHours > 0)) throw new RangeError('Das Antwortziel muss größer als 0 Stunden sein');
}

/** The instant at which `officeMs` of office time have passed since `from`. */
export function addOfficeTime(from: Date, officeMs: number, settings: ResponseClockSettings): Date {
  assertSettings(settings);
  let remaining = officeMs;
  let date = localDateOf(from, settings.timeZone);
  for (let day = 0; day < MAX_DAYS; day++, date = addCalendarDays(date, 1)) {
    const window = officeWindowOn(date, settings);
    if (!window) continue;
    const start = Math.max(window.start, from.getTime());
    if (start >= window.end) continue;
    if (start + remaining <= window.end) return new Date(start + remaining);
    remaining -= window.end - start;
  }
  throw new RangeError('Keine Dienstzeit im erreichbaren Zeitraum');
}

/** Office time between two instants (0 if `to` is before `from`). */
export function officeTimeBetween(from: Date, to: Date, settings: ResponseClockSettings): number {
  assertSettings(settings);
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let date = localDateOf(from, settings.timeZone);
  const lastDate = localDateOf(to, settings.timeZone);
  for (let day = 0; day < MAX_DAYS && date <= lastDate; day++, date = addCalendarDays(date, 1)) {
    const window = officeWindowOn(date, settings);
    if (!window) continue;
    const start = Math.max(window.start, from.getTime());
    const end = Math.min(window.end, to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}

/** When the first answer is due. */
export function responseDueAt(receivedAt: Date, settings: ResponseClockSettings): Date {
  return addOfficeTime(receivedAt, settings.targetHours * HOUR_MS, settings);
}

/**
 * When the assignee is reminded: after REMINDER_SHARE of the target, but at least one office
 * hour before the breach where the target allows it, so there is still time to answer.
 */
export function responseReminderAt(receivedAt: Date, settings: ResponseClockSettings): Date {
  const target = settings.targetHours * HOUR_MS;
  const lead = Math.max(target * (1 - REMINDER_SHARE), Math.min(HOUR_MS, target / 2));
  return addOfficeTime(receivedAt, target - lead, settings);
}

export type ResponseClockState = 'running' | 'due_soon' | 'breached' | 'met' | 'missed';

export interface ResponseClock {
  readonly dueAt: Date;
  readonly reminderAt: Date;
  /** Office time used so far (until the first answer, if there is one). */
  readonly elapsedOfficeMs: number;
  /** Office time left until the breach; negative once breached. */
  readonly remainingOfficeMs: number;
  readonly state: ResponseClockState;
}

/** The clock of one item at `now`; `firstResponseAt` stops it. */
export function responseClock(receivedAt: Date, firstResponseAt: Date | null, now: Date, settings: ResponseClockSettings): ResponseClock {
  const dueAt = responseDueAt(receivedAt, settings);
  const reminderAt = responseReminderAt(receivedAt, settings);
  const stop = firstResponseAt ?? now;
  const elapsedOfficeMs = officeTimeBetween(receivedAt, stop, settings);
  const target = settings.targetHours * HOUR_MS;
  const remainingOfficeMs = stop.getTime() > dueAt.getTime() ? -officeTimeBetween(dueAt, stop, settings) || -1 : target - elapsedOfficeMs;
  let state: ResponseClockState;
  if (firstResponseAt) state = firstResponseAt.getTime() <= dueAt.getTime() ? 'met' : 'missed';
  else if (now.getTime() > dueAt.getTime()) state = 'breached';
  else if (now.getTime() >= reminderAt.getTime()) state = 'due_soon';
  else state = 'running';
  return { dueAt, reminderAt, elapsedOfficeMs, remainingOfficeMs, state };
}
