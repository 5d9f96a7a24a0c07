/**
 * The recurrence rule of a series (Serie/Format): one RFC 5545 RRULE line such as
 * 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0'. Start and time zone are stored beside it,
 * not inside it. We parse it ourselves because rrule's parser accepts nonsense silently
 * (FREQ=FOO, BYDAY=XX) and we want German messages for the series form.
 */

export const RULE_FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type RuleFrequency = (typeof RULE_FREQUENCIES)[number];

export const RULE_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type RuleWeekday = (typeof RULE_WEEKDAYS)[number];

export interface RuleDay {
  readonly weekday: RuleWeekday;
  /** "1TU" is the first Tuesday, "-1FR" the last Friday; null means every one. */
  readonly ordinal: number | null;
}

export interface RecurrenceRule {
  readonly freq: RuleFrequency;
  readonly interval: number;
  readonly count: number | null;
  /** As written: 'YYYYMMDD' or 'YYYYMMDDTHHmmss[Z]'. */
  readonly until: string | null;
  readonly byDay: readonly RuleDay[];
  readonly byMonthDay: readonly number[];
  readonly byMonth: readonly number[];
  readonly bySetPos: readonly number[];
  readonly byHour: readonly number[];
  readonly byMinute: readonly number[];
  readonly weekStart: RuleWeekday | null;
}

export type RuleParseResult =
  | { readonly rule: RecurrenceRule; readonly error: null }
  | { readonly rule: null; readonly error: string };

const KNOWN_KEYS = ['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYHOUR', 'BYMINUTE', 'WKST'];
/** Valid RFC 5545 parts the series form never produces; refusing them keeps the describer honest. */
const UNSUPPORTED_KEYS = ['BYSECOND', 'BYWEEKNO', 'BYYEARDAY'];
const INTEGER = /^[+-]?\d{1,4}$/;
const DAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/;

class RuleError extends Error {}

function integers(key: string, value: string, min: number, max: number): number[] {
  return value.split(',').map((item) => {
    const n = INTEGER.test(item) ? Number(item) : NaN;
    if (!(n >= min && n <= max)) throw new RuleError(`${key} erwartet Zahlen von ${min} bis ${max}, nicht „${item}“.`);
    return n;
  });
}

/** RFC 5545 counts from the end with negative numbers: BYMONTHDAY=-1 is the last day. */
function signedIntegers(key: string, value: string, max: number): number[] {
  return value.split(',').map((item) => {
    const n = INTEGER.test(item) ? Number(item) : NaN;
    if (!(n !== 0 && Math.abs(n) <= max)) {
      throw new RuleError(`${key} erwartet Zahlen von 1 bis ${max} oder -${max} bis -1, nicht „${item}“.`);
    }
    return n;
  });
}

function single(key: string, value: string, min: number, max: number): number {
  if (value.includes(',')) throw new RuleError(`${key} erwartet genau eine Zahl.`);
  return integers(key, value, min, max)[0];
}

function days(value: string, freq: RuleFrequency): RuleDay[] {
  return value.split(',').map((item) => {
    const m = DAY.exec(item);
    if (!m) throw new RuleError(`Unbekannter Wochentag „${item}“ (erwartet MO, TU, WE, TH, FR, SA oder SU).`);
    const ordinal = m[1] === undefined ? null : Number(m[1]);
    if (ordinal !== null) {
      const max = freq === 'MONTHLY' ? 5 : freq === 'YEARLY' ? 53 : 0;
      if (max === 0) throw new RuleError('„Der erste/letzte Wochentag“ gibt es nur bei monatlichen oder jährlichen Serien.');
      if (ordinal === 0 || Math.abs(ordinal) > max) {
        throw new RuleError(`„${item}“: Die Nummer des Wochentags liegt außerhalb von 1 bis ${max}.`);
      }
    }
    return { weekday: m[2] as RuleWeekday, ordinal };
  });
}

function validUntil(value: string): boolean {
  const m = UNTIL.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1).map((p) => Number(p ?? 0));
  const d = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
}

