import { utcToZonedLocal } from '@amtsplan/domain';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

interface Observance {
  /** First instant the offset applies. */
  readonly startMs: number;
  readonly offsetFrom: number;
  readonly offsetTo: number;
}

/** Minutes the wall clock in `timeZone` is ahead of UTC at a whole-minute instant. */
function offsetMinutes(instantMs: number, timeZone: string): number {
  const minute = Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
  return Math.round((Date.parse(`${utcToZonedLocal(new Date(minute), timeZone)}:00Z`) - minute) / MINUTE_MS);
}

/** The first whole minute in (before, after] that already has the offset of `after`. */
function changeBetween(beforeMs: number, afterMs: number, timeZone: string): number {
  const target = offsetMinutes(afterMs, timeZone);
  let low = beforeMs;
  let high = afterMs;
  while (high - low > MINUTE_MS) {
    const middle = Math.floor((low + high) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMinutes(middle, timeZone) === target) high = middle;
    else low = middle;
  }
  return high;
}

function observances(timeZone: string, fromMs: number, toMs: number): Observance[] {
  fromMs = Math.floor(fromMs / MINUTE_MS) * MINUTE_MS;
  const initial = offsetMinutes(fromMs, timeZone);
  const result: Observance[] = [{ startMs: fromMs, offsetFrom: initial, offsetTo: initial }];
  let current = initial;
  for (let day = fromMs; day < toMs; day += DAY_MS) {
    const next = offsetMinutes(day + DAY_MS, timeZone);
    if (next === current) continue;
    result.push({ startMs: changeBetween(day, day + DAY_MS, timeZone), offsetFrom: current, offsetTo: next });
    current = next;
  }
  return result;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

/** Local time by the offset in force before the change, as RFC 5545 wants for DTSTART of an observance. */
function formatLocal(instantMs: number, offset: number): string {
  return new Date(instantMs + offset * MINUTE_MS).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/**
 * A VTIMEZONE component for an IANA zone between two instants, built from Intl alone (no zone
 * database of our own): one observance per offset change in the range. RFC 5545 requires a
 * VTIMEZONE for every TZID an event uses; Outlook does not resolve IANA names without it.
 */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const changes = observances(timeZone, from.getTime(), to.getTime());
  const standardOffset = Math.min(...changes.map((o) => o.offsetTo));
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  for (const observance of changes) {
    const kind = observance.offsetTo > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${formatLocal(observance.startMs, observance.offsetFrom)}`,
      `TZOFFSETFROM:${formatOffset(observance.offsetFrom)}`,
      `TZOFFSETTO:${formatOffset(observance.offsetTo)}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
