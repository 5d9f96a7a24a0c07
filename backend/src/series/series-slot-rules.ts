import { seriesSlots, type SeriesRule } from '@amtsplan/domain';

const TWO_YEARS_MS = 2 * 366 * 24 * 60 * 60 * 1000;

/** Why a rule cannot drive a series (bad start, unknown zone, no occurrence within two years), or null. */
export function firstSlotProblem(rule: SeriesRule): { path: 'start' | 'rrule'; message: string } | null {
  let slots: Date[];
  try {
    const from = new Date(`${rule.start.slice(0, 10)}T00:00:00Z`);
    slots = seriesSlots(rule, { from: new Date(from.getTime() - 24 * 60 * 60 * 1000), to: new Date(from.getTime() + TWO_YEARS_MS) });
  } catch (error) {
    return { path: 'start', message: error instanceof RangeError ? error.message : 'Ungültiger Beginn' };
  }
  return slots.length ? null : { path: 'rrule', message: 'Diese Regel ergibt in den nächsten zwei Jahren keinen Termin.' };
}

/** Whether `at` is exactly one of the series' occurrences. */
export function isSlotOf(rule: SeriesRule, at: Date): boolean {
  return seriesSlots(rule, { from: at, to: new Date(at.getTime() + 1) }).some((slot) => slot.getTime() === at.getTime());
}
