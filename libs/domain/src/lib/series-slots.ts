import { RRule } from 'rrule';
import { parseRule, ruleLine } from './recurrence-rule';
import { utcToZonedLocal, zonedLocalToUtc } from './time-zone';

export interface SeriesRule {
  /** One RRULE line, e.g. 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0'. */
  readonly rrule: string;
  /** IANA zone whose wall clock the series follows, e.g. 'Europe/Berlin'. */
  readonly timeZone: string;
  /** First occurrence on that wall clock: 'YYYY-MM-DDTHH:mm'. */
  readonly start: string;
}

/** A half-open window: slots at `from` are included, slots at `to` are not. */
export interface SlotWindow {
  readonly from: Date;
  readonly to: Date;
}

/** A window with more slots than this is a mistake in the caller, not a plan. */
export const MAX_SERIES_SLOTS = 1000;

const DAY_MS = 24 * 60 * 60 * 1000;
const FLOATING = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A wall-clock time as a "floating" Date whose UTC fields are the local fields. */
function floating(local: string): Date {
  const m = FLOATING.exec(local.slice(0, 16));
  if (!m) throw new RangeError(`Kein gültiger Beginn (JJJJ-MM-TTTHH:mm): ${local}`);
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

/**
 * The planned instants of a series inside a window, each at the same wall-clock time in
 * the series' zone: every Tuesday 10:00 in Berlin is 09:00Z in winter and 08:00Z in summer.
 *
 * rrule's own TZID support depends on the machine's zone, so rrule only generates
 * "floating" wall-clock times here and zonedLocalToUtc turns each into an instant (moving a
 * time that does not exist in spring forward, taking the first of two in autumn). UNTIL is
 * read on the same wall clock. Throws a RangeError for an invalid rule, start or zone.
 */
export function seriesSlots(rule: SeriesRule, window: SlotWindow): Date[] {
  const parsed = parseRule(rule.rrule);
  if (parsed.error !== null) throw new RangeError(parsed.error);
  zonedLocalToUtc(rule.start, rule.timeZone); // rejects an impossible start or an unknown zone up front
  const generator = new RRule({ ...RRule.parseString(ruleLine(rule.rrule)), dtstart: floating(rule.start), tzid: null });

  // A day of margin on both sides covers any zone offset; exact filtering happens after conversion.
  const after = new Date(floating(utcToZonedLocal(window.from, rule.timeZone)).getTime() - DAY_MS);
  const before = new Date(floating(utcToZonedLocal(window.to, rule.timeZone)).getTime() + DAY_MS);
  let tooMany = false;
  const wallTimes = generator.between(after, before, true, (_, generated) => {
    tooMany = generated > MAX_SERIES_SLOTS * 2;
    return !tooMany;
  });

  const instants = new Set<number>();
  for (const wall of wallTimes) {
    const instant = zonedLocalToUtc(wall.toISOString().slice(0, 19), rule.timeZone).getTime();
    if (instant >= window.from.getTime() && instant < window.to.getTime()) instants.add(instant);
  }
  if (tooMany || instants.size > MAX_SERIES_SLOTS) {
    throw new RangeError(`Mehr als ${MAX_SERIES_SLOTS} Termine im Zeitraum; bitte einen kürzeren Zeitraum wählen.`);
  }
  return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms));
}