function parseParts(text: string): RecurrenceRule {
  const line = text.trim().replace(/^RRULE:/i, '');
  if (line === '') throw new RuleError('Bitte eine Wiederholungsregel angeben.');
  if (/[\r\n]/.test(line) || /(^|;)(DTSTART|TZID)\b/i.test(line)) {
    throw new RuleError('Die Regel enthält nur die RRULE-Zeile; Beginn und Zeitzone werden getrennt angegeben.');
  }
  const values = new Map<string, string>();
  for (const part of line.split(';').filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).toUpperCase();
    const value = eq < 0 ? '' : part.slice(eq + 1).toUpperCase();
    if (UNSUPPORTED_KEYS.includes(key)) throw new RuleError(`${key} wird für Serien nicht unterstützt.`);
    if (!KNOWN_KEYS.includes(key)) throw new RuleError(`Unbekannter Bestandteil „${part}“.`);
    if (value === '') throw new RuleError(`${key} hat keinen Wert.`);
    if (values.has(key)) throw new RuleError(`${key} kommt doppelt vor.`);
    values.set(key, value);
  }

  const freqValue = values.get('FREQ');
  if (!freqValue) throw new RuleError('FREQ fehlt: täglich, wöchentlich, monatlich oder jährlich?');
  if (['HOURLY', 'MINUTELY', 'SECONDLY'].includes(freqValue)) throw new RuleError('Serien wiederholen sich höchstens täglich.');
  if (!(RULE_FREQUENCIES as readonly string[]).includes(freqValue)) throw new RuleError(`Unbekannte Häufigkeit „${freqValue}“.`);
  const freq = freqValue as RuleFrequency;

  const until = values.get('UNTIL') ?? null;
  if (until !== null && !validUntil(until)) throw new RuleError('UNTIL ist kein gültiges Datum (JJJJMMTT oder JJJJMMTTTHHMMSSZ).');
  if (until !== null && values.has('COUNT')) throw new RuleError('COUNT und UNTIL schließen sich aus: entweder Anzahl oder Enddatum.');
  const weekStart = values.get('WKST') ?? null;
  if (weekStart !== null && !(RULE_WEEKDAYS as readonly string[]).includes(weekStart)) {
    throw new RuleError(`Unbekannter Wochenbeginn „${weekStart}“.`);
  }

  const list = (key: string, parse: (v: string) => number[]) => (values.has(key) ? parse(values.get(key) as string) : []);
  const rule: RecurrenceRule = {
    freq,
    interval: values.has('INTERVAL') ? single('INTERVAL', values.get('INTERVAL') as string, 1, 999) : 1,
    count: values.has('COUNT') ? single('COUNT', values.get('COUNT') as string, 1, 9999) : null,
    until,
    byDay: values.has('BYDAY') ? days(values.get('BYDAY') as string, freq) : [],
    byMonthDay: list('BYMONTHDAY', (v) => signedIntegers('BYMONTHDAY', v, 31)),
    byMonth: list('BYMONTH', (v) => integers('BYMONTH', v, 1, 12)),
    bySetPos: list('BYSETPOS', (v) => signedIntegers('BYSETPOS', v, 366)),
    byHour: list('BYHOUR', (v) => integers('BYHOUR', v, 0, 23)),
    byMinute: list('BYMINUTE', (v) => integers('BYMINUTE', v, 0, 59)),
    weekStart: weekStart as RuleWeekday | null,
  };
  const otherBy = rule.byDay.length + rule.byMonthDay.length + rule.byMonth.length + rule.byHour.length + rule.byMinute.length;
  if (rule.bySetPos.length > 0 && otherBy === 0) {
    throw new RuleError('BYSETPOS braucht einen weiteren BY…-Bestandteil, aus dem es auswählt.');
  }
  return rule;
}

export function parseRule(rrule: string): RuleParseResult {
  try {
    return { rule: parseParts(rrule), error: null };
  } catch (e) {
    if (e instanceof RuleError) return { rule: null, error: e.message };
    throw e;
  }
}

/** A German message for the series form, or null when the rule is usable. */
export function validateRule(rrule: string): string | null {
  return parseRule(rrule).error;
}

/** The rule as one canonical RRULE line (upper case, no "RRULE:" prefix), for rrule. */
export function ruleLine(rrule: string): string {
  return rrule.trim().replace(/^RRULE:/i, '').toUpperCase().split(';').filter((p) => p !== '').join(';');
}
