import { parseRule, type RecurrenceRule, type RuleDay, type RuleWeekday } from './recurrence-rule';

/**
 * A German sentence for the common series rules ("Alle 2 Wochen am Dienstag um 10:00 Uhr").
 * rrule's toText speaks English only. Anything unusual falls back to the rule itself:
 * better a technical string than a sentence that says something slightly different.
 */

const WEEKDAY_NAMES: { readonly [D in RuleWeekday]: string } = {
  MO: 'Montag',
  TU: 'Dienstag',
  WE: 'Mittwoch',
  TH: 'Donnerstag',
  FR: 'Freitag',
  SA: 'Samstag',
  SU: 'Sonntag',
};

const ORDINALS: Readonly<Record<number, string>> = {
  1: 'ersten',
  2: 'zweiten',
  3: 'dritten',
  4: 'vierten',
  5: 'fünften',
  [-1]: 'letzten',
  [-2]: 'vorletzten',
};

const MONTH_NAMES = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni',
  'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
];

/** "A", "A und B", "A, B und C". */
function enumerate(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

function every(interval: number, one: string, many: string): string {
  return interval === 1 ? one : `Alle ${interval} ${many}`;
}

function plainDays(days: readonly RuleDay[]): string | null {
  if (days.some((d) => d.ordinal !== null)) return null;
  return `am ${enumerate(days.map((d) => WEEKDAY_NAMES[d.weekday]))}`;
}

/** "am ersten Dienstag", from 1TU or from TU with BYSETPOS=1. */
function nthWeekday(rule: RecurrenceRule): string | null {
  if (rule.byDay.length !== 1) return null;
  const [day] = rule.byDay;
  if (day.ordinal !== null && rule.bySetPos.length === 0) return ordinalWeekday(day.ordinal, day.weekday);
  if (day.ordinal === null && rule.bySetPos.length === 1) return ordinalWeekday(rule.bySetPos[0], day.weekday);
  return null;
}

function ordinalWeekday(ordinal: number, weekday: RuleWeekday): string | null {
  const word = ORDINALS[ordinal];
  return word ? `am ${word} ${WEEKDAY_NAMES[weekday]}` : null;
}

function monthDays(days: readonly number[]): string | null {
  if (days.length === 1 && days[0] === -1) return 'am letzten Tag';
  if (days.some((d) => d < 1)) return null;
  return `am ${enumerate(days.map((d) => `${d}.`))}`;
}

function frequencyPhrase(rule: RecurrenceRule): string | null {
  const { freq, interval, byDay, byMonthDay, byMonth, bySetPos } = rule;
  const onlyDays = byMonthDay.length === 0 && byMonth.length === 0 && bySetPos.length === 0;
  switch (freq) {
    case 'DAILY': {
      if (!onlyDays) return null;
      if (byDay.length === 0) return every(interval, 'Täglich', 'Tage');
      // FREQ=DAILY;BYDAY=MO,WE is the same as weekly on those days.
      const days = plainDays(byDay);
      return interval === 1 && days ? `Wöchentlich ${days}` : null;
    }
    case 'WEEKLY': {
      if (!onlyDays) return null;
      const base = every(interval, 'Wöchentlich', 'Wochen');
      if (byDay.length === 0) return base;
      const days = plainDays(byDay);
      return days ? `${base} ${days}` : null;
    }
    case 'MONTHLY': {
      if (byMonth.length > 0) return null;
      const base = every(interval, 'Monatlich', 'Monate');
      if (byDay.length === 0 && byMonthDay.length === 0 && bySetPos.length === 0) return base;
      let on: string | null = null;
      if (byDay.length > 0 && byMonthDay.length === 0) on = nthWeekday(rule);
      else if (byDay.length === 0 && bySetPos.length === 0) on = monthDays(byMonthDay);
      return on ? `${base} ${on}` : null;
    }
    case 'YEARLY': {
      const base = every(interval, 'Jährlich', 'Jahre');
      if (byDay.length === 0 && byMonthDay.length === 0 && byMonth.length === 0 && bySetPos.length === 0) return base;
      if (byDay.length > 0 || bySetPos.length > 0 || byMonth.length !== 1 || byMonthDay.length !== 1 || byMonthDay[0] < 1) return null;
      return `${base} am ${byMonthDay[0]}. ${MONTH_NAMES[byMonth[0] - 1]}`;
    }
  }
}

/** "um 10:00 Uhr", "um 9:00 und 15:30 Uhr"; without BYHOUR the time comes from the start. */
function timePhrase(rule: RecurrenceRule): string | null {
  if (rule.byHour.length === 0) return rule.byMinute.length === 0 ? '' : null;
  if (rule.byMinute.length !== 1) return null;
  const minute = String(rule.byMinute[0]).padStart(2, '0');
  return ` um ${enumerate([...rule.byHour].sort((a, b) => a - b).map((h) => `${h}:${minute}`))} Uhr`;
}

function endPhrase(rule: RecurrenceRule): string {
  if (rule.count !== null) return `, ${rule.count}-mal`;
  if (rule.until !== null) return `, bis ${rule.until.slice(6, 8)}.${rule.until.slice(4, 6)}.${rule.until.slice(0, 4)}`;
  return '';
}

export function describeRule(rrule: string): string {
  const { rule } = parseRule(rrule);
  const fallback = rrule.trim();
  if (!rule) return fallback;
  const frequency = frequencyPhrase(rule);
  const time = timePhrase(rule);
  if (frequency === null || time === null) return fallback;
  return `${frequency}${time}${endPhrase(rule)}`;
}
