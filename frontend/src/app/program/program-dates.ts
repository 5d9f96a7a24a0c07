import type { Language } from '../shared/i18n/translate';

/** The program runs on German time for everyone in a cohort (libs/domain program-run.ts). */
const RUN_TIME_ZONE = 'Europe/Berlin';

function locale(language: Language): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

/** "Donnerstag, 10. Dezember 2026, 10:00": a meeting is planned by its weekday, so it is named. */
export function meetingText(isoTimestamp: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: RUN_TIME_ZONE,
  }).format(new Date(isoTimestamp));
}

/** A calendar day (`2026-12-14`) as "14.12.2026"; read at noon UTC so no zone can move it. */
export function dayText(calendarDay: string, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${calendarDay}T12:00:00Z`));
}

/** Weekday 1 (Monday) … 7 (Sunday) by name, for "jeden Donnerstag". */
export function weekdayText(weekday: number, language: Language): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale(language), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}
