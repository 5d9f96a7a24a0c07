/**
 * Calendar dates as 'YYYY-MM-DD' strings: a day in the organization's own calendar, with
 * no time and no zone. Arithmetic runs in UTC so the machine's zone never shifts a day.
 */
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function toUtcMs(date: string): number | null {
  const m = CALENDAR_DATE.exec(date);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? ms : null;
}

function requireUtcMs(date: string): number {
  const ms = toUtcMs(date);
  if (ms === null) throw new RangeError(`Kein gültiges Datum (JJJJ-MM-TT): ${date}`);
  return ms;
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isCalendarDate(value: string): boolean {
  return toUtcMs(value) !== null;
}

export function addCalendarDays(date: string, days: number): string {
  return format(requireUtcMs(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date#getDay counts. */
export function calendarWeekday(date: string): number {
  return new Date(requireUtcMs(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const weekday = calendarWeekday(date);
  return weekday === 0 || weekday === 6;
}
