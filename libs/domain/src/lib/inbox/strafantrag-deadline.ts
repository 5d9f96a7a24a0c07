import { isCalendarDate } from '../calendar-date';

/**
 * The deadline for a criminal complaint (Strafantrag, § 77b StGB): three months, starting
 * with the end of the day on which the person entitled learns of the act and the offender.
 * Counted as §§ 187 (1), 188 (2, 3) BGB: it ends with the day of the third month that has
 * the same number as the day of knowledge, or the month's last day if there is no such day.
 * No shift for weekends or holidays: § 193 BGB is not applied to this substantive deadline
 * by the prevailing view, so the earlier, safe date is shown.
 *
 * Returns the last day on which the complaint can be filed, 'YYYY-MM-DD'.
 */
export function strafantragDeadline(knowledgeDate: string): string {
  if (!isCalendarDate(knowledgeDate)) throw new RangeError(`Kein gültiges Datum: ${knowledgeDate}`);
  const [year, month, day] = knowledgeDate.split('-').map(Number);
  const targetMonthIndex = month - 1 + 3;
  const targetYear = year + Math.floor(targetMonthIndex / 12);
  const targetMonth = targetMonthIndex % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Calendar days from `today` to the deadline (0 on the last day, negative once passed). */
export function daysUntilStrafantragDeadline(knowledgeDate: string, today: string): number {
  const deadline = Date.parse(`${strafantragDeadline(knowledgeDate)}T00:00:00Z`);
  return Math.round((deadline - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
