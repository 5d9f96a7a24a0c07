import type { PlanEntryView, SeriesSlotView } from '@amtsplan/contracts';
import { type PublicHoliday, localDateOf, planningGaps } from '@amtsplan/domain';

export interface PlanningDayView {
  readonly date: string;
  readonly count: number;
  readonly isGap: boolean;
  readonly isWeekend: boolean;
  readonly holiday: string | null;
  readonly entries: readonly PlanEntryView[];
  readonly openSlots: readonly SeriesSlotView[];
}

export function plannedDateOf(entry: Pick<PlanEntryView, 'planning'>, timeZone: string): string | null {
  switch (entry.planning.kind) {
    case 'day':
      return entry.planning.date;
    case 'time':
      return localDateOf(new Date(entry.planning.at), timeZone);
    default:
      return null;
  }
}

/**
 * The "next four weeks": posts per day, gaps from the domain's rule (weekends and holidays are
 * days off, not gaps), holidays by name and the series slots still open on each day.
 */
export function planningDays(input: {
  readonly from: string;
  readonly days: number;
  readonly entries: readonly PlanEntryView[];
  readonly openSlots: readonly SeriesSlotView[];
  readonly holidays: readonly PublicHoliday[];
  readonly timeZone: string;
}): { readonly days: PlanningDayView[]; readonly gapCount: number } {
  const entriesByDate = byDate(input.entries, (entry) => plannedDateOf(entry, input.timeZone));
  const openSlotsByDate = byDate(input.openSlots, (slot) => (slot.postId === null ? localDateOf(new Date(slot.at), input.timeZone) : null));
  const holidayNames = new Map(input.holidays.map((holiday) => [holiday.date, holiday.name]));
  const { perDay, gaps } = planningGaps({
    from: input.from,
    days: input.days,
    plannedDates: [...entriesByDate.entries()].flatMap(([date, entries]) => entries.map(() => date)),
    holidays: [...holidayNames.keys()],
    skipWeekends: true,
  });
  const gapSet = new Set(gaps);
  return {
    gapCount: gaps.length,
    days: perDay.map((day) => ({
      date: day.date,
      count: day.count,
      isGap: gapSet.has(day.date),
      isWeekend: day.isWeekend,
      holiday: holidayNames.get(day.date) ?? null,
      entries: entriesByDate.get(day.date) ?? [],
      openSlots: openSlotsByDate.get(day.date) ?? [],
    })),
  };
}

/** Items grouped by their day, in their order; items without a day are left out. */
function byDate<T>(items: readonly T[], dateOf: (item: T) => string | null): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) {
    const date = dateOf(item);
    if (date === null) continue;
    const group = grouped.get(date);
    if (group) group.push(item);
    else grouped.set(date, [item]);
  }
  return grouped;
}
