/**
 * Converting between an instant and the wall-clock time in an IANA time zone, using only
 * Intl (no zone database of our own, works in Node and browsers).
 */

/** 'YYYY-MM-DDTHH:mm' or 'YYYY-MM-DDTHH:mm:ss', without offset: a time on a wall clock. */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const HOUR_MS = 60 * 60 * 1000;

/** The wall-clock time as if it were UTC: a plain number we can compare and shift. */
function parseWallClock(local: string): number | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what callers should see.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at an instant, as if it were UTC (whole seconds). */
function wallClockAt(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
}

function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return wallClockAt(wholeSeconds, timeZone) - wholeSeconds;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`.
 *
 * Offsets are taken twelve hours before and after; zones change their offset at most once
 * in such a window. Each candidate is kept only if it really shows `local`:
 * - two candidates (autumn, 02:30 happens twice in Berlin): the first occurrence, i.e.
 *   still summer time — a post planned for "02:30" goes out at the first 02:30;
 * - none (spring, 02:30 does not exist): the wall time is read with the offset from before
 *   the change, which moves it forward by the gap: 02:30 becomes 03:30 summer time.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date {
  const wall = parseWallClock(local);
  if (wall === null) throw new RangeError(`Keine gültige Ortszeit (JJJJ-MM-TTTHH:mm): ${local}`);
  const offsetBefore = offsetAt(wall - 12 * HOUR_MS, timeZone);
  const offsetAfter = offsetAt(wall + 12 * HOUR_MS, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter].filter((utc) => wallClockAt(utc, timeZone) === wall);
  if (candidates.length === 0) return new Date(wall - offsetBefore);
  return new Date(Math.min(...candidates));
}

/** The wall-clock time in `timeZone` at an instant, as 'YYYY-MM-DDTHH:mm'. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  return new Date(wallClockAt(instant.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** The calendar day in `timeZone` at an instant, as 'YYYY-MM-DD' (e.g. for planningGaps). */
export function localDateOf(instant: Date, timeZone: string): string {
  return utcToZonedLocal(instant, timeZone).slice(0, 10);
}
