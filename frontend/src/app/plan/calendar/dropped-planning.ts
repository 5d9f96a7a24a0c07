import type { Planning } from '@amtsplan/contracts';
import { zonedLocalToUtc } from '@amtsplan/domain';

/**
 * The planning a drop means. The calendar counts in the authority's wall clock, so the start it
 * reports begins with the wall-clock date and time there ('2026-11-24' or '2026-11-24T10:00…');
 * the offset it may append is not needed: the zone turns the wall clock into the instant.
 */
export function droppedPlanning(start: string, allDay: boolean, timeZone: string): Planning {
  if (allDay) return { kind: 'day', date: start.slice(0, 10) };
  return { kind: 'time', at: zonedLocalToUtc(start.slice(0, 16), timeZone).toISOString() };
}
