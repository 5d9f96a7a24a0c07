import { isCalendarDate } from './calendar-date';
import type { FieldProblem } from './field-problem';
import { localDateOf } from './time-zone';

/**
 * Vorwahlzeit: before an election, public authorities must keep their public relations
 * neutral and restrained (Bundesverfassungsgericht, 2 BvE 1/76). Organizations record the
 * periods in their settings; posts planned in them get a warning and may take their own
 * Freigaberoute (condition `electionBlackout`).
 */
export interface ElectionBlackoutPeriod {
  /** First day, 'YYYY-MM-DD' in the organization's zone, inclusive. */
  readonly from: string;
  /** Last day (usually election day), inclusive. */
  readonly to: string;
  /** E.g. "Landtagswahl 2026". */
  readonly label?: string | null;
}

/**
 * A post's planning as far as the blackout cares: an exact instant, a day ('YYYY-MM-DD' in
 * the organization's zone) for posts planned without a time, or null for unplanned posts.
 */
export type PlannedFor = Date | string | null;

function plannedDay(planned: Date | string, timeZone: string): string {
  if (planned instanceof Date) {
    if (Number.isNaN(planned.getTime())) throw new RangeError('Ungültiger Zeitpunkt');
    return localDateOf(planned, timeZone);
  }
  if (!isCalendarDate(planned)) throw new RangeError(`Kein gültiges Datum (JJJJ-MM-TT): ${planned}`);
  return planned;
}

/**
 * The first period (in the given order) containing the planned day, or null. An instant
 * counts by its calendar day in `timeZone`: 2026-08-31T22:30Z is 1 September in Berlin.
 * Periods with invalid dates are ignored here; validateElectionBlackoutPeriods reports them.
 */
export function electionBlackoutPeriodFor(
  planned: PlannedFor,
  periods: readonly ElectionBlackoutPeriod[],
  timeZone: string,
): ElectionBlackoutPeriod | null {
  if (planned === null) return null;
  const day = plannedDay(planned, timeZone);
  // 'YYYY-MM-DD' strings compare like the dates they name.
  return periods.find((p) => isCalendarDate(p.from) && isCalendarDate(p.to) && p.from <= day && day <= p.to) ?? null;
}

export function inElectionBlackout(planned: PlannedFor, periods: readonly ElectionBlackoutPeriod[], timeZone: string): boolean {
  return electionBlackoutPeriodFor(planned, periods, timeZone) !== null;
}

function germanDate(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

/** The warning shown on a post planned in a blackout period (editor, approval, calendar). */
export function electionNeutralityWarning(period: ElectionBlackoutPeriod): string {
  const label = period.label?.trim();
  const range = `${germanDate(period.from)} bis ${germanDate(period.to)}`;
  return (
    `Dieser Beitrag ist in der Vorwahlzeit geplant (${label ? `${label}, ` : ''}${range}). ` +
    'Für Behörden gilt das Neutralitätsgebot: keine Werbung für Parteien, Kandidierende oder Amtsinhaber*innen, ' +
    'keine Wertung politischer Streitfragen; Öffentlichkeitsarbeit nur sachlich und zurückhaltend.'
  );
}

const MAX_LABEL_LENGTH = 100;

/** Problems with the periods in the organization settings; empty when they can be saved. */
export function validateElectionBlackoutPeriods(periods: readonly ElectionBlackoutPeriod[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  periods.forEach((period, index) => {
    const at = (field: string) => `${index}.${field}`;
    const fromOk = isCalendarDate(period.from);
    const toOk = isCalendarDate(period.to);
    if (!fromOk) problems.push({ path: at('from'), message: 'Bitte den ersten Tag als JJJJ-MM-TT angeben.' });
    if (!toOk) problems.push({ path: at('to'), message: 'Bitte den letzten Tag als JJJJ-MM-TT angeben.' });
    if (fromOk && toOk && period.to < period.from) {
      problems.push({ path: at('to'), message: 'Der letzte Tag liegt vor dem ersten.' });
    }
    if ((period.label ?? '').trim().length > MAX_LABEL_LENGTH) {
      problems.push({ path: at('label'), message: `Die Bezeichnung darf höchstens ${MAX_LABEL_LENGTH} Zeichen lang sein.` });
    }
  });
  return problems;
}
