import { PLANNING_HORIZON_DAYS, addCalendarDays, calendarWeekday } from '@amtsplan/domain';
import type { PlanLocation, PlanView } from './plan-location';
import type { InstantRange } from './post-query';

/** Days of the authority's calendar, 'YYYY-MM-DD'; `to` is exclusive. */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

/** The calendar's weeks start on Monday (its `firstDay`). */
export function mondayOnOrBefore(date: string): string {
  return addCalendarDays(date, -((calendarWeekday(date) + 6) % 7));
}

function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function firstOfNextMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

/**
 * The days a view shows around `date`, as the calendar will report them once it has drawn:
 * a month as six whole weeks from the Monday on or before the 1st, a week from its Monday,
 * the list the calendar month, the planning view four weeks from `date` (today). Known from
 * the URL alone, so the plan's entries can be asked for before the calendar is on screen.
 */
export function daysShown(view: PlanView, date: string): DayRange {
  switch (view) {
    case 'monat': {
      const from = mondayOnOrBefore(firstOfMonth(date));
      return { from, to: addCalendarDays(from, 42) };
    }
    case 'woche': {
      const from = mondayOnOrBefore(date);
      return { from, to: addCalendarDays(from, 7) };
    }
    case 'liste':
      return { from: firstOfMonth(date), to: firstOfNextMonth(date) };
    case 'planung':
      return { from: date, to: addCalendarDays(date, PLANNING_HORIZON_DAYS) };
  }
}

/**
 * The days the plan at `location` shows before the calendar has reported any: the day in the
 * URL (or today), and always today for the planning view. The page and its first reads
 * (plan-first-reads.ts) both start from these.
 */
export function daysAt(location: Pick<PlanLocation, 'view' | 'date'>, today: string): DayRange {
  return daysShown(location.view, location.view === 'planung' ? today : (location.date ?? today));
}

export function sameDays(a: DayRange | null, b: DayRange | null): boolean {
  return a?.from === b?.from && a?.to === b?.to;
}

/**
 * Instants that hold these days in every time zone: from their first midnight where the day
 * starts earliest (UTC+14) to the midnight after them where it ends latest (UTC−12). Asking
 * for these needs no zone, so the read can start before the authority's settings are known;
 * what lies outside the days in the authority's own zone is not on screen.
 */
export function rangeInAnyZone(days: DayRange): InstantRange {
  // Written in UTC: a '+' in a query string would arrive as a space.
  return {
    from: new Date(`${days.from}T00:00:00+14:00`).toISOString(),
    to: new Date(`${days.to}T00:00:00-12:00`).toISOString(),
  };
}
