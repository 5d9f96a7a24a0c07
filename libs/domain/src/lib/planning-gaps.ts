import { addCalendarDays, isCalendarDate, isWeekend } from './calendar-date';

/** The "next four weeks" view: far enough ahead to plan non-topical content (DESIGN.md). */
export const PLANNING_HORIZON_DAYS = 28;

export interface PlanningGapsInput {
  /** First day, 'YYYY-MM-DD' in the organization's zone. */
  readonly from: string;
  readonly days?: number;
  /** Local dates of planned posts, one entry per post ('YYYY-MM-DD'; see localDateOf). */
  readonly plannedDates: readonly string[];
  /** Weekends are no gap for an office that does not post on weekends. */
  readonly skipWeekends?: boolean;
  /** Holidays are no gap either; defaults to skipWeekends, since both are days off. */
  readonly skipHolidays?: boolean;
  readonly holidays?: readonly string[];
}

export interface PlanningDay {
  readonly date: string;
  readonly count: number;
  readonly isWeekend: boolean;
  readonly isHoliday: boolean;
}

export interface PlanningGaps {
  readonly perDay: PlanningDay[];
  /** Days without planned content that the office would be expected to fill. */
  readonly gaps: string[];
}

function requireDate(value: string, what: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`${what} ist kein gültiges Datum (JJJJ-MM-TT): ${value}`);
}

export function planningGaps(input: PlanningGapsInput): PlanningGaps {
  const days = input.days ?? PLANNING_HORIZON_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new RangeError(`Zeitraum von 1 bis 366 Tagen, nicht ${days}`);
  requireDate(input.from, 'Beginn');
  const counts = new Map<string, number>();
  for (const date of input.plannedDates) {
    requireDate(date, 'Geplanter Tag');
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  const holidays = new Set(input.holidays ?? []);
  const skipWeekends = input.skipWeekends ?? false;
  const skipHolidays = input.skipHolidays ?? skipWeekends;

  const perDay: PlanningDay[] = [];
  const gaps: string[] = [];
  for (let i = 0; i < days; i++) {
    const date = addCalendarDays(input.from, i);
    const day = { date, count: counts.get(date) ?? 0, isWeekend: isWeekend(date), isHoliday: holidays.has(date) };
    perDay.push(day);
    const dayOff = (skipWeekends && day.isWeekend) || (skipHolidays && day.isHoliday);
    if (day.count === 0 && !dayOff) gaps.push(date);
  }
  return { perDay, gaps };
}
