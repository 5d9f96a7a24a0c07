import { RULE_WEEKDAYS, type RuleWeekday, parseRule } from '@amtsplan/domain';

/**
 * What the friendly rule picker offers: weekly on some weekdays every n weeks, or monthly on
 * the n-th weekday or on a day of the month, always at one time of day. It writes the RRULE;
 * anything else is kept as typed in the expert field.
 */
export type RecurrenceChoice =
  | {
      readonly frequency: 'weekly';
      readonly interval: number;
      readonly weekdays: readonly RuleWeekday[];
      readonly time: string;
    }
  | {
      readonly frequency: 'monthly-weekday';
      readonly interval: number;
      /** 1–4, or -1 for the last. */
      readonly ordinal: number;
      readonly weekday: RuleWeekday;
      readonly time: string;
    }
  | {
      readonly frequency: 'monthly-day';
      readonly interval: number;
      readonly monthDay: number;
      readonly time: string;
    };

export const WEEKDAYS = RULE_WEEKDAYS;

function timeParts(time: string): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : { hour: 9, minute: 0 };
}

export function ruleOfChoice(choice: RecurrenceChoice): string {
  const { hour, minute } = timeParts(choice.time);
  const parts: string[] = [];
  switch (choice.frequency) {
    case 'weekly': {
      parts.push('FREQ=WEEKLY');
      if (choice.interval > 1) parts.push(`INTERVAL=${choice.interval}`);
      const days = RULE_WEEKDAYS.filter((day) => choice.weekdays.includes(day));
      if (days.length > 0) parts.push(`BYDAY=${days.join(',')}`);
      break;
    }
    case 'monthly-weekday':
      parts.push('FREQ=MONTHLY');
      if (choice.interval > 1) parts.push(`INTERVAL=${choice.interval}`);
      parts.push(`BYDAY=${choice.ordinal}${choice.weekday}`);
      break;
    case 'monthly-day':
      parts.push('FREQ=MONTHLY');
      if (choice.interval > 1) parts.push(`INTERVAL=${choice.interval}`);
      parts.push(`BYMONTHDAY=${choice.monthDay}`);
      break;
  }
  parts.push(`BYHOUR=${hour}`, `BYMINUTE=${minute}`);
  return parts.join(';');
}

/** The picker's reading of a stored rule, or null when the rule is more than the picker can show. */
export function choiceOfRule(rrule: string): RecurrenceChoice | null {
  const { rule } = parseRule(rrule);
  if (!rule || rule.count !== null || rule.until !== null || rule.byMonth.length > 0 || rule.bySetPos.length > 0) return null;
  if (rule.byHour.length !== 1 || rule.byMinute.length !== 1) return null;
  const time = `${String(rule.byHour[0]).padStart(2, '0')}:${String(rule.byMinute[0]).padStart(2, '0')}`;
  if (rule.freq === 'WEEKLY' && rule.byMonthDay.length === 0 && rule.byDay.every((day) => day.ordinal === null)) {
    return { frequency: 'weekly', interval: rule.interval, weekdays: rule.byDay.map((day) => day.weekday), time };
  }
  if (rule.freq === 'MONTHLY' && rule.byMonthDay.length === 0 && rule.byDay.length === 1) {
    const [day] = rule.byDay;
    if (day.ordinal === null || !(day.ordinal === -1 || (day.ordinal >= 1 && day.ordinal <= 4))) return null;
    return { frequency: 'monthly-weekday', interval: rule.interval, ordinal: day.ordinal, weekday: day.weekday, time };
  }
  if (rule.freq === 'MONTHLY' && rule.byDay.length === 0 && rule.byMonthDay.length === 1 && rule.byMonthDay[0] >= 1) {
    return { frequency: 'monthly-day', interval: rule.interval, monthDay: rule.byMonthDay[0], time };
  }
  return null;
}
